import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, kpi, money, okOf, owner, target, usd } from '../test-fixtures';

describe('opportunitiesCreated', () => {
  const deals = [
    deal({ createdAt: JUNE.start, amount: usd(100) }), // exactly at the start: in
    deal({ createdAt: at('2017-06-15'), status: 'won', closedAt: at('2017-06-20'), amount: usd(200) }),
    deal({ createdAt: at('2017-06-20'), status: 'lost', closedAt: at('2017-06-25'), amount: usd(0) }),
    deal({ createdAt: at('2017-06-30T12:00'), amount: money(100, 'EUR') }), // EUR 100 × 1.1 = USD 110
    deal({ createdAt: at('2017-06-10'), amount: money(50, 'GBP') }), // counted, amount left out: no GBP rate
    deal({ createdAt: JUNE.end, amount: usd(999) }), // exactly at the end: out
    deal({ createdAt: at('2017-05-31'), amount: usd(999) }),
    deal({ amount: usd(999) }), // no created date
  ];

  it('counts deals created in the period and sums their amounts', () => {
    const r = okOf(kpi('opportunitiesCreated', { deals }));
    expect(r.value).toBe(5);
    expect(r.parts.amount).toBe(41_000); // 100 + 200 + 0 + 110 = USD 410.00
    expect(r.counts).toEqual({ deals: 5, withAmount: 4, open: 3, won: 1, lost: 1 });
    expect(r.excluded).toEqual([
      { count: 1, reason: 'no created date' },
      { count: 1, reason: 'no exchange rate for GBP' },
    ]);
  });

  it('needs deals when there are none', () => {
    expect(kpi('opportunitiesCreated', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
  });

  it('is 0 when no deal was created in the period, and on track before anything is expected', () => {
    const r = okOf(
      kpi('opportunitiesCreated', { deals: [deals[6]!], owners: [owner('alice', 'A')], targets: [target('dealsCreated', 'month', 8)] }, { asOf: JUNE.start }),
    );
    expect(r.value).toBe(0);
    expect(r.target).toEqual({ value: 8, status: 'on-track' }); // 8 per month × 1 month; elapsed 0 → nothing expected yet
  });
});
