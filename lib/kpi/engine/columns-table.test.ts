import { DAY_MS } from '../../period/units';
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { columnTableOf, withColumns } from '../../columns/table';
import { KpiLensDb } from '../../db/db';
import { loadKpiData } from '../../db/load';
import { saveOrders } from '../../db/columns';
import { upsertRecords } from '../../db/records';
import { recordsAtSlots } from '../../db/whole-records';
import { liveSlots, readIdRows } from '../../db/slot-index';
import { isColumnType } from '../../columns/spec';
import { RECORD_TABLES, SCHEMA_VERSIONS } from '../../db/schema';
import { RECORD_TYPES } from '../../model';
import { computeKpis } from '../compute';
import { doneActivities, type DoneActivities } from './done-activities';
import { dataArb, queryArb } from '../test-arbitraries';
import type { KpiData } from '../types';

const opened: KpiLensDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/**
 * The same records two ways: as the worker reads them from the column store (typed arrays, records
 * made on demand), and as plain arrays of the stored records in the same order (slot order).
 */
async function bothWays(data: KpiData): Promise<{ columns: KpiData; records: KpiData; db: KpiLensDb }> {
  const db = new KpiLensDb(`engine-columns-${++counter}`, SCHEMA_VERSIONS);
  opened.push(db);
  const batch = Object.fromEntries(RECORD_TYPES.map((type) => [type, data[RECORD_TABLES[type]]]));
  await upsertRecords(db, batch);
  const columns = await loadKpiData(db, 'test');
  const records = { ...columns } as Record<string, unknown>;
  for (const type of RECORD_TYPES) {
    records[RECORD_TABLES[type]] = isColumnType(type)
      ? await db.transaction('r', [db.columns], async () =>
          recordsAtSlots(
            db.columns,
            'test',
            type,
            liveSlots(await readIdRows(db.columns, 'test', type)).map(([slot]) => slot),
          ),
        )
      : await db.table(RECORD_TABLES[type]).toArray();
  }
  return { columns, records: records as unknown as KpiData, db };
}

/** The index as plain data: each deal's done times, each owner's calls and meetings (codes are an implementation detail). */
const plainIndex = (index: DoneActivities) => ({
  deals: Object.fromEntries([...index.dealCode].map(([id, c]) => [id, [...index.times.subarray(index.start[c]!, index.start[c + 1]!)]])),
  calls: Object.fromEntries([...index.calls].map(([owner, times]) => [owner, [...times]])),
  meetings: Object.fromEntries([...index.meetings].map(([owner, times]) => [owner, [...times]])),
  firstAt: index.firstAt,
});

describe('the engine over the column store', () => {
  it('builds the done-activities index from the columns exactly as from the records (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (data) => {
        const { columns, records } = await bothWays(data);
        const fromColumns = await withColumns(() => doneActivities(columns.activities));
        expect(plainIndex(fromColumns)).toEqual(plainIndex(doneActivities(records.activities)));
      }),
      { numRuns: 100 },
    );
  });

  it('gives exactly the results it gives over the record arrays (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, queryArb, async (data, query) => {
        const { columns, records } = await bothWays(data);
        if (data.activities.length) expect(columnTableOf(columns.activities)).toBeDefined();
        const fromColumns = await withColumns(() => computeKpis(columns, query));
        const fromRecords = computeKpis(records, query);
        expect(fromColumns).toEqual(fromRecords);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the orders it sorted for the next cold start, which gives the same results without sorting, until a write', async () => {
    const data = fc.sample(
      dataArb.filter((d) => d.activities.length > 3 && d.deals.length > 1),
      { numRuns: 1, seed: 11 },
    )[0]!;
    const [query] = fc.sample(queryArb, { numRuns: 1, seed: 12 });
    const { columns, db } = await bothWays(data);
    const first = await withColumns(() => computeKpis(columns, query!));
    const table = columnTableOf(columns.activities)!;
    expect([...table.madeOrders.keys()].sort()).toEqual(['booked', 'occurredAt']);
    expect(await saveOrders(db, 'test', 'activity', table.generation!, table.madeOrders)).toBe(true);
    const deals = columnTableOf(columns.deals)!;
    await saveOrders(db, 'test', 'deal', deals.generation!, deals.madeOrders);

    const again = await loadKpiData(db, 'test');
    expect(await withColumns(() => computeKpis(again, query!))).toEqual(first);
    expect(columnTableOf(again.activities)!.madeOrders.size).toBe(0); // nothing sorted: the stored orders were used
    expect(columnTableOf(again.deals)!.madeOrders.size).toBe(0);

    // A write makes them stale: the next cold start sorts again, and a stale save is refused.
    await upsertRecords(db, { activity: [{ ...data.activities[0]!, occurredAt: data.activities[0]!.occurredAt + 1 }] });
    const stale = await loadKpiData(db, 'test');
    await withColumns(() => computeKpis(stale, query!));
    expect(columnTableOf(stale.activities)!.madeOrders.size).toBe(2);
    expect(await saveOrders(db, 'test', 'activity', table.generation!, table.madeOrders)).toBe(false);
  });

  it('makes no record object to index a source, and only the rows a query places', async () => {
    const data = fc.sample(
      dataArb.filter((d) => d.activities.length > 8),
      { numRuns: 1, seed: 3 },
    )[0]!;
    const { columns } = await bothWays(data);
    const table = columnTableOf(columns.activities)!;
    const times = data.activities.map((a) => a.occurredAt).sort((a, b) => a - b);
    // A period holding the earlier half of the activities, compared with the day before it, everyone.
    const period = { start: times[0]!, end: times[Math.floor(times.length / 2)]! + 1, label: 'first half', kind: 'custom' as const };
    const before = { start: period.start - DAY_MS, end: period.start, label: 'day before', kind: 'custom' as const };
    const [sampled] = fc.sample(queryArb, { numRuns: 1, seed: 5 });
    // As of after both windows ended: each is whole (no as-of clipping, no like-for-like shortening).
    const query = {
      ...sampled!,
      period,
      comparePeriod: before,
      asOf: times[times.length - 1]! + DAY_MS,
      scope: { ownerIds: 'all' as const },
      kpis: ['activityCounts' as const, 'demosBooked' as const],
    };
    // The first run stops at the first record it needs (its chunk not read yet), once the whole index is built.
    await expect(Promise.resolve().then(() => computeKpis(columns, query))).rejects.toThrow(/not read yet/);
    await withColumns(() => computeKpis(columns, query));
    const made = (table as unknown as { made: unknown[] }).made.filter(Boolean).length;
    const inside = (t: number | undefined) => t !== undefined && t >= before.start && t < period.end;
    const placed = data.activities.filter((a) => inside(a.occurredAt) || (a.type === 'meeting' && inside(a.createdAt ?? a.occurredAt)));
    expect(made).toBe(new Set(placed.map((a) => a.externalId)).size);
    expect(made).toBeLessThan(data.activities.length);
  });
});
