import { describe, expect, it } from 'vitest';
import { customer, kpi, lostDeal, money, okOf, wonDeal } from '../test-fixtures';

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
