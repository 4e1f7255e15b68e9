import { ColumnTable } from '../columns/table';
import { COLUMN_TYPES, type ColumnRecord, type ColumnType } from '../columns/spec';
import type { KpiData } from '../kpi/types';
import { readChunks, readMeta, readOrders } from './columns';
import type { KpiLensDb } from './db';
import { readSource, recordTable } from './records';
import { RECORD_TABLES } from './schema';
import { readWholeSource } from './whole-records';

/**
 * A source's records of one big type (activities, deals, leads) for the KPI engine: from the column
 * store when its columns are ready (the hot chunks, one read; records are made only for the rows a
 * query touches, see lib/columns/table.ts), else the records themselves (while the migration builds
 * the columns). Call inside a read transaction over the record table, `columns` and `columnMeta`.
 */
export async function readColumnRecords<T extends ColumnType>(db: KpiLensDb, source: string, type: T): Promise<readonly ColumnRecord[T][]> {
  const meta = await readMeta(db, source, type);
  if (meta?.state !== 'ready') return (await readWholeSource(db, source, type)) as unknown as ColumnRecord[T][];
  const [hot, orders] = await Promise.all([readChunks(db, source, type, 'hot'), readOrders(db, source, type)]);
  const table = new ColumnTable(source, type, hot, (tier, chunks) => readChunks(db, source, type, tier, chunks === 'all' ? undefined : chunks));
  table.useOrders(meta.generation, orders);
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
 * a sync step committing meanwhile is seen whole or not at all.
 */
export async function loadKpiData(db: KpiLensDb, source: string): Promise<KpiData> {
  return db.transaction('r', sourceTables(db), async () => {
    const [owners, teams, pipelines, stages, products, customers, mrrMovements, spend, quotas, targets, ...columnar] = await Promise.all([
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
      ...COLUMN_TYPES.map((type) => readColumnRecords(db, source, type)),
    ]);
    const big = Object.fromEntries(COLUMN_TYPES.map((type, i) => [RECORD_TABLES[type], columnar[i]]));
    return { owners, teams, pipelines, stages, products, customers, mrrMovements, spend, quotas, targets, ...big } as unknown as KpiData;
  });
}
