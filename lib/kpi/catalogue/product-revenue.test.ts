import { describe, expect, it } from 'vitest';
import { kpi, money, okOf, product, usd, wonDeal } from '../test-fixtures';

describe('productRevenue', () => {
  const products = [product('P1', 'Widget'), product('P2', 'Gadget')];
  const line = (qty: number, price: ReturnType<typeof usd>, over = {}) => ({ name: 'Line', quantity: qty, unitPrice: price, ...over });
  const deals = [
    wonDeal(250, '2017-06-01', { lineItems: [line(2, usd(100), { productId: 'P1' }), line(1, usd(50), { productId: 'P2' })] }),
    // EUR 1,000 that the CRM converted to USD 1,200: its EUR line uses the CRM's rate (1.2), not the user's (1.1).
    wonDeal(0, '2017-06-02', { amount: money(1000, 'EUR'), convertedAmount: usd(1200), lineItems: [line(1, money(1000, 'EUR'), { productId: 'P1' })] }),
    wonDeal(30, '2017-06-03', { lineItems: [line(3, usd(10), { name: 'Service' })] }),
    wonDeal(100, '2017-06-04'), // no line items
    wonDeal(10, '2017-06-05', { lineItems: [line(1, money(10, 'GBP'), { productId: 'P2' })] }), // no GBP rate
    wonDeal(999, '2017-07-01', { lineItems: [line(1, usd(999), { productId: 'P2' })] }), // at the end: out
  ];

  it('ranks products by won revenue from line items', () => {
    const r = okOf(kpi('productRevenue', { deals, products }));
    expect(r.value).toBe(148_000); // 200 + 50 + 1,200 + 30
    expect(r.breakdown?.map((b) => [b.label, b.value, b.count, b.extra?.units, b.extra?.rank])).toEqual([
      ['Widget', 140_000, 2, 3, 1], // 2 × 100 + 1,200; units 2 + 1; in 2 deals
      ['Gadget', 5_000, 1, 1, 2],
      ['Service', 3_000, 1, 3, 3],
    ]);
    expect(r.breakdown?.[0]?.share).toBeCloseTo((1400 / 1480) * 100, 12);
    expect(r.excluded).toEqual([
      { count: 1, reason: 'line item: no exchange rate for GBP' },
      { count: 1, reason: 'won deal with no line items' },
    ]);
  });

  it('needs line items, and is 0 with nothing won', () => {
    expect(kpi('productRevenue', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('productRevenue', { deals: [wonDeal(1, '2017-06-02')] })).toMatchObject({ status: 'needs-data', missing: ['lineItems'] });
    expect(okOf(kpi('productRevenue', { deals: [deals[5]!] })).value).toBe(0);
  });
});
