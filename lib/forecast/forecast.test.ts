import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import type { KpiData } from '../kpi';
import type { Deal } from '../model';
import { periodContaining } from '../period';
import { forecast } from './forecast';
import { knownAt } from './known-at';
import { emptyData, simulateCrm, T0 } from './test-support';
import { EXPLAIN_IDS, type Forecast, type ForecastInput, type ForecastResult } from './types';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const USD = { reporting: 'USD', rates: {} };
const { data: SIM } = simulateCrm({ seed: 7, reps: 4, days: 450, activities: true, stages: true });
const PERIOD = periodContaining('month', T0 + 420 * DAY_MS, CAL);
const AS_OF = PERIOD.start + 15 * DAY_MS - 1;

function run(over: Partial<ForecastInput> = {}): Forecast {
  return forecast({ data: SIM, period: PERIOD, asOf: AS_OF, scope: { ownerIds: 'all' }, calendar: CAL, currency: USD, ...over });
}
function ok(f: Forecast): ForecastResult {
  if (f.status !== 'ok') throw new Error(`expected a forecast, got ${JSON.stringify(f)}`);
  return f;
}
const wonIn = (data: KpiData, from: number, to: number, owner?: string) =>
  data.deals.filter((d) => d.status === 'won' && (d.closedAt as number) >= from && (d.closedAt as number) < to && (owner === undefined || d.ownerId === owner));

