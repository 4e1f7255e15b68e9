/**
 * The index fills only the record lists the asked KPIs read (placements.ts). What proves the table:
 * every KPI gives the same result asked alone (its own lists placed) as asked with the whole catalogue
 * (every list placed), over random data and queries, and over the demo data set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../compute';
import { KPI_IDS } from '../registry';
import { dataArb, normalise, queryArb } from '../test-arbitraries';
import { demoKpiData } from '../../demo/test-kpi-data';
import type { KpiData, KpiId, KpiQuery } from '../types';
import { ALL_PLACEMENTS, placementsFor } from './placements';

function sameAloneAsWithAll(data: KpiData, query: KpiQuery, ids: readonly KpiId[]) {
  const whole = computeKpis(data, { ...query, kpis: [...KPI_IDS] });
  const alone = computeKpis(data, { ...query, kpis: [...ids] });
  for (const id of ids) expect(normalise({ [id]: alone[id] }), `${id} asked with ${ids.join(', ')}`).toEqual(normalise({ [id]: whole[id] }));
}

describe('the record lists a query places', () => {
  it('are those its KPIs read', () => {
    // The sidebar's counts for today and this week: activities only.
    expect(placementsFor(['activityCounts'])).toEqual({ deals: false, activities: true, demos: false, leads: false });
    // A rep's pinned cards: no lead, no demo.
    expect(placementsFor(['activityCounts', 'quotaAttainment', 'pipelineValue', 'dealsInPipeline'])).toEqual({
      deals: true,
      activities: true,
      demos: false,
      leads: false,
    });
    expect(placementsFor(['demosBooked'])).toEqual({ deals: false, activities: false, demos: true, leads: false });
    expect(placementsFor(['mqlToSql']).leads).toBe(true);
    expect(placementsFor(['repLeaderboard'])).toEqual({ deals: true, activities: true, demos: false, leads: false });
    expect(placementsFor(KPI_IDS)).toEqual(ALL_PLACEMENTS);
  });

  it('give every KPI asked alone the result it has with the whole catalogue, over random data and queries', () => {
    fc.assert(
      fc.property(dataArb, queryArb, fc.constantFrom(...KPI_IDS), (data, query, id) => sameAloneAsWithAll(data, query, [id])),
      { numRuns: 600 },
    );
  });

  it('give any set of KPIs the results they have with the whole catalogue', () => {
    fc.assert(
      fc.property(dataArb, queryArb, fc.subarray([...KPI_IDS], { minLength: 1, maxLength: 5 }), (data, query, ids) => sameAloneAsWithAll(data, query, ids)),
      { numRuns: 200 },
    );
  });

  it('give every KPI of the demo data set, for a rep and the team, the same result alone', () => {
    const { demo, data, query } = demoKpiData(11);
    expect(data.leads.length).toBeGreaterThan(20);
    for (const spec of ['2026-11-20', '2026-W47', '2026-11', '2026-Q4'])
      for (const scope of [{ ownerIds: [demo.currentOwnerId] }, { ownerIds: 'all' as const }])
        for (const id of KPI_IDS) sameAloneAsWithAll(data, query(spec, scope, { demoKeywords: ['demo'], staleDays: 14 }), [id]);
  });
});
