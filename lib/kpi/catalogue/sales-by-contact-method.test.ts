import { describe, expect, it } from 'vitest';
import { kpi, okOf, spend, wonDeal } from '../test-fixtures';

describe('salesByContactMethod', () => {
  const deals = [
    wonDeal(100, '2017-06-01', { channel: 'email' }),
    wonDeal(300, '2017-06-02', { channel: 'referral' }),
    wonDeal(200, '2017-06-03', { channel: 'email' }),
    wonDeal(100, '2017-06-04'),
    wonDeal(999, '2017-07-01', { channel: 'email' }), // at the end: out
  ];
  const spends = [
    spend('2017-06', 'marketing', 600, { channel: 'email' }),
    spend('2017-05', 'marketing', 1000, { channel: 'referral' }),
    spend('2017-06', 'sales', 500, { channel: 'event' }),
  ];

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
