import { describe, expect, it } from 'vitest';
import type { Deal } from '../model';
import { DAY_MS } from '../period/units';
import { periodContaining } from '../period';
import { forecast } from './forecast';
import { simulateCrm, T0 } from './test-support';
import type { ForecastInput, ForecastResult, OwnerOutlook } from './types';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const USD = { reporting: 'USD', rates: {} };
const { data: SIM } = simulateCrm({ seed: 7, reps: 4, days: 450, activities: true, stages: true });
const PERIOD = periodContaining('month', T0 + 420 * DAY_MS, CAL);
const AS_OF = PERIOD.start + 15 * DAY_MS - 1;
const YEAR_AGO = AS_OF - 365 * DAY_MS;

// A rookie who closed three deals in the trailing year (copies of rep0's, so nothing else changes).
const rookieDeals: Deal[] = SIM.deals
  .filter((d) => d.ownerId === 'rep0' && d.status !== 'open' && (d.closedAt as number) >= YEAR_AGO && (d.closedAt as number) <= AS_OF)
  .slice(0, 3)
  .map((d) => ({ ...d, externalId: `rookie-${d.externalId}`, ownerId: 'rookie' }));
const DATA = { ...SIM, deals: [...SIM.deals, ...rookieDeals], owners: [...SIM.owners, { ...SIM.owners[0]!, externalId: 'rookie', name: 'Rookie' }] };

function team(over: Partial<ForecastInput> = {}): ForecastResult {
  const f = forecast({ data: DATA, period: PERIOD, asOf: AS_OF, scope: { ownerIds: 'all' }, calendar: CAL, currency: USD, byOwner: true, ...over });
  if (f.status !== 'ok') throw new Error('the simulated CRM should forecast');
  return f;
}
const of = (f: ForecastResult, id: string) => f.byOwner?.find((o) => o.ownerId === id) as OwnerOutlook;
const closedInYear = (id: string) =>
  DATA.deals.filter((d) => d.ownerId === id && d.status !== 'open' && (d.closedAt as number) >= YEAR_AGO && (d.closedAt as number) <= AS_OF).length;

describe('each owner in a team forecast', () => {
  const plain = team();

  it('has no chance of a quota it was not given', () => {
    for (const o of plain.byOwner ?? []) {
      expect(o.quota).toBeNull();
      expect(o.probabilityOfQuota).toBeNull();
    }
  });

  it('reaches a quota at its P50 at least half the time, one above its P90 at most a tenth, one already won always', () => {
    const rep0 = of(plain, 'rep0');
    const rep1 = of(plain, 'rep1');
    const rep2 = of(plain, 'rep2');
    // rep1 has won something already this month: a quota of exactly that is reached in every draw.
    expect(rep1.wonSoFar.amount).toBeGreaterThan(0);
    const f = team({ ownerQuotas: { rep0: rep0.revenue.p50, rep1: rep1.wonSoFar.amount, rep2: rep2.revenue.p90 + 1 } });
    // Nearest rank: P50 is the smallest total with half the draws at or below it, so at least half reach it.
    expect(of(f, 'rep0').probabilityOfQuota).toBeGreaterThanOrEqual(0.5);
    // Above P90: at most 10 % of the draws are above it.
    expect(of(f, 'rep2').probabilityOfQuota).toBeLessThanOrEqual(0.1);
    expect(of(f, 'rep1').probabilityOfQuota).toBe(1);
    expect(of(f, 'rep3').probabilityOfQuota).toBeNull();
    expect(of(f, 'rep0').quota).toBe(rep0.revenue.p50);
    // The quotas change no range: the draws are the same.
    expect(f.byOwner?.map((o) => o.revenue)).toEqual(plain.byOwner?.map((o) => o.revenue));
  });

  it('counts its closed deals of the trailing year and says when they are too few (fewer than 10)', () => {
    for (const o of plain.byOwner ?? []) {
      expect(o.closedDeals, o.ownerId).toBe(closedInYear(o.ownerId));
      expect(o.lowSample, o.ownerId).toBe(o.closedDeals < 10);
    }
    const rookie = of(plain, 'rookie');
    expect(rookie.closedDeals).toBe(3);
    expect(rookie.lowSample).toBe(true);
    expect(rookie.explain.notes).toEqual([expect.objectContaining({ code: 'low-sample', params: { input: 'closedDeals', n: 3, min: 10 } })]);
    expect(of(plain, 'rep0').lowSample).toBe(false);
  });

  it('is explained with its name, its inputs and its open deals', () => {
    const f = team({ ownerQuotas: { rep0: 5_000_000 } });
    const rep0 = of(f, 'rep0');
    expect(rep0.explain.title).toEqual({ en: `Forecast for ${rep0.ownerName}`, ru: `Прогноз: ${rep0.ownerName}` });
    expect([...rep0.explain.dealIds].sort()).toEqual(
      f.deals
        .filter((d) => d.ownerId === 'rep0')
        .map((d) => d.dealId)
        .sort(),
    );
    expect(rep0.explain.dealIds).toHaveLength(rep0.openDeals);
    const value = (key: string) => rep0.explain.inputs.find((i) => i.key === key)?.value;
    expect(value('p50')).toBe(rep0.revenue.p50);
    expect(value('quota')).toBe(5_000_000);
    expect(value('probability')).toBe(rep0.probabilityOfQuota);
    expect(value('expectedAmount')).toBe(rep0.expectedFromPipeline);
    expect(value('closedDeals')).toBe(rep0.closedDeals);
  });
});
