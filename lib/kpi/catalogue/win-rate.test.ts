import { describe, expect, it } from 'vitest';
import { deal, kpi, lostDeal, okOf, usd, wonDeal } from '../test-fixtures';

describe('winRate', () => {
  const deals = [
    wonDeal(100, '2017-06-01'), // at the start: in
    wonDeal(100, '2017-06-15'),
    wonDeal(100, '2017-06-30T23:59'),
    lostDeal('2017-06-20'),
    lostDeal('2017-07-01'), // at the end: out
    deal({ status: 'won', amount: usd(1) }), // no close date
  ];

  it('divides won by won + lost in the period', () => {
    const r = okOf(kpi('winRate', { deals }));
    expect(r.value).toBe(75); // 3 ÷ (3 + 1)
    expect([r.numerator, r.denominator]).toEqual([3, 4]);
    expect(r.excluded).toEqual([{ count: 1, reason: 'closed with no close date' }]);
  });

  it('needs deals, and is not defined with nothing closed', () => {
    expect(kpi('winRate', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('winRate', { deals: [deal()] })).toMatchObject({ status: 'not-defined', reason: 'no deals closed in the period' });
  });
});
