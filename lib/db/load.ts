import { ColumnTable, columnTableOf } from '../columns/table';
import { COLUMN_TYPES, tiersOf, type ColumnRecord, type ColumnType, type Tier } from '../columns/spec';
import type { KpiData } from '../kpi/types';
import { readChunks, readMeta, readOrders } from './columns';
import type { KpiLensDb } from './db';
import { readSource, recordTable } from './records';
import { RECORD_TABLES } from './schema';
import { readWholeSource } from './whole-records';

type LazyTier = Exclude<Tier, 'hot'>;

/**
 * A source's records of one big type (activities, deals, leads) for the KPI engine: from the column
 * store when its columns are ready (the hot chunks, one read; records are made only for the rows a
 * query touches, see lib/columns/table.ts), else the records themselves (while the migration builds
 * the columns). `whole`: its cold and extra chunks too, in the same read (for a first query that
 * makes records of most of them). Call inside a read transaction over the record table, `columns`
 * and `columnMeta`.
 */
export async function readColumnRecords<T extends ColumnType>(db: KpiLensDb, source: string, type: T, whole = false): Promise<readonly ColumnRecord[T][]> {
  // One round trip: the chunks are asked for with the state (when the columns are not ready, they go unused).
  const lazyTiers = whole ? tiersOf(type).filter((tier): tier is LazyTier => tier !== 'hot') : [];
  const [meta, hot, orders, ...lazy] = await Promise.all([
    readMeta(db, source, type),
    readChunks(db, source, type, 'hot'),
    readOrders(db, source, type),
    ...lazyTiers.map((tier) => readChunks(db, source, type, tier)),
  ]);
  if (meta?.state !== 'ready') return (await readWholeSource(db, source, type)) as unknown as ColumnRecord[T][];
  const read = new Map(lazyTiers.map((tier, i) => [tier, lazy[i]!]));
  const table = new ColumnTable(source, type, hot, (tier, chunks) => {
    // The tiers read with the hot chunks are handed over once; later reads go to the store.
    const ready = chunks === 'all' ? read.get(tier) : undefined;
    read.delete(tier);
    return ready ? Promise.resolve(ready) : readChunks(db, source, type, tier, chunks === 'all' ? undefined : chunks);
  });
  table.useOrders(meta.generation, orders);
  for (const tier of lazyTiers) await table.loadCold(tier, 'all');
  return table.records();
}

/** A source's records of one big type read again (after a write), in its own read transaction. */
export function reloadColumnRecords<T extends ColumnType>(db: KpiLensDb, source: string, type: T): Promise<readonly ColumnRecord[T][]> {
  return db.transaction('r', [recordTable(db, type), db.columns, db.columnMeta], () => readColumnRecords(db, source, type));
}

/** The tables `loadKpiData` reads, for a read transaction. */
export function sourceTables(db: KpiLensDb) {
  return [
    db.owners,
    db.teams,
    db.pipelines,
    db.stages,
    db.products,
    db.deals,
    db.activities,
    db.leads,
    db.customers,
    db.mrrMovements,
    db.spend,
    db.quotas,
    db.targets,
    db.columns,
    db.columnMeta,
  ];
}

/**
 * Everything of one source the KPI engine may read, in one read transaction so
 * a sync step committing meanwhile is seen whole or not at all.
 */
export async function loadKpiData(db: KpiLensDb, source: string, options: { prefetch?: boolean } = {}): Promise<KpiData> {
  const data = await readKpiData(db, source, options.prefetch ? SMALL_TYPES : []);
  if (options.prefetch) prefetchLazyTiers(data);
  return data;
}

/** The big types with few records (deals, leads): a first query makes records of most of them, and their cold chunks are small. */
const SMALL_TYPES: readonly ColumnType[] = ['deal', 'lead'];

/**
 * Starts reading the cold and extra chunks not read yet of the column tables behind `data`, each tier
 * in one read: a first query reads them anyway (a record needs its cold chunk), one miss at a time,
 * computing again after each. Started as soon as the hot chunks are in, the reads overlap the query's
 * first part (indexing by the hot columns, placing the deals), and a miss then waits for the read
 * already under way (ColumnTable.loadCold reads a tier once). Outside the read transaction, like
 * every lazy read: a write since makes the source stale in the view service, which reads it again.
 */
function prefetchLazyTiers(data: KpiData): void {
  for (const list of [data.deals, data.leads, data.activities] as readonly (readonly unknown[])[]) {
    const table = columnTableOf(list);
    if (!table) continue;
    for (const tier of tiersOf(table.type)) if (tier !== 'hot') void table.loadCold(tier, 'all').catch(() => undefined);
  }
}

async function readKpiData(db: KpiLensDb, source: string, whole: readonly ColumnType[]): Promise<KpiData> {
  return db.transaction('r', sourceTables(db), async () => {
    // The column tables first: IndexedDB answers a transaction's requests in order, and they are what a first query waits for.
    const [columns, [owners, teams, pipelines, stages, products, customers, mrrMovements, spend, quotas, targets]] = await Promise.all([
      Promise.all(COLUMN_TYPES.map((type) => readColumnRecords(db, source, type, whole.includes(type)))),
      Promise.all([
        readSource(db.owners, source),
        readSource(db.teams, source),
        readSource(db.pipelines, source),
        readSource(db.stages, source),
        readSource(db.products, source),
        readSource(db.customers, source),
        readSource(db.mrrMovements, source),
        readSource(db.spend, source),
        readSource(db.quotas, source),
        readSource(db.targets, source),
      ]),
    ]);
    const big = Object.fromEntries(COLUMN_TYPES.map((type, i) => [RECORD_TABLES[type], columns[i]]));
    return { owners, teams, pipelines, stages, products, customers, mrrMovements, spend, quotas, targets, ...big } as unknown as KpiData;
  });
}
