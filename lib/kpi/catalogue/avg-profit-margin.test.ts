import { describe, expect, it } from 'vitest';
import { ANY_SAMPLE, kpi, okOf, product, usd, wonDeal } from '../test-fixtures';

describe('avgProfitMargin', () => {
  const products = [product('P1', 'Widget', { unitCost: usd(30) })];
  const line = (qty: number, price: number, over = {}) => ({ name: 'X', quantity: qty, unitPrice: usd(price), ...over });
  const deals = [
    wonDeal(100, '2017-06-01', { directCost: usd(40) }), // margin 60 %
    wonDeal(200, '2017-06-05', { lineItems: [line(2, 100, { productId: 'P1' })] }), // cost 2 × 30 = 60: margin 70 %
    wonDeal(300, '2017-06-06', { lineItems: [line(1, 300)] }), // no cost known
    wonDeal(100, '2017-07-01', { directCost: usd(99) }), // at the end: out
  ];

  it('is (revenue − costs) ÷ revenue over won deals with costs', () => {
    const r = okOf(kpi('avgProfitMargin', { deals, products }));
    expect(r.value).toBeCloseTo((200 / 300) * 100, 12); // (300 − 100) ÷ 300
    expect(r.parts).toEqual({ revenue: 30_000, costs: 10_000, profit: 20_000, meanOfDealsPct: 65 }); // (60 + 70) ÷ 2
    expect(r.excluded).toEqual([{ count: 1, reason: 'no costs' }]);
  });

  it('assumes the default margin for deals without costs when one is set', () => {
    const settings = { demoKeywords: [], staleDays: 14, defaultMarginPct: 50, minSample: ANY_SAMPLE };
    const r = okOf(kpi('avgProfitMargin', { deals, products }, { settings }));
    expect(r.value).toBeCloseTo((350 / 600) * 100, 12); // revenue 600, costs 40 + 60 + 150
    expect([r.counts.assumedMargin, r.method]).toEqual([1, 'costs-and-default-margin']);
  });

  it('needs costs, and is not defined when no won deal has them', () => {
    expect(kpi('avgProfitMargin', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('avgProfitMargin', { deals: [deals[2]!] })).toMatchObject({ status: 'needs-data', missing: ['costs'] });
    expect(kpi('avgProfitMargin', { deals: [deals[2]!], products })).toMatchObject({
      status: 'not-defined',
      reason: 'no revenue from won deals with costs in the period',
    });
  });

  it('leaves a deal out when only some lines have costs, rather than overstate the margin', () => {
    const partial = wonDeal(400, '2017-06-07', { lineItems: [line(1, 200, { unitCost: usd(50) }), line(1, 200)] });
    const r = okOf(kpi('avgProfitMargin', { deals: [deals[0]!, partial] }));
    expect(r.value).toBe(60); // only the first deal: (100 − 40) ÷ 100
  });
});
