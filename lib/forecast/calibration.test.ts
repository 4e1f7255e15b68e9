/**
 * Calibration: on CRMs simulated from known probabilities (test-support.ts), a forecast made in the
 * middle of a month from only what was known then must hold the month's actual result between P10 and
 * P90 80 % of the time (± 5 points), over many independent datasets. With N datasets the coverage of a
 * calibrated forecast has a standard error of √(0.8 × 0.2 / N): 1.8 points for 500, so the ± 5 band
 * is 2.8 standard errors wide and a calibrated forecast fails it about once in 200 runs of new seeds.
 */
import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import { periodContaining } from '../period';
import { forecast } from './forecast';
import { simulateCrm, T0 } from './test-support';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const DATASETS = 500;

describe('calibration on simulated CRMs', () => {
  it('holds the actual month within P10–P90 80 % ± 5 % of the time, for revenue and for won deals, team and rep', () => {
    let repInside = 0;
    let revenueInside = 0;
    let dealsInside = 0;
    let misses = { below: 0, above: 0 };
    for (let seed = 1; seed <= DATASETS; seed += 1) {
      const { data } = simulateCrm({ seed, reps: 4, days: 450 });
      const period = periodContaining('month', T0 + 420 * DAY_MS, CAL);
      const asOf = period.start + 15 * DAY_MS - 1; // the end of the 15th
      const f = forecast({
        data,
        period,
        asOf,
        scope: { ownerIds: 'all' },
        calendar: CAL,
        currency: { reporting: 'USD', rates: {} },
        settings: { seed: 1_000_000 + seed },
      });
      if (f.status !== 'ok') throw new Error(`seed ${seed}: ${f.status}`);
      const won = data.deals.filter((d) => d.status === 'won' && (d.closedAt as number) >= period.start && (d.closedAt as number) < period.end);
      const revenue = won.reduce((sum, d) => sum + (d.amount?.minor ?? 0), 0);
      if (revenue >= f.revenue.p10 && revenue <= f.revenue.p90) revenueInside += 1;
      else if (revenue < f.revenue.p10) misses = { ...misses, below: misses.below + 1 };
      else misses = { ...misses, above: misses.above + 1 };
      if (won.length >= f.wonDeals.p10 && won.length <= f.wonDeals.p90) dealsInside += 1;
      // One rep alone: fewer deals, and the rep's own factor is uncertain.
      const rep = forecast({
        data,
        period,
        asOf,
        scope: { ownerIds: ['rep1'] },
        calendar: CAL,
        currency: { reporting: 'USD', rates: {} },
        settings: { seed: 2_000_000 + seed },
      });
      if (rep.status !== 'ok') throw new Error(`seed ${seed}: ${rep.status}`);
      const repRevenue = won.filter((d) => d.ownerId === 'rep1').reduce((sum, d) => sum + (d.amount?.minor ?? 0), 0);
      if (repRevenue >= rep.revenue.p10 && repRevenue <= rep.revenue.p90) repInside += 1;
    }
    const revenueCoverage = revenueInside / DATASETS;
    const dealsCoverage = dealsInside / DATASETS;
    const repCoverage = repInside / DATASETS;
    expect(repCoverage).toBeGreaterThanOrEqual(0.75);
    expect(repCoverage).toBeLessThanOrEqual(0.85);
    expect(revenueCoverage).toBeGreaterThanOrEqual(0.75);
    expect(revenueCoverage).toBeLessThanOrEqual(0.85);
    // Counts are whole numbers: P10 and P90 are often hit exactly, so "within" holds a little more often.
    expect(dealsCoverage).toBeGreaterThanOrEqual(0.75);
    expect(dealsCoverage).toBeLessThanOrEqual(0.9);
    // Misses fall on both sides: the range is not shifted.
    expect(Math.abs(misses.below - misses.above)).toBeLessThan(0.1 * DATASETS);
    console.info(
      `calibration: team revenue ${(100 * revenueCoverage).toFixed(1)} %, won deals ${(100 * dealsCoverage).toFixed(1)} %, one rep's revenue ${(100 * repCoverage).toFixed(1)} %; team misses ${JSON.stringify(misses)}`,
    );
  }, 600_000);
});
