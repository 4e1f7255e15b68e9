import { describe, expect, it } from 'vitest';
import { at, deal, kpi, lostDeal, okOf, usd, wonDeal } from '../test-fixtures';

describe('avgSalesCycle', () => {
  const deals = [
    wonDeal(100, '2017-06-01', { createdAt: at('2017-05-22') }), // closed exactly at the start: in; 10 days
    wonDeal(100, '2017-06-11', { createdAt: at('2017-06-01'), firstContactAt: at('2017-05-01') }), // first contact counts: 41 days
    wonDeal(100, '2017-06-13', { createdAt: at('2017-06-10') }), // 3 days
    wonDeal(100, '2017-07-01', { createdAt: at('2017-06-01') }), // closed exactly at the end: out
    deal({ status: 'won', amount: usd(100), closedAt: at('2017-06-20') }), // no created date
    lostDeal('2017-06-15'),
  ];

  it('averages days from first contact or creation to close over deals won in the period', () => {
    const r = okOf(kpi('avgSalesCycle', { deals }));
    expect(r.value).toBe(18); // (10 + 41 + 3) ÷ 3
    expect(r.parts).toEqual({ mean: 18, median: 10 });
    expect([r.numerator, r.denominator]).toEqual([54, 3]);
    expect(r.excluded).toEqual([{ count: 1, reason: 'no created date' }]);
  });

  it('needs deals, and is not defined when nothing was won (zero denominator)', () => {
    expect(kpi('avgSalesCycle', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('avgSalesCycle', { deals: [lostDeal('2017-06-15')] })).toMatchObject({ status: 'not-defined', reason: 'no deals won in the period' });
  });
});
