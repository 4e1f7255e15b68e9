import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { columnTableOf, withColumns } from '../columns/table';
import { computeKpis } from '../kpi/compute';
import { dataArb, queryArb } from '../kpi/test-arbitraries';
import { RECORD_TYPES } from '../model';
import { KpiLensDb } from './db';
import { loadKpiData, loadLateTables } from './load';
import { upsertRecords } from './records';
import { RECORD_TABLES, SCHEMA_VERSIONS } from './schema';
import { WORKER_MARKS } from '../perf';
import { AS_OF, fixtureData } from '../views/test-fixture';
import { queryOf } from '../kpi/test-fixtures';

const opened: KpiLensDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const positions = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('loading a source for a cold worker', () => {
  it('reads the cold tier of the deals in the same read, the rest by the query, and gives the same numbers as the lazy load (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, queryArb, async (data, query) => {
        const db = new KpiLensDb(`load-${++counter}`, SCHEMA_VERSIONS);
        opened.push(db);
        await upsertRecords(db, Object.fromEntries(RECORD_TYPES.map((type) => [type, data[RECORD_TABLES[type]]])));
        const lazy = await loadKpiData(db, 'test');
        const whole = await loadKpiData(db, 'test', { whole: true });
        const deals = columnTableOf(whole.deals);
        if (deals) expect(deals.missing('cold', positions(whole.deals.length))).toEqual([]);
        // The deals' histories and the activities' and leads' cold chunks wait for the query that names them (one read of exactly those).
        if (deals && whole.deals.length) expect(deals.missing('extra', positions(whole.deals.length)).length).toBeGreaterThan(0);
        for (const list of [whole.activities, whole.leads] as readonly (readonly unknown[])[]) {
          const table = columnTableOf(list);
          if (table && list.length) expect(table.missing('cold', positions(list.length)).length).toBeGreaterThan(0);
        }
        expect(await withColumns(() => computeKpis(whole, query))).toEqual(await withColumns(() => computeKpis(lazy, query)));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves customers and MRR movements to a read of their own when asked, and the two reads hold what one does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (data) => {
        const db = new KpiLensDb(`late-${++counter}`, SCHEMA_VERSIONS);
        opened.push(db);
        await upsertRecords(db, Object.fromEntries(RECORD_TYPES.map((type) => [type, data[RECORD_TABLES[type]]])));
        const one = await loadKpiData(db, 'test');
        const early = await loadKpiData(db, 'test', { whole: true, lateTables: false });
        expect([early.customers, early.mrrMovements]).toEqual([[], []]);
        const late = await loadLateTables(db, 'test');
        const ids = (list: readonly { externalId: string }[]) => list.map((record) => record.externalId).sort();
        expect(ids(late.customers)).toEqual(ids(one.customers));
        expect(late.mrrMovements).toEqual(one.mrrMovements);
        expect(late.customers).toEqual(one.customers);
        for (const table of ['owners', 'quotas', 'spend', 'targets'] as const) expect(early[table]).toEqual(one[table]);
        expect(early.deals).toHaveLength(one.deals.length);
      }),
      { numRuns: 30 },
    );
  });

  it("marks the parts of a worker's first read once: each type's hot tier, the small tables, the deals' cold tier, and a query's read of the chunks it named", async () => {
    performance.clearMarks();
    const db = new KpiLensDb(`marks-${++counter}`, SCHEMA_VERSIONS);
    opened.push(db);
    const data = fixtureData();
    await upsertRecords(db, Object.fromEntries(RECORD_TYPES.map((type) => [type, data[RECORD_TABLES[type]]])));
    const at = (mark: string) => performance.getEntriesByName(mark).map((entry) => entry.startTime);
    const read = await loadKpiData(db, 'crm', { whole: true, lateTables: false });
    const parts = [
      WORKER_MARKS.activitiesHotRead,
      WORKER_MARKS.dealsHotRead,
      WORKER_MARKS.leadsHotRead,
      WORKER_MARKS.smallTablesRead,
      WORKER_MARKS.dealsColdRead,
    ];
    for (const mark of parts) expect(at(mark), mark).toHaveLength(1);
    // The deals' cold tier is asked for once their hot tier is in.
    expect(at(WORKER_MARKS.dealsColdRead)[0]).toBeGreaterThanOrEqual(at(WORKER_MARKS.dealsHotRead)[0]!);
    expect(at(WORKER_MARKS.coldRowsAsked)).toEqual([]);
    // The activities' cold chunks were not read: the query stops for them once, then reads them.
    const period = { kind: 'month' as const, start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1), label: '2026-11' };
    const query = queryOf({ kpis: ['activityCounts'], period, comparePeriod: null, asOf: AS_OF, scope: { ownerIds: ['ann'] } });
    const results = await withColumns(() => computeKpis(read, query));
    // Ann's done activities in November: calls a1 and a2 (the 16th) + email a3 (the 17th) = 3; a5 is planned.
    expect(results.activityCounts).toMatchObject({ status: 'ok', value: 3 });
    expect(at(WORKER_MARKS.coldRowsAsked)).toHaveLength(1);
    expect(at(WORKER_MARKS.coldRowsRead)).toHaveLength(1);
    expect(at(WORKER_MARKS.coldRowsRead)[0]).toBeGreaterThanOrEqual(at(WORKER_MARKS.coldRowsAsked)[0]!);
    // Later reads add no mark: the bench times a cold worker's first.
    await loadKpiData(db, 'crm', { whole: true });
    for (const mark of parts) expect(at(mark), mark).toHaveLength(1);
  });
});
