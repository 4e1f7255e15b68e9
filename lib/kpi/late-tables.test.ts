/**
 * A KPI that does not declare customers or MRR movements among its needs gives one rep the same result
 * without them: what lets a restarted worker answer a rep's pinned numbers before those tables are read
 * (late-tables.ts). Checked over random data and queries, and over the demo data set.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { readsLateTables, withoutLateTables } from './late-tables';
import { KPI_IDS } from './registry';
import { dataArb, normalise, queryArb } from './test-arbitraries';
import { demoKpiData } from '../demo/test-kpi-data';
import type { KpiData, KpiQuery } from './types';

const EARLY = KPI_IDS.filter((id) => !readsLateTables([id]));

/**
 * For one rep, without a breakdown by owner: a rep's pinned view. A team's numbers do depend on the
 * customers: the team's owners are those of every record (an owner known only from customers brings
 * their activity target; an unassigned customer adds "Unassigned" to a breakdown), so a team's view
 * waits for them.
 */
function sameWithoutLateTables(data: KpiData, query: KpiQuery) {
  const asked = { ...query, kpis: EARLY, breakdownByOwner: false };
  const whole = computeKpis(data, asked);
  const early = computeKpis(withoutLateTables(data), asked);
  for (const id of EARLY) expect(normalise({ [id]: early[id] }), `${id} without customers and MRR movements`).toEqual(normalise({ [id]: whole[id] }));
}

describe('the tables read late', () => {
  it('are read by the KPIs that say so, and by no pinned default', () => {
    expect(readsLateTables(['churn'])).toBe(true);
    expect(readsLateTables(['clv'])).toBe(true);
    expect(readsLateTables(['mrr'])).toBe(true);
    expect(readsLateTables(['activityCounts', 'quotaAttainment', 'pipelineValue', 'dealsInPipeline', 'winRate'])).toBe(false);
    // The rest of the catalogue must not read them: most of it answers before they are read.
    expect(EARLY.length).toBeGreaterThan(KPI_IDS.length / 2);
  });

  it("change no other KPI of one rep's, over random data and queries", () => {
    fc.assert(
      fc.property(dataArb, queryArb, fc.constantFrom('alice', 'bob', 'carol'), (data, query, owner) =>
        sameWithoutLateTables(data, { ...query, scope: { ownerIds: [owner] } }),
      ),
      { numRuns: 300 },
    );
  });

  it('change no other KPI of one rep over the demo data set', () => {
    const { demo, data, query } = demoKpiData(7);
    expect(data.customers.length).toBeGreaterThan(20);
    expect(data.mrrMovements.length).toBeGreaterThan(20);
    for (const spec of ['2026-11', '2026-Q4', '2026'])
      for (const owner of [demo.currentOwnerId, ...demo.owners.slice(0, 3).map((o) => o.externalId)])
        sameWithoutLateTables(data, query(spec, { ownerIds: [owner] }));
  });
});
