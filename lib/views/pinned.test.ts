import { hasValue } from '../kpi/types';
import { describe, expect, it } from 'vitest';
import { computePinnedView, warmPeriods } from './pinned';
import { calendarOf } from './query';
import { chunksOf, ColumnTable, withColumns } from '../columns';
import type { Activity } from '../model';
import { activities, AS_OF, fixtureData, settingsFor, ZONE } from './test-fixture';

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

describe('the periods found ahead (warmPeriods)', () => {
  it('change no number, and leave a selection that cannot be resolved for its view to report', () => {
    const calendar = calendarOf(input.settings, ZONE);
    const cold = computePinnedView(fixtureData(), { ...input, period: 'quarter', compare: 'last-year' });
    warmPeriods({ period: 'quarter', compare: 'last-year' }, AS_OF, calendar);
    expect(computePinnedView(fixtureData(), { ...input, period: 'quarter', compare: 'last-year' })).toEqual(cold);
    const backwards = { period: 'custom' as const, range: { from: '2025-11-20', to: '2025-11-01' } };
    expect(() => warmPeriods(backwards, AS_OF, calendar)).not.toThrow();
    expect(() => computePinnedView(fixtureData(), { ...input, ...backwards })).toThrow();
  });
});

describe('pinned view over the column store', () => {
  // Wednesday 2 December: this week began on 30 November, in neither the month nor its comparison
  // (1–2 November), so the period's KPIs and the week's counts need different chunks of activities.
  const asOf = Date.UTC(2026, 11, 2, 15);
  const start = Date.UTC(2026, 8, 1);
  const every = 10 * 60_000; // ~144 a day: a cold chunk of 1,024 rows holds about a week
  const many: Activity[] = Array.from({ length: Math.floor((asOf - start) / every) }, (_, i) => ({
    ...activities[0]!,
    externalId: `m${i}`,
    type: i % 3 === 0 ? 'meeting' : 'call',
    occurredAt: start + i * every,
    createdAt: start + i * every,
    updatedAt: start + i * every,
    done: true,
  }));

  it('reads the chunks every computation needs in one read, and shows what the records show', async () => {
    const data = fixtureData({ activities: many });
    const stored = chunksOf('test', 'activity', many);
    const reads: number[][] = [];
    const table = new ColumnTable(
      'test',
      'activity',
      stored.filter((chunk) => chunk.tier === 'hot'),
      async (tier, wanted) => {
        if (wanted === 'all') throw new Error('the whole tier was asked for');
        reads.push([...wanted]);
        return stored.filter((chunk) => chunk.tier === tier && wanted.includes(chunk.chunk));
      },
    );
    const at = { ...input, asOf, settings: settingsFor('ann', { pinnedKpis: ['activityCounts'] }), period: 'month' as const };
    const fromColumns = await withColumns(() => computePinnedView({ ...data, activities: table.records() }, at));

    expect(fromColumns).toEqual(computePinnedView(data, at));
    expect(hasValue(fromColumns.activities.week!) && fromColumns.activities.week.value).toBeTruthy();
    // One read, of the chunks of 1–2 November, 30 November and 1–2 December only (of 13).
    expect(reads).toHaveLength(1);
    expect(reads[0]!.length).toBeLessThan(6);
  });
});
