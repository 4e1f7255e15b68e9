import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import { activity, at, deal, kpi, okOf, usd, wonDeal } from '../test-fixtures';

describe('staleDeals', () => {
  const asOf = at('2017-06-30T12:00');
  const open = (externalId: string, over = {}) => deal({ externalId, title: externalId.toUpperCase(), amount: usd(100), ...over });
  const deals = [
    open('s1', { createdAt: at('2017-05-01') }), // last activity 1 June: 29.5 days idle → stale
    open('s2', { createdAt: at('2017-06-01'), lastActivityAt: at('2017-06-25'), expectedCloseAt: at('2017-06-29') }), // past close → stale
    open('s3', { createdAt: at('2017-06-20'), expectedCloseAt: at('2017-06-30') }), // 10.5 days, closes today: fine
    open('s4', { createdAt: at('2017-05-01') }), // never touched, 60.5 days → stale
    open('s5', { createdAt: at('2017-05-01') }), // touched 20 June by someone else: fine
    open('s6'), // no activity, no created date: unknown
    open('s8', { createdAt: at('2017-05-01') }), // last activity exactly 14 days ago → stale (≥ 14)
    open('s9', { createdAt: at('2017-05-01') }), // 14 days minus 1 ms → fine
    open('s10', { createdAt: at('2017-05-01') }), // only a future activity (after asOf): idle since creation → stale
    wonDeal(100, '2017-05-05', { createdAt: at('2017-01-01') }), // not open
  ];
  const activities = [
    activity({ dealId: 's1', occurredAt: at('2017-06-01T00:00') }),
    activity({ dealId: 's5', ownerId: 'bob', occurredAt: at('2017-06-20T00:00') }),
    activity({ dealId: 's8', occurredAt: asOf - 14 * DAY_MS }),
    activity({ dealId: 's9', occurredAt: asOf - 14 * DAY_MS + 1 }),
    activity({ dealId: 's10', occurredAt: at('2017-07-05') }),
    activity({ dealId: 's3', occurredAt: at('2017-06-25'), done: false }), // planned, not done: no activity
  ];

  it('lists open deals idle for 14 days or past their expected close, with the reason', () => {
    const r = okOf(kpi('staleDeals', { deals, activities }, { asOf }));
    expect(r.value).toBe(5);
    expect(r.counts).toEqual({ stale: 5, openDeals: 9, noActivity: 4, pastCloseDate: 1 });
    expect(r.breakdown?.map((b) => [b.key, b.value, b.reason])).toEqual([
      ['s10', 60.5, 'no activity since it was created 60 days ago'], // 1 May 00:00 → 30 June 12:00
      ['s4', 60.5, 'no activity since it was created 60 days ago'],
      ['s1', 29.5, 'no activity for 29 days'], // 1 June → 30 June 12:00
      ['s8', 14, 'no activity for 14 days'],
      ['s2', 5.5, 'expected to close 1 day ago'], // expected 29 June; idle 25 June → 30 June 12:00 = 5.5 days
    ]);
    expect(r.parts).toEqual({ staleDays: 14, amount: 50_000 }); // 5 × USD 100
    expect(r.excluded).toEqual([{ count: 1, reason: 'no activity and no created date (idle time unknown)' }]);
  });

  it('needs deals, and is 0 with no open deal', () => {
    expect(kpi('staleDeals', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(okOf(kpi('staleDeals', { deals: [deals[9]!] }, { asOf })).value).toBe(0);
  });
});
