/**
 * As of is an instant for everything (spec: "As of"): a table per rule, the arithmetic beside each
 * expected value. June 2017 in UTC; "as of 15 June" is 15 June 12:00.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { JUNE, MAY, activity, at, dataOf, deal, kpi, lead, lostDeal, okOf, pipeline, queryOf, quota, stage, usd, wonDeal } from './test-fixtures';
import type { KpiData } from './types';

const MID_JUNE = at('2017-06-15T12:00');
const asOfMidJune = { asOf: MID_JUNE };

describe('as of an instant', () => {
  it('counts only what had happened by then: wins, losses, creations, activities', () => {
    const deals = [
      wonDeal(100, '2017-06-10', { createdAt: at('2017-06-01') }),
      wonDeal(200, '2017-06-20', { createdAt: at('2017-06-02') }), // won after the 15th: open then
      lostDeal('2017-06-05'),
      lostDeal('2017-06-25'), // lost after the 15th: open then
      deal({ createdAt: at('2017-06-18'), amount: usd(50) }), // created after the 15th: does not exist
    ];
    const activities = [activity({ occurredAt: at('2017-06-14') }), activity({ occurredAt: at('2017-06-16') })];
    const results = computeKpis(
      dataOf({ deals, activities }),
      queryOf({ ...asOfMidJune, kpis: ['winRate', 'avgPurchaseValue', 'opportunitiesCreated', 'activityCounts'] }),
    );
    expect(okOf(results.winRate!).counts).toEqual({ won: 1, lost: 1 }); // of 2 won and 2 lost, 1 + 1 by the 15th
    expect(okOf(results.avgPurchaseValue!).numerator).toBe(10_000); // USD 100, the win of the 10th only
    // Created by the 15th (a lost deal is created 10 days before its close): the wins created 1 and 2 June,
    // and the loss of 25 June, created 15 June; not the loss of 5 June (created 26 May) nor the deal of the 18th.
    // As of the 15th, the win of the 20th and the loss of the 25th were still open: won 1, open 2, lost 0.
    expect(okOf(results.opportunitiesCreated!).counts).toMatchObject({ deals: 3, won: 1, open: 2, lost: 0 });
    expect(okOf(results.activityCounts!).value).toBe(1); // the call of the 16th had not happened
  });

  it('takes the pipeline, deals in it, deals at risk and velocity at the instant', () => {
    const deals = [
      deal({ externalId: 'open', createdAt: at('2017-05-01'), amount: usd(10) }),
      wonDeal(30, '2017-06-20', { externalId: 'won-later', createdAt: at('2017-05-02') }), // open on the 15th
      wonDeal(40, '2017-06-10', { externalId: 'won-before', createdAt: at('2017-05-03') }), // closed on the 15th
      deal({ externalId: 'born-later', createdAt: at('2017-06-16'), amount: usd(99) }), // not yet
    ];
    const activities = [activity({ dealId: 'won-later', occurredAt: at('2017-06-14') }), activity({ dealId: 'open', occurredAt: at('2017-06-14T18:00') })];
    const results = computeKpis(
      dataOf({ deals, activities }),
      queryOf({ ...asOfMidJune, kpis: ['pipelineValue', 'dealsInPipeline', 'staleDeals', 'salesVelocity'] }),
    );
    expect(okOf(results.pipelineValue!).value).toBe(4_000); // open 10 + won-later 30
    expect(okOf(results.dealsInPipeline!).recordIds).toEqual(['open', 'won-later']);
    // Idle days at 15 June 12:00: 'open' last active 14 June 18:00 (0.75 day), won-later 14 June 00:00 (1.5 days).
    const stale = computeKpis(
      dataOf({ deals, activities }),
      queryOf({ ...asOfMidJune, kpis: ['staleDeals'], settings: { demoKeywords: [], staleDays: 1 } }),
    ).staleDeals!;
    expect(okOf(stale).recordIds).toEqual(['won-later']); // 1.5 ≥ 1 day; 0.75 < 1
    const velocity = okOf(results.salesVelocity!);
    // 2 open × 100 % (1 won of 1 closed by the 15th) × USD 40 ÷ 38 days (3 May → 10 June) = 2.105… USD/day
    expect(velocity.parts.openDeals).toBe(2);
    expect(velocity.value).toBe(Math.round((2 * 1 * 4_000) / 38));
  });

  it('computes coverage from the pipeline open at the instant and the quota still to reach', () => {
    const deals = [
      deal({ createdAt: at('2017-06-01'), amount: usd(600), expectedCloseAt: at('2017-06-28') }),
      wonDeal(300, '2017-06-20', { createdAt: at('2017-06-01'), expectedCloseAt: at('2017-06-25') }), // open on the 15th
      wonDeal(200, '2017-06-05'),
    ];
    const r = okOf(kpi('pipelineCoverage', { deals, quotas: [quota(1000, '2017-06-01', '2017-07-01')] }, asOfMidJune));
    // Expected to close 15–30 June: 600 + 300 = 900; quota 1,000 − sales 200 (by the 15th) = 800 to go
    expect([r.numerator, r.denominator, r.value]).toEqual([90_000, 80_000, 900 / 800]);
  });

  it("takes a deal's stage at the instant from its stage history, else its current stage with a note", () => {
    const stages = [stage('s1', 'p', 1, 10), stage('s2', 'p', 2, 50)];
    const history = deal({
      externalId: 'h',
      createdAt: at('2017-05-01'),
      amount: usd(100),
      stageId: 's2',
      stageHistory: [
        { stageId: 's1', enteredAt: at('2017-05-01') },
        { stageId: 's2', enteredAt: at('2017-06-20') },
      ],
    });
    const edited = deal({ externalId: 'e', createdAt: at('2017-05-01'), amount: usd(100), stageId: 's2', updatedAt: at('2017-06-20') });
    const untouched = deal({ externalId: 'u', createdAt: at('2017-05-01'), amount: usd(100), stageId: 's2', updatedAt: at('2017-06-01') });
    const data: Partial<KpiData> = { pipelines: [pipeline('p', 'P')], stages, deals: [history, edited, untouched] };
    const r = okOf(kpi('pipelineValue', data, asOfMidJune));
    // h was in s1 on the 15th (history): 100 × 10 %; e and u are in s2 now: 100 × 50 % each → 10 + 50 + 50
    expect(r.parts.weighted).toBe(11_000);
    expect(r.breakdown?.map((row) => [row.key, row.count])).toEqual([
      ['s1', 1],
      ['s2', 2],
    ]);
    // e changed after the 15th and has no history: its stage then is not known (u has not changed since)
    expect(r.notes).toEqual([expect.objectContaining({ code: 'current-stage', count: 1 })]);
    // Now (end of June) every stage is known: no note
    expect(okOf(kpi('pipelineValue', data)).notes).toBeUndefined();
  });

  it('gives a deal closed since the instant no stage and no probability from its outcome', () => {
    const stages = [stage('s1', 'p', 1, 10), stage('won', 'p', 9, 100)];
    // Won on the 20th, no stage history: on the 15th it was open, in a stage the data cannot tell; its
    // current stage ('won', 100 %) and the CRM's 100 % on the won deal are its outcome, not its chances then.
    const closedSince = wonDeal(100, '2017-06-20', { externalId: 'w', createdAt: at('2017-05-01'), stageId: 'won', probability: 100 });
    const open = deal({ externalId: 'o', createdAt: at('2017-05-01'), amount: usd(100), stageId: 's1', updatedAt: at('2017-06-01') });
    const r = okOf(kpi('pipelineValue', { pipelines: [pipeline('p', 'P')], stages, deals: [closedSince, open] }, asOfMidJune));
    expect(r.value).toBe(20_000); // both open then: 100 + 100
    expect(r.parts.weighted).toBe(1_000); // o: 100 × 10 %; w: no probability then, left out of the weighted value
    expect(r.breakdown?.map((row) => [row.key, row.label, row.count])).toEqual([
      ['s1', 's1', 1],
      ['(no stage)', 'No stage', 1],
    ]);
    expect(r.notes).toEqual([expect.objectContaining({ code: 'current-stage', count: 1 })]);
  });

  it('compares the pipeline with the pipeline at the corresponding instant of the previous period', () => {
    const deals = [
      deal({ createdAt: at('2017-05-01'), amount: usd(10) }),
      wonDeal(30, '2017-05-20', { createdAt: at('2017-05-02') }), // open on 15 May, closed by 15 June
      deal({ createdAt: at('2017-05-16'), amount: usd(5) }), // created after 15 May
    ];
    const r = okOf(kpi('pipelineValue', { deals }, asOfMidJune));
    expect(r.value).toBe(1_500); // 10 + 5 on 15 June
    expect(r.previous).toEqual({ value: 4_000, change: -62.5, unit: '%' }); // 10 + 30 on 15 May 12:00; (15 − 40) ÷ 40
    expect(r.comparison).toEqual({ start: MAY.start, end: at('2017-05-15T12:00') + 1, label: '2017-05' });
  });

  it('gives a period that is over its pipeline at its end, not now', () => {
    const deals = [
      deal({ createdAt: at('2017-06-10'), amount: usd(10) }),
      wonDeal(30, '2017-07-05', { createdAt: at('2017-06-10') }),
      deal({ createdAt: at('2017-07-02'), amount: usd(70) }),
    ];
    const r = okOf(kpi('pipelineValue', { deals }, { asOf: at('2017-07-20') }));
    expect(r.value).toBe(4_000); // at the end of June: 10 + 30 (won in July); the deal of 2 July did not exist
    expect(r.partial).toBeUndefined();
  });

  it('counts a lead as converted, MQL or SQL only by its date, if that was by then', () => {
    const leads = [
      lead({ createdAt: at('2017-06-02'), status: 'converted', convertedAt: at('2017-06-10') }),
      lead({ createdAt: at('2017-06-03'), status: 'converted', convertedAt: at('2017-06-20') }), // later: open then
      lead({ createdAt: at('2017-06-04'), status: 'open' }),
      lead({ createdAt: at('2017-06-16'), status: 'open' }), // created later: absent
    ];
    const r = okOf(kpi('leadConversionRate', { leads }, asOfMidJune));
    expect([r.numerator, r.denominator]).toEqual([1, 3]); // 1 converted of the 3 created by the 15th
    expect(r.asOf).toBe(MID_JUNE);
  });

  it('reads the period asked for to the instant: a June win after the 15th is not in June as of the 15th', () => {
    const deals = [wonDeal(100, '2017-06-05'), wonDeal(900, '2017-06-25')];
    const r = okOf(kpi('avgPurchaseValue', { deals }, asOfMidJune));
    expect([r.value, r.denominator]).toEqual([10_000, 1]);
    expect(r.partial).toBe(true);
    expect(r.period).toEqual({ start: JUNE.start, end: JUNE.end, label: '2017-06' });
  });
});
