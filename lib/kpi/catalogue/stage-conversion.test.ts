import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, kpi, okOf, pipeline, stage } from '../test-fixtures';

describe('stageConversion', () => {
  const funnel = { pipelines: [pipeline('p1', 'Sales')], stages: [stage('qual', 'p1', 1, 10), stage('meet', 'p1', 2, 40), stage('prop', 'p1', 3, 70)] };
  const deals = [
    deal({
      externalId: 'D1',
      status: 'won',
      stageId: 'prop',
      createdAt: JUNE.start,
      closedAt: at('2017-06-17'),
      stageHistory: [
        { stageId: 'qual', enteredAt: at('2017-06-01') },
        { stageId: 'meet', enteredAt: at('2017-06-03') },
        { stageId: 'prop', enteredAt: at('2017-06-07') },
      ],
    }),
    deal({ externalId: 'D2', status: 'lost', stageId: 'meet', createdAt: at('2017-06-02'), closedAt: at('2017-06-09') }),
    deal({ externalId: 'D3', stageId: 'qual', createdAt: at('2017-06-03') }),
    deal({
      externalId: 'D4',
      stageId: 'prop',
      createdAt: at('2017-06-02'),
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
