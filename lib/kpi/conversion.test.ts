import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, kpi, lead, lostDeal, okOf, pipeline, stage, usd, wonDeal } from './test-fixtures';

describe('leadConversionRate', () => {
  const asOf = at('2017-07-15');
  const leads = [
    lead({ externalId: 'L1', createdAt: JUNE.start, status: 'converted', convertedAt: at('2017-06-20') }), // at the start: in
    lead({ externalId: 'L2', createdAt: at('2017-06-10'), status: 'converted', convertedAt: at('2017-07-10') }), // converted later, before asOf
    lead({ externalId: 'L3', createdAt: at('2017-06-12'), status: 'converted', convertedAt: at('2017-07-20') }), // after asOf: not yet
    lead({ externalId: 'L4', createdAt: at('2017-06-15'), status: 'converted' }), // status only
    lead({ externalId: 'L5', createdAt: at('2017-06-18'), status: 'disqualified' }),
    lead({ externalId: 'L6', createdAt: at('2017-06-20') }),
    lead({ externalId: 'L7', createdAt: JUNE.end }), // at the end: out
    lead({ externalId: 'L8', createdAt: at('2017-05-31'), status: 'converted', convertedAt: at('2017-06-02') }), // May cohort
  ];

  it('is the share of the June cohort converted as of the computation date', () => {
    const r = okOf(kpi('leadConversionRate', { leads }, { asOf }));
    expect(r.value).toBe(50); // L1 L2 L4 of L1–L6: 3 ÷ 6
    expect(r.counts).toEqual({ leads: 6, converted: 3, disqualified: 1, open: 2 });
    expect(r.asOf).toBe(asOf);
  });

  it('needs leads, and is not defined for an empty cohort', () => {
    expect(kpi('leadConversionRate', {})).toMatchObject({ status: 'needs-data', missing: ['leads'] });
    expect(kpi('leadConversionRate', { leads: [leads[7]!] })).toMatchObject({ status: 'not-defined', reason: 'no leads created in the period' });
  });
});

describe('avgConversionTime', () => {
  const leads = [
    lead({ createdAt: at('2017-06-01'), status: 'converted', convertedAt: at('2017-06-20') }), // 19 days
    lead({ createdAt: at('2017-05-30'), status: 'converted', convertedAt: JUNE.start }), // converted exactly at the start: in; 2 days
    lead({ createdAt: at('2017-06-10'), status: 'converted', convertedAt: at('2017-06-05') }), // converted before created
    lead({ createdAt: at('2017-06-10'), status: 'converted', convertedAt: JUNE.end }), // converted exactly at the end: out
  ];

  it('averages creation-to-conversion days of leads converted in the period', () => {
    const r = okOf(kpi('avgConversionTime', { leads }));
    expect(r.value).toBe(10.5); // (19 + 2) ÷ 2
    expect(r.parts).toEqual({ mean: 10.5, median: 10.5 });
    expect(r.excluded).toEqual([{ count: 1, reason: 'converted before it was created' }]);
  });

  it('needs leads, and is not defined with no conversion in the period', () => {
    expect(kpi('avgConversionTime', {})).toMatchObject({ status: 'needs-data', missing: ['leads'] });
    expect(kpi('avgConversionTime', { leads: [lead()] })).toMatchObject({ status: 'not-defined', reason: 'no leads converted in the period' });
  });
});

describe('mqlToSql', () => {
  const asOf = at('2017-07-31');
  const deals = [wonDeal(100, '2017-07-01', { externalId: 'dw', stageId: 'won-stage' }), lostDeal('2017-07-01', { externalId: 'dl' })];
  const leads = [
    lead({ externalId: 'M1', mqlAt: JUNE.start, sqlAt: at('2017-06-10'), convertedDealId: 'dw' }), // at the start: in; SQL
    lead({ externalId: 'M2', mqlAt: at('2017-06-05'), sqlAt: at('2017-07-03') }), // SQL after the period, before asOf
    lead({ externalId: 'M3', mqlAt: at('2017-06-07'), convertedDealId: 'dw' }), // no SQL date; its deal was won
    lead({ externalId: 'M4', mqlAt: at('2017-06-09') }),
    lead({ externalId: 'M5', mqlAt: JUNE.end, sqlAt: at('2017-07-02') }), // at the end: out
    lead({ externalId: 'M6', mqlAt: at('2017-05-20'), sqlAt: at('2017-06-20'), convertedDealId: 'dl' }), // SQL in June, lost
  ];

  it('is the share of MQLs of the period that reached SQL, with SQL → won', () => {
    const r = okOf(kpi('mqlToSql', { leads, deals }, { asOf }));
    expect(r.value).toBe(50); // M1 M2 of M1–M4: 2 ÷ 4
    expect(r.counts).toEqual({ mql: 4, sql: 2, sqlInPeriod: 2, sqlWon: 1 });
    expect(r.parts.sqlToWonPct).toBe(50); // M1 won, M6 lost: 1 ÷ 2
  });

  it('reads SQL from deal stages when leads have no SQL date and SQL stages are set', () => {
    const funnel = { pipelines: [pipeline('p', 'P')], stages: [stage('sql', 'p', 2, 30), stage('late', 'p', 3, 60), stage('early', 'p', 1, 10)] };
    const more = [deal({ externalId: 'dlate', stageId: 'late' }), deal({ externalId: 'dearly', stageId: 'early' })];
    const extra = [lead({ externalId: 'M7', mqlAt: at('2017-06-11'), convertedDealId: 'dlate' }), lead({ externalId: 'M8', mqlAt: at('2017-06-12'), convertedDealId: 'dearly' })];
    const settings = { demoKeywords: [], staleDays: 14, sqlStageIds: ['sql'] };
    const r = okOf(kpi('mqlToSql', { ...funnel, leads: [...leads, ...extra], deals: [...deals, ...more] }, { asOf, settings }));
    // M1, M2 (dates), M3 (deal won), M7 (deal past the SQL stage) of 6 MQLs; M4 and M8 (deal before SQL) not
    expect(r.value).toBeCloseTo((4 / 6) * 100, 12);
  });

  it('needs leads with MQL dates, and is not defined without MQLs in the period', () => {
    expect(kpi('mqlToSql', {})).toMatchObject({ status: 'needs-data', missing: ['leads'] });
    expect(kpi('mqlToSql', { leads: [lead()] })).toMatchObject({ status: 'needs-data', missing: ['leadLifecycle'] });
    expect(kpi('mqlToSql', { leads: [leads[4]!] })).toMatchObject({ status: 'not-defined', reason: 'no leads became MQL in the period' });
  });
});

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
