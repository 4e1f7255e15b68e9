import { ColumnTable } from '../columns/table';
import { COLUMN_TYPES, type ColumnRecord, type ColumnType } from '../columns/spec';
import type { KpiData } from '../kpi/types';
import { LATE_TABLES, type LateTable, type LateTables } from '../kpi/late-tables';
import { markOnce, WORKER_MARKS } from '../perf';
import { readChunks, readMeta, readOrders } from './columns';
import type { KpiLensDb } from './db';
import { readSource, recordTable } from './records';
import { RECORD_TABLES } from './schema';
import { readWholeSource } from './whole-records';

/**
 * How much of the deals' cold chunks `whole` reads with their hot chunks: up to WHOLE_MAX_BYTES,
 * estimated from the rows and what a deal costs in that tier (bench: ~100 bytes). At an account's
 * size (10,000 deals) that one read is what a cold worker's first query needs anyway (every open
 * deal's stage, the won deals' ids and customers), and spares it a miss; a team's 100,000
 * deals (10 MB) are read where the queries place rows instead: a rep's first query needs a fifth of
 * their chunks, and a restarted team-scale worker's heap is at its 300 MB budget.
 *
 * Not read whole: the leads' cold tier (the sidebar bench's 5,600 leads: 1.3 MB, about 230 bytes a
 * lead), which a rep's first numbers do not read, and a query reads the leads of its windows
 * (needWindows); the extra tier (stage histories and line items, most of a deal's bytes), of which a
 * first query needs only the histories of the open deals that moved stage after a window's instant
 * (place-records.ts needWindowDeals); and the activities, of which a query reads those of its windows
 * only, a few of the ~100 chunks of 100,000 activities (needWindows). A query names those chunks
 * before it makes a record, and the pinned view's computations name theirs together
 * (collectColdNeeds): one read. Read whole, the activities' cold tier (5.5 MB, a third of it titles)
 * was the longest part of a cold worker's read (fresh numbers after a stop: 320 ms median against
 * 390 in the same hour).
 */
export const WHOLE_MAX_BYTES = 4 * 1024 * 1024;
const DEAL_COLD_BYTES = 100;

/** The mark a type's hot tier sets when it is in (a worker's first read; see lib/perf). */
const HOT_READ_MARKS: Record<ColumnType, string> = {
  activity: WORKER_MARKS.activitiesHotRead,
  deal: WORKER_MARKS.dealsHotRead,
  lead: WORKER_MARKS.leadsHotRead,
};

/**
 * A source's records of one big type (activities, deals, leads) for the KPI engine: from the column
 * store when its columns are ready (the hot chunks, one read; records are made only for the rows a
 * query touches, see lib/columns/table.ts), else the records themselves (while the migration builds
 * the columns). `whole`: the deals' cold chunks too, in the same transaction (for a first query that
 * makes records of most of them), up to WHOLE_MAX_BYTES. Call inside a read transaction over the
 * record table, `columns` and `columnMeta`.
 */
export async function readColumnRecords<T extends ColumnType>(db: KpiLensDb, source: string, type: T, whole = false): Promise<readonly ColumnRecord[T][]> {
  // The state, the hot chunks and the orders asked at once: they are queued before the caller's other
  // reads, and the hot chunks are taken in while IndexedDB reads the rest.
  const [meta, hot, orders] = await Promise.all([readMeta(db, source, type), readChunks(db, source, type, 'hot'), readOrders(db, source, type)]);
  markOnce(HOT_READ_MARKS[type]);
  if (meta?.state !== 'ready') return (await readWholeSource(db, source, type)) as unknown as ColumnRecord[T][];
  // The cold tier too when asked and small enough (see WHOLE_MAX_BYTES).
  const readWhole = whole && type === 'deal' && meta.slots * DEAL_COLD_BYTES <= WHOLE_MAX_BYTES;
  let cold = readWhole ? await readChunks(db, source, type, 'cold') : undefined;
  if (readWhole) markOnce(WORKER_MARKS.dealsColdRead);
  const table = new ColumnTable(source, type, hot, (tier, chunks) => {
    // The cold chunks read with the hot ones are handed over once; later reads go to the store.
    const ready = tier === 'cold' && chunks === 'all' ? cold : undefined;
    if (tier === 'cold') cold = undefined;
    return ready ? Promise.resolve(ready) : readChunks(db, source, type, tier, chunks === 'all' ? undefined : chunks);
  });
  table.useOrders(meta.generation, orders);
  if (readWhole) await table.loadCold('cold', 'all');
  return table.records();
}

/** A source's records of one big type read again (after a write), in its own read transaction. */
export function reloadColumnRecords<T extends ColumnType>(db: KpiLensDb, source: string, type: T): Promise<readonly ColumnRecord[T][]> {
  return db.transaction('r', [recordTable(db, type), db.columns, db.columnMeta], async () => readColumnRecords(db, source, type));
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
 * a sync step committing meanwhile is seen whole or not at all. `whole` (a cold worker): the deals'
 * cold tier too, not only the hot one (see WHOLE_MAX_BYTES). A first query makes records of most
 * deals, and a record needs its cold chunk: read lazily, the miss cost a read and a computation
 * started again; read here, in the same transaction, it costs none. `lateTables: false` (a cold
 * worker): customers and MRR movements are left empty, for `loadLateTables` to read once this read
 * is done (see lib/kpi/late-tables.ts).
 */
export async function loadKpiData(db: KpiLensDb, source: string, options: { whole?: boolean; lateTables?: boolean } = {}): Promise<KpiData> {
  const late = options.lateTables ?? true;
  const tables = late ? sourceTables(db) : sourceTables(db).filter((table) => !LATE_TABLES.includes(table.name as LateTable));
  return db.transaction('r', tables, async () => {
    // The column tables first: IndexedDB answers a transaction's requests in order, and they are what a first query waits for.
    const [columns, [owners, teams, pipelines, stages, products, customers, mrrMovements, spend, quotas, targets]] = await Promise.all([
      Promise.all(COLUMN_TYPES.map((type) => readColumnRecords(db, source, type, options.whole))),
      Promise.all([
        readSource(db.owners, source),
        readSource(db.teams, source),
        readSource(db.pipelines, source),
        readSource(db.stages, source),
        readSource(db.products, source),
        late ? readSource(db.customers, source) : [],
        late ? readSource(db.mrrMovements, source) : [],
        readSource(db.spend, source),
        readSource(db.quotas, source),
        readSource(db.targets, source),
      ]).then((tables) => {
        markOnce(WORKER_MARKS.smallTablesRead);
        return tables;
      }),
    ]);
    const big = Object.fromEntries(COLUMN_TYPES.map((type, i) => [RECORD_TABLES[type], columns[i]]));
    return { owners, teams, pipelines, stages, products, customers, mrrMovements, spend, quotas, targets, ...big } as unknown as KpiData;
  });
}

/**
 * A source's customers and MRR movements, in a read of their own: after `loadKpiData` without them,
 * so IndexedDB (which serves a worker's reads one after another) answers that one first.
 */
export function loadLateTables(db: KpiLensDb, source: string): Promise<LateTables> {
  return db.transaction('r', [db.customers, db.mrrMovements], async () => {
    const [customers, mrrMovements] = await Promise.all([readSource(db.customers, source), readSource(db.mrrMovements, source)]);
    return { customers, mrrMovements };
  });
}
