import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, kpi, lostDeal, okOf, usd, wonDeal } from '../test-fixtures';

describe('salesVelocity', () => {
  const closed = [
    wonDeal(1000, '2017-06-11', { createdAt: at('2017-06-01') }), // 10 days
    wonDeal(3000, '2017-06-30T00:00', { createdAt: at('2017-05-31') }), // 30 days
    lostDeal('2017-06-12'),
    lostDeal('2017-06-13'),
    wonDeal(99_999, '2017-07-01'), // closed exactly at the end: out
  ];
  const open = Array.from({ length: 4 }, () => deal({ amount: usd(10) }));

  it('multiplies open deals, win rate and deal size, divided by the cycle', () => {
    const r = okOf(kpi('salesVelocity', { deals: [...closed, ...open] }));
    // Open at the end of June: the 4 open + the deal won exactly at 1 July 00:00 (still open then).
    // 5 open × 50 % (2 won of 4 closed) × USD 2,000 average ÷ 20 days average = USD 250 a day
    expect(r.value).toBe(25_000);
    expect(r.unit).toBe('USD/day');
    expect(r.parts).toEqual({ openDeals: 5, winRatePct: 50, avgDealSize: 200_000, avgCycleDays: 20 });
  });

  it('needs deals, and is not defined without closed deals (zero denominator of the win rate)', () => {
    expect(kpi('salesVelocity', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('salesVelocity', { deals: open })).toMatchObject({ status: 'not-defined', reason: 'no deals closed in the period, so no win rate' });
  });

  it('takes a deal closed exactly at the start', () => {
    const atStart = wonDeal(500, '2017-06-01', { createdAt: JUNE.start - 5 * DAY_MS });
    const r = okOf(kpi('salesVelocity', { deals: [atStart, ...open] }));
    // 4 × 100 % × 500 ÷ 5 days = USD 400 a day
    expect(r.value).toBe(40_000);
  });
});
