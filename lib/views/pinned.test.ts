import { hasValue } from '../kpi/types';
import { describe, expect, it } from 'vitest';
import { computePinnedView } from './pinned';
import { AS_OF, fixtureData, settingsFor, ZONE } from './test-fixture';

const input = {
  settings: settingsFor('ann', { pinnedKpis: ['winRate', 'activityCounts', 'quotaAttainment'] }),
  browserZone: ZONE,
  asOf: AS_OF,
  scope: { ownerIds: ['ann'] },
};

describe('pinned view', () => {
  it('reads the activity window that is the selected period from the main call instead of computing it again', () => {
    const view = computePinnedView(fixtureData(), { ...input, period: 'month' });
    expect(view.activities.month).toBe(view.results.activityCounts);
    expect(view.activities.week).not.toBe(view.results.activityCounts);
    const week = computePinnedView(fixtureData(), { ...input, period: 'week' });
    expect(week.activities.week).toBe(week.results.activityCounts);
  });

  it('counts today, this week and this month, and keeps the other pinned KPIs in the rep order', () => {
    const view = computePinnedView(fixtureData(), { ...input, period: 'month' });
    const calls = (window: 'day' | 'week' | 'month') => {
      const result = view.activities[window];
      return hasValue(result) ? result.parts.call : undefined;
    };
    // Wednesday the 18th: nothing today; Monday the 16th is in this week (2 calls); the month too.
    expect([calls('day'), calls('week'), calls('month')]).toEqual([0, 2, 2]);
    expect(view.others.map((result) => result.id)).toEqual(['winRate']);
    // Win rate: d1, d2 won and d3 lost in November → 2 of 3.
    expect(hasValue(view.others[0]) && view.others[0].value).toBeCloseTo((2 / 3) * 100, 9);
    expect(view.others[0]?.status).toBe('low-sample'); // 3 closed deals, under the default minimum of 10
  });

  it('compares with the same month last year when asked', () => {
    const view = computePinnedView(fixtureData(), { ...input, period: 'month', compare: 'last-year' });
    expect(view.compare?.label).toBe('2025-11');
    const none = computePinnedView(fixtureData(), { ...input, period: 'month', compare: 'none' });
    expect(none.compare).toBeNull();
    expect(hasValue(none.quota) && none.quota.previous).toBeUndefined();
  });
});