describe('forecast', () => {
  it('adds what is already won to what the rest of the period may bring', () => {
    const f = ok(run({ quota: 40_000_000 }));
    const won = wonIn(SIM, PERIOD.start, AS_OF + 1);
    expect(f.wonSoFar).toEqual({
      amount: won.reduce((s, d) => s + (d.amount?.minor ?? 0), 0),
      deals: won.length,
      dealIds: won.map((d) => d.externalId).sort(),
    });
    expect(f.revenue.p10).toBeGreaterThanOrEqual(f.wonSoFar.amount);
    expect(f.revenue.p10).toBeLessThanOrEqual(f.revenue.p50);
    expect(f.revenue.p50).toBeLessThanOrEqual(f.revenue.p90);
    expect(f.wonDeals.p10).toBeGreaterThanOrEqual(f.wonSoFar.deals);
    // The mean is what is won plus what the open deals and the new deals are expected to bring.
    const expected = f.wonSoFar.amount + f.pipeline.expectedAmount + f.newDeals.expectedAmount;
    expect(Math.abs(f.revenue.mean - expected) / expected).toBeLessThan(0.03);
    expect(f.probabilityOfQuota).toBeGreaterThanOrEqual(0);
    expect(f.probabilityOfQuota).toBeLessThanOrEqual(1);
    expect(f.draws).toBe(2000);
  });

  it('uses only what was known at the instant: later records change nothing', () => {
    const full = ok(run({ quota: 40_000_000 }));
    const past = ok(run({ data: knownAt(SIM, AS_OF), quota: 40_000_000 }));
    expect(past).toEqual(full);
  });

  it('does not depend on the order of the records', () => {
    const shuffled = { ...SIM, deals: [...SIM.deals].reverse(), activities: [...SIM.activities].reverse() };
    expect(ok(run({ data: shuffled }))).toEqual(ok(run()));
  });

  it('gives the same result for the same seed, and another for another seed', () => {
    const a = ok(run({ settings: { seed: 5 } }));
    expect(ok(run({ settings: { seed: 5 } })).revenue).toEqual(a.revenue);
    expect(ok(run({ settings: { seed: 6 } })).revenue).not.toEqual(a.revenue);
  });

  it('forecasts one rep from the rep’s own deals, learned with the team', () => {
    const f = ok(run({ scope: { ownerIds: ['rep2'] } }));
    expect(f.ownerIds).toEqual(['rep2']);
    expect(f.deals.every((d) => d.ownerId === 'rep2')).toBe(true);
    expect(f.wonSoFar.deals).toBe(wonIn(SIM, PERIOD.start, AS_OF + 1, 'rep2').length);
    expect(f.model.examples).toBe(ok(run()).model.examples);
  });

  it('gives each owner a range in the team view, adding up to the team', () => {
    const f = ok(run({ byOwner: true }));
    expect(f.byOwner?.map((o) => o.ownerId)).toEqual(['rep0', 'rep1', 'rep2', 'rep3']);
    const sumOfMeans = (f.byOwner ?? []).reduce((s, o) => s + o.revenue.mean, 0);
    expect(sumOfMeans).toBeCloseTo(f.revenue.mean, 0);
    expect((f.byOwner ?? []).reduce((s, o) => s + o.openDeals, 0)).toBe(f.pipeline.openDeals);
  });

  it('ranks the deals by expected contribution, each with its drivers and its amount source', () => {
    const f = ok(run({ settings: { topDeals: 5 } }));
    expect(f.topDeals).toHaveLength(5);
    expect(f.topDeals).toEqual(f.deals.slice(0, 5));
    for (let i = 1; i < f.deals.length; i += 1) expect(f.deals[i - 1]!.expected).toBeGreaterThanOrEqual(f.deals[i]!.expected);
    const top = f.topDeals[0]!;
    expect(top.expected).toBeCloseTo(top.probability * (top.amount as number), 6);
    expect(top.amountSource).toBe('deal');
    expect(top.url).toBe(`https://crm.example/deals/${top.dealId}`);
    expect(top.drivers[0]?.kind).toBe('situation');
    expect(top.drivers.map((d) => d.kind)).toContain('owner');
    for (const move of top.moves) if (move.probabilityAfter !== null) expect(move.probabilityAfter).toBeGreaterThan(top.probability);
  });

  it('explains every number, in English and Russian, with the deals behind it', () => {
    const f = ok(run({ quota: 40_000_000 }));
    expect(Object.keys(f.explain).sort()).toEqual([...EXPLAIN_IDS].sort());
    for (const id of EXPLAIN_IDS) {
      const e = f.explain[id];
      expect(e.title.en && e.title.ru && e.method.en && e.method.ru).toBeTruthy();
      for (const input of e.inputs) expect(input.label.en && input.label.ru).toBeTruthy();
    }
    expect(f.explain.pipeline.dealIds).toEqual(f.deals.map((d) => d.dealId));
    expect(f.explain.wonSoFar.dealIds).toEqual(f.wonSoFar.dealIds);
    expect(f.explain.range.inputs.find((i) => i.key === 'p50')?.value).toBe(f.revenue.p50);
    expect(f.explain.newDeals.dealIds.length).toBeGreaterThan(0);
  });

  it('says what it cannot know and what it assumed', () => {
    const f = ok(run({ data: simulateCrm({ seed: 7, reps: 3, days: 450 }).data }));
    expect(f.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['no-stage-history', 'no-activities']));
    expect(f.model.features.find((x) => x.feature === 'stage')).toEqual({ feature: 'stage', used: false, reason: 'no stage history' });
  });

  it('needs deals, and a past as long as the rest of the period', () => {
    const none = run({ data: emptyData() });
    expect(none.status === 'needs-data' && none.missing).toEqual(['deals']);
    // Ten days of history cannot show how a two-week rest of a period went.
    const young = simulateCrm({ seed: 1, days: 10 }).data;
    const start = T0 + 10 * DAY_MS;
    const f = forecast({
      data: young,
      period: { kind: 'custom', start: T0, end: start + 14 * DAY_MS, label: 'x' },
      asOf: start,
      scope: { ownerIds: 'all' },
      calendar: CAL,
      currency: USD,
    });
    expect(f.status === 'needs-data' && f.missing).toEqual(['history']);
  });

  it('gives the final result once the period is over', () => {
    const f = ok(run({ asOf: PERIOD.end + DAY_MS, quota: 1 }));
    const won = wonIn(SIM, PERIOD.start, PERIOD.end).reduce((s, d) => s + (d.amount?.minor ?? 0), 0);
    expect(f.revenue).toEqual({ p10: won, p50: won, p90: won, mean: won });
    expect(f.probabilityOfQuota).toBe(1);
    expect(f.notes.map((n) => n.code)).toContain('period-over');
  });

  it('counts only deals won inside a period that has not started', () => {
    const next = periodContaining('month', PERIOD.end, CAL);
    const f = ok(run({ period: next }));
    expect(f.wonSoFar.amount).toBe(0);
    expect(f.notes.map((n) => n.code)).toContain('future-period');
    // Less can happen in next month than in this month's rest plus next month.
    const both = ok(run({ period: { kind: 'custom', start: PERIOD.start, end: next.end, label: 'both' } }));
    expect(f.revenue.mean).toBeLessThan(both.revenue.mean - both.wonSoFar.amount);
  });

  it('takes an open deal’s amount from its products, else its owner’s average won deal, and says which', () => {
    const base = SIM.deals.find((d) => d.status === 'won' && (d.closedAt as number) > AS_OF && (d.createdAt as number) < AS_OF - 3 * DAY_MS) as Deal;
    const variant = (id: string, patch: Partial<Deal>): Deal => ({ ...base, externalId: id, ...patch });
    const noAmount = { amount: undefined } as Partial<Deal>;
    const deals = [
      ...SIM.deals,
      variant('x-products', { ...noAmount, lineItems: [{ productId: 'pro', name: 'pro', quantity: 2, unitPrice: { minor: 0, currency: 'USD' } }] }),
      variant('x-owner', { ...noAmount, lineItems: [] }),
      variant('x-zero', { amount: { minor: 0, currency: 'USD' }, lineItems: [] }),
    ];
    const f = ok(run({ data: { ...SIM, deals } }));
    const find = (id: string) => f.deals.find((d) => d.dealId === id);
    expect(find('x-products')).toMatchObject({ amount: 2 * 5_000_00, amountSource: 'products' }); // 2 × the list price of pro
    const ownerWon = SIM.deals.filter(
      (d) => d.ownerId === base.ownerId && d.status === 'won' && (d.closedAt as number) <= AS_OF && (d.closedAt as number) >= AS_OF - 365 * DAY_MS,
    );
    const average = Math.round(ownerWon.reduce((s, d) => s + (d.amount?.minor ?? 0), 0) / ownerWon.length);
    expect(find('x-owner')).toMatchObject({ amount: average, amountSource: 'owner-average' });
    expect(find('x-zero')).toMatchObject({ amountSource: 'owner-average' }); // 0 on an open deal: not filled in
    expect(f.notes.find((n) => n.code === 'amount-estimated')?.params).toEqual({ count: 3 });
  });

  it('refuses fewer than 2,000 draws', () => {
    expect(() => run({ settings: { draws: 500 } })).toThrow(/at least 2000/);
  });
});
