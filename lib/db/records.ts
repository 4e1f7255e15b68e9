import type { Table } from 'dexie';
import type { RecordBatch } from '../adapters/types';
import { isColumnType } from '../columns/spec';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '../model';
import { bySource, deleteSourceColumns, readMeta, writeColumnRows } from './columns';
import type { KpiLensDb } from './db';
import { RECORD_TABLES, sourcesIn } from './schema';
import { slotsOf } from './slot-index';

export function recordTable(db: KpiLensDb, type: RecordType): Table<CanonicalRecord, [string, string]> {
  return db.table(RECORD_TABLES[type]);
}

/**
 * The tables a write of these types needs in its transaction: their record tables and, when one of
 * them is kept in columns (activities, deals, leads), the column store, so both commit together.
 */
export function tablesOf(db: KpiLensDb, types: Iterable<RecordType>): Table[] {
  const list = [...new Set(types)];
  const tables: Table[] = list.map((type) => recordTable(db, type));
  if (list.some(isColumnType)) tables.push(db.columns, db.columnMeta);
  return tables;
}

export function batchTypes(batch: RecordBatch): RecordType[] {
  return RECORD_TYPES.filter((type) => (batch[type]?.length ?? 0) > 0);
}

function bySourceOf<T extends CanonicalRecord>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const list = groups.get(record.source);
    if (list) list.push(record);
    else groups.set(record.source, [record]);
  }
  return groups;
}

/**
 * Upserts a batch, the column store included; call inside a transaction over `tablesOf` the batch's
 * types. Every write of records goes through here or `deleteRecords`: the columns never disagree.
 */
export async function putBatch(db: KpiLensDb, batch: RecordBatch): Promise<number> {
  let written = 0;
  for (const type of batchTypes(batch)) {
    const records = batch[type] as CanonicalRecord[];
    if (isColumnType(type)) {
      for (const [source, group] of bySourceOf(records)) {
        // The column store holds them; the record table only what a migration has not built yet.
        const left = await writeColumnRows(db, source, type, group);
        if (left.records.length) await recordTable(db, type).bulkPut(left.records);
      }
    } else await recordTable(db, type).bulkPut(records);
    written += records.length;
  }
  return written;
}

/** Deletes records of one source by id, their column rows included; inside a transaction over `tablesOf` the type. */
export async function deleteRecords(db: KpiLensDb, source: string, type: RecordType, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if (isColumnType(type)) await writeColumnRows(db, source, type, [], ids);
  await recordTable(db, type).bulkDelete(ids.map((id) => [source, id] as [string, string]));
}

/** Upserts a batch in its own transaction (imports, demo data). */
export async function upsertRecords(db: KpiLensDb, batch: RecordBatch): Promise<number> {
  const types = batchTypes(batch);
  if (types.length === 0) return 0;
  return db.transaction('rw', tablesOf(db, types), async () => putBatch(db, batch));
}

/** Deletes one record in its own transaction; whether it existed. */
export async function deleteRecord(db: KpiLensDb, source: string, type: RecordType, id: string): Promise<boolean> {
  return db.transaction('rw', tablesOf(db, [type]), async () => {
    const inColumns = isColumnType(type) && (await slotsOf(db.columns, source, type, await readMeta(db, source, type), [id])).has(id);
    const existed = inColumns || (await recordTable(db, type).get([source, id])) !== undefined;
    if (existed) await deleteRecords(db, source, type, [id]);
    return existed;
  });
}

/** The rows of one source in a record table, in key order. */
export function readSource<T extends CanonicalRecord>(table: Table<T, [string, string]>, source: string): Promise<T[]> {
  return bySource(table, source).toArray();
}

/** The sources with records of a type, sorted: the column store's and the record table's. */
export async function storedSources(db: KpiLensDb, type: RecordType): Promise<string[]> {
  const sources = new Set(await sourcesIn(recordTable(db, type)));
  if (isColumnType(type)) for (const meta of await db.columnMeta.toArray()) if (meta.type === type && meta.alive > 0) sources.add(meta.source);
  return [...sources].sort();
}

/** Records of one type of a source: the column store's live count and the rows of the record table (records not built into columns yet). */
export async function countRecords(db: KpiLensDb, source: string, type: RecordType): Promise<number> {
  const [meta, rows] = await Promise.all([isColumnType(type) ? readMeta(db, source, type) : undefined, bySource(recordTable(db, type), source).count()]);
  return (meta?.alive ?? 0) + rows;
}

/** Records of one type over every source. */
export async function countAll(db: KpiLensDb, type: RecordType): Promise<number> {
  let total = 0;
  for (const source of await storedSources(db, type)) total += await countRecords(db, source, type);
  return total;
}

/** The sources that have records, with counts per type. */
export async function sourceSummary(db: KpiLensDb): Promise<Record<string, Partial<Record<RecordType, number>>>> {
  const summary: Record<string, Partial<Record<RecordType, number>>> = {};
  for (const type of RECORD_TYPES) {
    for (const source of await storedSources(db, type)) (summary[source] ??= {})[type] = await countRecords(db, source, type);
  }
  return summary;
}

/** Removes every record, column, quarantine entry and sync state of one source. */
export async function deleteSource(db: KpiLensDb, source: string): Promise<void> {
  await db.transaction('rw', [...tablesOf(db, RECORD_TYPES), db.quarantine, db.syncState], async () => {
    for (const type of RECORD_TYPES) await bySource(recordTable(db, type), source).delete();
    await deleteSourceColumns(db, source);
    await db.quarantine.where('source').equals(source).delete();
    await db.syncState.where('source').equals(source).delete();
  });
}
