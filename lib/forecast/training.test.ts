import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import { buildDealTable } from './deal-table';
import { ageBand, idleBand, stageAt } from './features';
import { knownAt } from './known-at';
import { buildExamples, openAt, snapshotTimes, wonInSpan } from './training';
import { simulateCrm, T0 } from './test-support';

describe('comparable spans', () => {
  const { data } = simulateCrm({ seed: 11, reps: 3, days: 300, activities: true, stages: true });
  const asOf = T0 + 280 * DAY_MS + 12_345;
  const known = knownAt(data, asOf);
  const table = buildDealTable(known.deals, known.activities, { reporting: 'USD', rates: {} }, asOf);
  const span = { lead: 0, horizon: 16 * DAY_MS };
  const times = snapshotTimes(table, asOf, span, 200, 7);

  it('places snapshots a week apart, the latest a full span before now, within the lookback', () => {
    expect(times[0]).toBe(asOf - 16 * DAY_MS);
    for (let k = 1; k < times.length; k += 1) expect((times[k - 1] as number) - (times[k] as number)).toBe(7 * DAY_MS);
    expect(times.at(-1)).toBeGreaterThanOrEqual(asOf - 16 * DAY_MS - 200 * DAY_MS);
    expect(times).toHaveLength(29); // ⌊200 / 7⌋ + 1
  });

  it('has one example per deal open at each snapshot, with what could be seen of it then', () => {
    const ex = buildExamples(table, times, span);
    // The brute-force list: every (snapshot, deal) with the deal open at the snapshot.
    const expected: string[] = [];
    times.forEach((s, k) => {
      for (let i = 0; i < table.ids.length; i += 1) if (openAt(table, i, s)) expected.push(`${k}:${i}`);
    });
    const seen: string[] = [];
    for (let e = 0; e < ex.count; e += 1) {
      const k = ex.snap[e] as number;
      const i = ex.deal[e] as number;
      const s = times[k] as number;
      seen.push(`${k}:${i}`);
      expect([ex.age[e], ex.idle[e], ex.stage[e], ex.won[e]]).toEqual([
        ageBand(table, i, s),
        idleBand(table, i, s),
        stageAt(table, i, s),
        wonInSpan(table, i, s, span) ? 1 : 0,
      ]);
    }
    expect(seen.sort()).toEqual(expected.sort());
    expect(ex.count).toBeGreaterThan(1000);
  });

  it('gives no examples without snapshots, nor for deals born after the last one', () => {
    expect(buildExamples(table, [], span).count).toBe(0);
    const young = table.ids.findIndex((_, i) => table.dealAt(i).createdAt! > (times[0] as number));
    expect(young).toBeGreaterThanOrEqual(0);
    const ex = buildExamples(table, times, span);
    expect([...ex.deal].includes(young)).toBe(false);
  });

  it('labels a deal won only when it closed won inside the span after the snapshot', () => {
    const s = times[0] as number;
    const i = table.ids.findIndex(
      (_, k, __, d = table.dealAt(k)) =>
        d.status === 'won' && (d.closedAt as number) > s + DAY_MS && (d.closedAt as number) < s + 10 * DAY_MS && (d.createdAt as number) < s,
    );
    expect(i).toBeGreaterThanOrEqual(0);
    expect(wonInSpan(table, i, s, span)).toBe(true);
    expect(wonInSpan(table, i, s, { lead: 0, horizon: DAY_MS })).toBe(false); // closes after a one-day span
    expect(wonInSpan(table, i, s, { lead: 10 * DAY_MS, horizon: 20 * DAY_MS })).toBe(false); // closes before a span 10 days ahead
  });
});
