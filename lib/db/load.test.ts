import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { columnTableOf, withColumns } from '../columns/table';
import { computeKpis } from '../kpi/compute';
import { dataArb, queryArb } from '../kpi/test-arbitraries';
import { RECORD_TYPES } from '../model';
import { KpiLensDb } from './db';
import { loadKpiData } from './load';
import { upsertRecords } from './records';
import { RECORD_TABLES, SCHEMA_VERSIONS } from './schema';

const opened: KpiLensDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const positions = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('loading a source for a cold worker', () => {
  it('reads the cold tier of the deals and leads in the same read, the rest by the query, and gives the same numbers as the lazy load (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, queryArb, async (data, query) => {
        const db = new KpiLensDb(`load-${++counter}`, SCHEMA_VERSIONS);
        opened.push(db);
        await upsertRecords(db, Object.fromEntries(RECORD_TYPES.map((type) => [type, data[RECORD_TABLES[type]]])));
        const lazy = await loadKpiData(db, 'test');
        const whole = await loadKpiData(db, 'test', { whole: true });
        for (const list of [whole.deals, whole.leads] as readonly (readonly unknown[])[]) {
          const table = columnTableOf(list);
          if (!table) continue;
          expect(table.missing('cold', positions(list.length))).toEqual([]);
        }
        // The deals' histories and the activities' cold chunks wait for the query that names them (one read of exactly those).
        const deals = columnTableOf(whole.deals);
        if (deals && whole.deals.length) expect(deals.missing('extra', positions(whole.deals.length)).length).toBeGreaterThan(0);
        const activities = columnTableOf(whole.activities);
        if (activities && whole.activities.length) expect(activities.missing('cold', positions(whole.activities.length)).length).toBeGreaterThan(0);
        expect(await withColumns(() => computeKpis(whole, query))).toEqual(await withColumns(() => computeKpis(lazy, query)));
      }),
      { numRuns: 60 },
    );
  });
});
