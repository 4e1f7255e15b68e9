import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../../period/parse';
import { CAL, kpi, money, okOf, wonDeal } from '../test-fixtures';

describe('salesGrowth', () => {
  const deals = [
    wonDeal(1000, '2017-06-01'), // at the start of June: in
    wonDeal(0, '2017-06-02', { amount: money(500, 'EUR') }), // EUR 500 × 1.1 = USD 550
    wonDeal(0, '2017-06-03', { amount: money(500, 'GBP') }), // no rate: left out
    wonDeal(9999, '2017-07-01'), // at the end: out
    wonDeal(1000, '2017-05-10'),
    wonDeal(200, '2017-05-31T23:59'),
  ];

  it('compares sales with the previous period', () => {
    const r = okOf(kpi('salesGrowth', { deals }));
    expect(r.value).toBeCloseTo(((1550 - 1200) / 1200) * 100, 12); // June 1,550 vs May 1,200 → +29.17 %
    expect([r.numerator, r.denominator]).toEqual([35_000, 120_000]);
    expect(r.parts).toEqual({ current: 155_000, previous: 120_000 });
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('compares with the compare period when one is given', () => {
    const lastJune = parsePeriodSpec('2016-06', CAL);
    const r = okOf(kpi('salesGrowth', { deals: [...deals, wonDeal(3100, '2016-06-15')] }, { comparePeriod: lastJune }));
    expect(r.value).toBe(-50); // (1,550 − 3,100) ÷ 3,100
  });

  it('needs deals, and is not defined without previous sales (zero denominator)', () => {
    expect(kpi('salesGrowth', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('salesGrowth', { deals: deals.slice(0, 2) })).toMatchObject({ status: 'not-defined', reason: 'no sales in the compare period' }); // the period is named in words by the reader, not as "2017-05"
  });
});
