import { describe, expect, it } from 'vitest';
import { DAY, JUNE, activity, at, deal, kpi, lostDeal, okOf, pipeline, stage, usd, wonDeal } from './test-fixtures';

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
    activity({ dealId: 's8', occurredAt: asOf - 14 * DAY }),
    activity({ dealId: 's9', occurredAt: asOf - 14 * DAY + 1 }),
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

describe('stageConversion', () => {
  const funnel = { pipelines: [pipeline('p1', 'Sales')], stages: [stage('qual', 'p1', 1, 10), stage('meet', 'p1', 2, 40), stage('prop', 'p1', 3, 70)] };
  const deals = [
    deal({
      externalId: 'D1', status: 'won', stageId: 'prop', createdAt: JUNE.start, closedAt: at('2017-06-17'),
      stageHistory: [
        { stageId: 'qual', enteredAt: at('2017-06-01') },
        { stageId: 'meet', enteredAt: at('2017-06-03') },
        { stageId: 'prop', enteredAt: at('2017-06-07') },
      ],
    }),
    deal({ externalId: 'D2', status: 'lost', stageId: 'meet', createdAt: at('2017-06-02'), closedAt: at('2017-06-09') }),
    deal({ externalId: 'D3', stageId: 'qual', createdAt: at('2017-06-03') }),
    deal({
      externalId: 'D4', stageId: 'prop', createdAt: at('2017-06-02'),
      stageHistory: [
        { stageId: 'qual', enteredAt: at('2017-06-02') },
        { stageId: 'prop', enteredAt: at('2017-06-05') }, // skipped "meet": still passed it
      ],
    }),
    deal({ externalId: 'D5', stageId: 'qual', createdAt: JUNE.end }), // created exactly at the end: out
    deal({ externalId: 'D6', createdAt: at('2017-06-04') }), // no stage, no pipeline
  ];

  it('shows, per stage, the share of the cohort that reached it and went on', () => {
    const r = okOf(kpi('stageConversion', { ...funnel, deals }));
    expect(r.value).toBe(20); // 1 won (D1) of 5 created in June (D1–D4, D6)
    expect(r.breakdown?.map((b) => [b.key, b.count, b.value, b.extra?.timeInStageDays])).toEqual([
      ['qual', 4, 75, 2.5], // D1 D2 D3 D4 reached; D1 D2 D4 went on: 3 ÷ 4. Stays: D1 2 days, D4 3 days
      ['meet', 3, (2 / 3) * 100, 4], // D1 D2 D4 reached; D1 D4 went on. Stay: D1 3 → 7 June
      ['prop', 2, 50, 10], // D1 D4 reached; D1 won. Stay: D1 7 → 17 June (D4 still there: not a completed stay)
    ]);
    expect(r.excluded).toEqual([{ count: 1, reason: 'no known stage or pipeline' }]);
    expect(r.method).toBe('stage-history');
  });

  it('needs deals and stages', () => {
    expect(kpi('stageConversion', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('stageConversion', { deals })).toMatchObject({ status: 'needs-data', missing: ['stages'] });
  });

  it('is not defined when no deal was created in the period (zero denominator)', () => {
    expect(kpi('stageConversion', { ...funnel, deals: [deals[4]!] })).toMatchObject({ status: 'not-defined', reason: 'no deals created in the period' });
  });
});
