import { describe, expect, it } from 'vitest';
import { periodContaining, customPeriod } from '../period';
import { activityTrend, trendUnit, wonVsQuota } from './charts';
import { queryBasics } from './query';
import { AS_OF, fixtureData, settingsFor, ZONE } from './test-fixture';

const basics = queryBasics(settingsFor('ann'), ZONE);
const month = periodContaining('month', AS_OF, basics.calendar);

describe('chart data', () => {
  it.each([
    ['2026-11-01', '2026-11-30', 'day'], // 30 days
    ['2026-10-01', '2026-12-31', 'week'], // a quarter
    ['2026-01-01', '2026-12-31', 'month'], // a year
  ] as const)('%s..%s is drawn by %s', (from, to, unit) => {
    expect(trendUnit(customPeriod(from, to, basics.calendar))).toBe(unit);
  });

  it("counts each rep's done calls, emails and meetings per day, up to today", () => {
    const ann = activityTrend(fixtureData(), new Set(['ann']), month, AS_OF, basics.calendar);
    expect(ann.unit).toBe('day');
    expect(ann.buckets).toHaveLength(18); // 1–18 November
    expect(ann.buckets[15]).toMatchObject({ label: '2026-11-16', call: 2, email: 0, meeting: 0 });
    expect(ann.buckets[16]).toMatchObject({ label: '2026-11-17', call: 0, email: 1, meeting: 0 });
    const everyone = activityTrend(fixtureData(), 'all', month, AS_OF, basics.calendar);
    expect(everyone.buckets[15]).toMatchObject({ call: 2, meeting: 1 }); // Bob's meeting joins
  });

  it('shows won revenue against quota for the six months up to a short period', () => {
    const bars = wonVsQuota(fixtureData(), { ...basics, asOf: AS_OF, scope: { ownerIds: ['ann'] } }, month);
    expect(bars.map((bar) => bar.label)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(bars[5]).toMatchObject({ won: 400_000, quota: 800_000 }); // 3,000 + 1,000 won; 8,000 quota
    expect(bars[4]).toMatchObject({ won: 0, quota: null }); // no quota in October
  });
});
