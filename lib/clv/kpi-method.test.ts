import { describe, expect, it } from 'vitest';
import type { ClvInput } from '../kpi/clv-types';
import { bgNbdClvMethod } from './kpi-method';
import { predictiveClvFromDeals } from './from-deals';
import { cdnowDeals } from './test-cdnow-deals';

const deals = cdnowDeals();
/** September 1997 as the KPI period: [1997-09-01, 1997-10-01) UTC. */
const period = { kind: 'month' as const, start: Date.UTC(1997, 8, 1), end: Date.UTC(1997, 9, 1), label: '1997-09' };

function input(extra: Partial<ClvInput> = {}): ClvInput {
  const transactions = deals
    .filter((d) => (d.closedAt ?? 0) < period.end)
    .map((d) => ({ customerId: d.customerId ?? '', dealId: d.externalId, at: d.closedAt ?? 0, minor: d.amount?.minor ?? 0 }));
  return {
    period,
    asOf: Date.UTC(1998, 0, 15), // computed later: the period's end bounds the calibration
    reporting: 'USD',
    transactions,
    marginPct: undefined,
    monthlyChurn: undefined,
    monthlyRevenuePerCustomer: undefined,
    revenueBasis: undefined,
    customersAtStart: 0,
    customersLost: 0,
    ...extra,
  };
}

describe('bgNbdClvMethod', () => {
  const method = bgNbdClvMethod({ horizonWeeks: 52, annualDiscountRate: 0.1 });

  it('gives the same average CLV as predictiveClvFromDeals, in cents, with the fitted parameters as parts', () => {
    const estimate = method.estimate(input());
    const direct = predictiveClvFromDeals(deals, {
      asOf: period.end - 1,
      timeZone: 'UTC',
      currency: { reporting: 'USD', rates: {} },
      horizonWeeks: 52,
      annualDiscountRate: 0.1,
    });
    if (!estimate.ok || direct.status !== 'ok') throw new Error('expected both to fit');
    expect(method.id).toBe('bg-nbd');
    expect(estimate.value).toBe(Math.round(direct.averageClv));
    expect(estimate.parts?.r).toBeCloseTo(0.243, 2);
    expect(estimate.parts?.marginPct).toBe(100); // no margin known: revenue CLV
    expect(estimate.counts).toEqual({ customers: 2357, repeatCustomers: 946, purchases: 4960 });
    expect(estimate.recordIds).toHaveLength(4960);
  });

  it('applies the margin the engine knows', () => {
    const revenue = method.estimate(input());
    const margin = method.estimate(input({ marginPct: 40 }));
    if (!revenue.ok || !margin.ok) throw new Error('expected fits');
    expect(Math.abs(margin.value - 0.4 * revenue.value)).toBeLessThanOrEqual(1); // each rounded to a cent
  });

  it('says what is missing or why it cannot fit', () => {
    expect(method.estimate(input({ transactions: [] }))).toEqual({ ok: false, missing: ['wonDeals', 'customers'], reason: 'no won deals linked to customers' });
    const few = input().transactions.slice(0, 20);
    const estimate = method.estimate(input({ transactions: few }));
    expect(estimate.ok).toBe(false);
    if (!estimate.ok) expect(estimate.reason).toMatch(/^BG\/NBD cannot be fitted: BG\/NBD needs at least 30 customers/);
    const lost = bgNbdClvMethod({ timeZone: 'Nowhere/Else' }).estimate(input());
    expect(lost).toEqual({ ok: false, reason: 'unknown time zone "Nowhere/Else"' });
  });
});
