import { describe, expect, it } from 'vitest';
import { customer, kpi, lostDeal, money, okOf, product, spend, usd, wonDeal } from './test-fixtures';

const rows = (r: { breakdown?: readonly { key: string; value: number; count: number }[] }) => r.breakdown?.map((b) => [b.key, b.value, b.count]);

describe('salesByRegion', () => {
  const customers = [customer({ externalId: 'C1', region: 'EMEA' }), customer({ externalId: 'C2', country: 'Brazil' })];
  const deals = [
    wonDeal(100, '2017-06-01', { region: 'APAC' }), // at the start: in
    wonDeal(200, '2017-06-02', { customerId: 'C1' }), // customer's region
    wonDeal(300, '2017-06-03', { customerId: 'C2' }), // customer's country
    wonDeal(400, '2017-06-04', { customerId: 'C1', region: 'APAC' }), // the deal's own region wins
    wonDeal(50, '2017-06-05'), // none
    wonDeal(0, '2017-06-06', { region: 'APAC', amount: money(10, 'GBP') }), // no rate
    wonDeal(999, '2017-07-01', { region: 'APAC' }), // at the end: out
  ];

  it('groups won amounts by region', () => {
    const r = okOf(kpi('salesByRegion', { deals, customers }));
    expect(r.value).toBe(105_000); // 100 + 200 + 300 + 400 + 50
    expect(rows(r)).toEqual([
      ['APAC', 50_000, 2], // 100 + 400
      ['Brazil', 30_000, 1],
      ['EMEA', 20_000, 1],
      ['(unknown)', 5_000, 1],
    ]);
    expect(r.breakdown?.[0]?.share).toBeCloseTo((500 / 1050) * 100, 12);
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('needs deals with regions, and is 0 with nothing won', () => {
    expect(kpi('salesByRegion', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('salesByRegion', { deals: [wonDeal(1, '2017-06-02')] })).toMatchObject({ status: 'needs-data', missing: ['regions'] });
    const r = okOf(kpi('salesByRegion', { deals: [lostDeal('2017-06-02', { region: 'EMEA' })] }));
    expect([r.value, r.breakdown]).toEqual([0, []]);
  });
});

describe('salesByContactMethod', () => {
  const deals = [
    wonDeal(100, '2017-06-01', { channel: 'email' }),
    wonDeal(300, '2017-06-02', { channel: 'referral' }),
    wonDeal(200, '2017-06-03', { channel: 'email' }),
    wonDeal(100, '2017-06-04'),
    wonDeal(999, '2017-07-01', { channel: 'email' }), // at the end: out
  ];
  const spends = [spend('2017-06', 'marketing', 600, { channel: 'email' }), spend('2017-05', 'marketing', 1000, { channel: 'referral' }), spend('2017-06', 'sales', 500, { channel: 'event' })];

  it('groups won amounts by channel with spend and cost per sale', () => {
    const r = okOf(kpi('salesByContactMethod', { deals, spend: spends }));
    expect(r.value).toBe(70_000);
    expect(r.breakdown?.map((b) => [b.key, b.value, b.count, b.extra])).toEqual([
      ['email', 30_000, 2, { spend: 60_000, costPerSale: 30_000 }], // 600 ÷ 2 won deals
      ['referral', 30_000, 1, undefined], // May spend is not June's
      ['(unknown)', 10_000, 1, undefined],
      ['event', 0, 0, { spend: 50_000 }], // spend but no sale: no cost per sale
    ]);
  });

  it('shows no spend in a rep view (spend is company-wide)', () => {
    const r = okOf(kpi('salesByContactMethod', { deals, spend: spends }, { scope: { ownerIds: ['alice'] } }));
    expect(r.breakdown?.every((b) => b.extra === undefined)).toBe(true);
  });

  it('needs channels, and is 0 with nothing won', () => {
    expect(kpi('salesByContactMethod', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('salesByContactMethod', { deals: [wonDeal(1, '2017-06-02')] })).toMatchObject({ status: 'needs-data', missing: ['channels'] });
    expect(okOf(kpi('salesByContactMethod', { deals: [deals[4]!] })).value).toBe(0);
  });
});

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
