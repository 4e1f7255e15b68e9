import { describe, expect, it } from 'vitest';
import { DAY, JUNE, at, deal, kpi, lostDeal, money, okOf, owner, pipeline, quota, stage, target, usd, wonDeal } from './test-fixtures';

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
    const r = okOf(kpi('opportunitiesCreated', { deals: [deals[6]!], owners: [owner('alice', 'A')], targets: [target('dealsCreated', 'month', 8)] }, { asOf: JUNE.start }));
    expect(r.value).toBe(0);
    expect(r.target).toEqual({ value: 8, status: 'on-track' }); // 8 per month × 1 month; elapsed 0 → nothing expected yet
  });
});

const pipelines = [pipeline('p1', 'Sales')];
const stages = [stage('s1', 'p1', 1, 20), stage('s2', 'p1', 2, 60)];
const openDeals = [
  deal({ externalId: 'a', amount: usd(1000), stageId: 's1', expectedCloseAt: at('2017-06-20') }),
  deal({ externalId: 'b', amount: usd(2000), stageId: 's2', probability: 90, expectedCloseAt: at('2017-07-05') }),
  deal({ externalId: 'c', amount: money(1000, 'EUR'), expectedCloseAt: at('2017-06-30') }), // USD 1,100, no stage
  deal({ externalId: 'd', amount: money(500, 'GBP'), stageId: 's1' }), // no rate
  deal({ externalId: 'f', amount: usd(500), stageId: 's1', expectedCloseAt: JUNE.end }), // expected exactly at the end: not in period
  deal({ externalId: 'g', amount: usd(300), stageId: 's2', expectedCloseAt: JUNE.start }), // exactly at the start: in
  wonDeal(5000, '2017-06-10'),
];
const pipelineData = { pipelines, stages, deals: openDeals };

describe('pipelineValue', () => {
  it('sums open deals, weighted and expected in the period', () => {
    const r = okOf(kpi('pipelineValue', pipelineData));
    expect(r.value).toBe(490_000); // 1000 + 2000 + 1100 + 500 + 300 = USD 4,900
    expect(r.parts).toEqual({
      total: 490_000,
      weighted: 228_000, // 1000×20 % + 2000×90 % + 500×20 % + 300×60 % = 200 + 1800 + 100 + 180 = 2,280 (c has no probability)
      expectedInPeriod: 240_000, // a 1000 + c 1100 + g 300
      expectedInPeriodWeighted: 38_000, // a 200 + g 180
    });
    expect(r.counts).toEqual({ openDeals: 6, expectedInPeriod: 3 });
    expect(r.breakdown?.map((b) => [b.key, b.value, b.count])).toEqual([
      ['s1', 150_000, 3], // a 1000 + f 500 (+ d without a rate, 0)
      ['s2', 230_000, 2], // b 2000 + g 300
      ['(no stage)', 110_000, 1], // c
    ]);
    expect(r.excluded).toEqual([
      { count: 1, reason: 'no exchange rate for GBP' },
      { count: 1, reason: 'no win probability (left out of the weighted value)' },
    ]);
  });

  it('needs deals when there are none, and is 0 with no open deal', () => {
    expect(kpi('pipelineValue', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    const r = okOf(kpi('pipelineValue', { deals: [wonDeal(10, '2017-06-02')] }));
    expect([r.value, r.counts.openDeals]).toEqual([0, 0]);
  });
});

// dealsInPipeline and pipelineValue are snapshots of the open deals now (the model keeps no status
// history), so no period boundary applies to which deals they count; pipelineValue's expected-in-period
// part has its boundary rows above (f at the end: out; g at the start: in).
describe('dealsInPipeline', () => {
  it('counts open deals per stage', () => {
    const r = okOf(kpi('dealsInPipeline', pipelineData));
    expect(r.value).toBe(6); // a b c d f g; the won deal is not open
    expect(r.breakdown?.map((b) => [b.label, b.count])).toEqual([
      ['s1', 3],
      ['s2', 2],
      ['No stage', 1],
    ]);
  });

  it('needs deals when there are none, and is 0 with no open deal', () => {
    expect(kpi('dealsInPipeline', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(okOf(kpi('dealsInPipeline', { deals: [lostDeal('2017-06-02')] })).value).toBe(0);
  });
});

describe('pipelineCoverage', () => {
  const june = quota(10_000, '2017-06-01', '2017-07-01');
  const deals = [
    wonDeal(4000, '2017-06-05'),
    deal({ amount: usd(3000), expectedCloseAt: at('2017-06-20') }), // in the rest of June
    deal({ amount: usd(1500), expectedCloseAt: at('2017-06-16') }), // today: in
    deal({ amount: usd(5000), expectedCloseAt: at('2017-06-10') }), // already past: out
    deal({ amount: usd(1000), expectedCloseAt: JUNE.end }), // exactly at the end: out
  ];
  const asOf = at('2017-06-16T09:00');

  it('divides the pipeline expected by the end of the period by the quota left', () => {
    const r = okOf(kpi('pipelineCoverage', { deals, quotas: [june] }, { asOf }));
    expect(r.value).toBe(0.75); // (3000 + 1500) ÷ (10,000 − 4,000)
    expect(r.parts).toEqual({ pipeline: 450_000, remaining: 600_000, quota: 1_000_000, sales: 400_000 });
  });

  it('needs a quota', () => {
    expect(kpi('pipelineCoverage', { deals }, { asOf })).toMatchObject({ status: 'needs-data', missing: ['quotas'] });
    expect(kpi('pipelineCoverage', { deals, quotas: [quota(1, '2017-01-01', '2017-02-01')] }, { asOf })).toMatchObject({
      status: 'needs-data',
      message: 'No quota covers 2017-06.',
    });
  });

  it('is not defined once the quota is reached (nothing left to cover) or the period is over', () => {
    const big = [...deals, wonDeal(6000, '2017-06-06')];
    expect(kpi('pipelineCoverage', { deals: big, quotas: [june] }, { asOf })).toMatchObject({ status: 'not-defined', reason: 'the quota is already reached' });
    expect(kpi('pipelineCoverage', { deals, quotas: [june] }, { asOf: JUNE.end })).toMatchObject({ status: 'not-defined', reason: 'the period 2017-06 is over' });
  });
});

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
    // 4 open × 50 % (2 won of 4 closed) × USD 2,000 average ÷ 20 days average = USD 200 a day
    expect(r.value).toBe(20_000);
    expect(r.unit).toBe('USD/day');
    expect(r.parts).toEqual({ openDeals: 4, winRatePct: 50, avgDealSize: 200_000, avgCycleDays: 20 });
  });

  it('needs deals, and is not defined without closed deals (zero denominator of the win rate)', () => {
    expect(kpi('salesVelocity', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('salesVelocity', { deals: open })).toMatchObject({ status: 'not-defined', reason: 'no deals closed in the period, so no win rate' });
  });

  it('takes a deal closed exactly at the start', () => {
    const atStart = wonDeal(500, '2017-06-01', { createdAt: JUNE.start - 5 * DAY });
    const r = okOf(kpi('salesVelocity', { deals: [atStart, ...open] }));
    // 4 × 100 % × 500 ÷ 5 days = USD 400 a day
    expect(r.value).toBe(40_000);
  });
});
