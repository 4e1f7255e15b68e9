import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, ANY_SAMPLE, kpi, lead, lostDeal, okOf, pipeline, stage, wonDeal } from '../test-fixtures';

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
    const extra = [
      lead({ externalId: 'M7', mqlAt: at('2017-06-11'), convertedDealId: 'dlate' }),
      lead({ externalId: 'M8', mqlAt: at('2017-06-12'), convertedDealId: 'dearly' }),
    ];
    const settings = { demoKeywords: [], staleDays: 14, sqlStageIds: ['sql'], minSample: ANY_SAMPLE };
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
