import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { tiersOf } from '../columns/spec';
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

describe('loading a source for a cold worker (prefetch)', () => {
  it('reads the deals’ and leads’ every tier with the hot chunks, the activities’ right after, and gives the same numbers (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, queryArb, async (data, query) => {
        const db = new KpiLensDb(`load-${++counter}`, SCHEMA_VERSIONS);
        opened.push(db);
        await upsertRecords(db, Object.fromEntries(RECORD_TYPES.map((type) => [type, data[RECORD_TABLES[type]]])));
        const lazy = await loadKpiData(db, 'test');
        const ahead = await loadKpiData(db, 'test', { prefetch: true });
        for (const list of [ahead.deals, ahead.leads]) {
          const table = columnTableOf(list);
          if (!table) continue;
          for (const tier of tiersOf(table.type)) if (tier !== 'hot') expect(table.missing(tier, positions(list.length))).toEqual([]);
        }
        // The activities' cold chunks arrive by themselves, with no query asking for them.
        const activities = columnTableOf(ahead.activities);
        const all = positions(ahead.activities.length);
        for (let waited = 0; activities && activities.missing('cold', all).length && waited < 2_000; waited += 10)
          await new Promise((resolve) => setTimeout(resolve, 10));
        if (activities) expect(activities.missing('cold', all)).toEqual([]);
        expect(await withColumns(() => computeKpis(ahead, query))).toEqual(await withColumns(() => computeKpis(lazy, query)));
      }),
      { numRuns: 60 },
    );
  });
});
