import type { Table } from 'dexie';
import type { RecordBatch } from '../adapters/types';
import { RECORD_TYPES, type CanonicalRecord, type RecordType } from '../model';
import type { KpiLensDb } from './db';
import { RECORD_TABLES } from './schema';

export function recordTable(db: KpiLensDb, type: RecordType): Table<CanonicalRecord, [string, string]> {
  return db.table(RECORD_TABLES[type]);
}

/** The tables a batch writes to, for declaring a transaction's scope. */
export function tablesOf(db: KpiLensDb, types: Iterable<RecordType>): Table[] {
  return [...new Set(types)].map((type) => recordTable(db, type));
}

export function batchTypes(batch: RecordBatch): RecordType[] {
  return RECORD_TYPES.filter((type) => (batch[type]?.length ?? 0) > 0);
}

/** Upserts a batch; call inside a transaction that includes the batch's tables. */
export async function putBatch(db: KpiLensDb, batch: RecordBatch): Promise<number> {
  let written = 0;
  for (const type of batchTypes(batch)) {
    const records = batch[type] as CanonicalRecord[];
    await recordTable(db, type).bulkPut(records);
    written += records.length;
  }
  return written;
}

/** Upserts a batch in its own transaction (imports, demo data). */
export async function upsertRecords(db: KpiLensDb, batch: RecordBatch): Promise<number> {
  const types = batchTypes(batch);
  if (types.length === 0) return 0;
  return db.transaction('rw', tablesOf(db, types), () => putBatch(db, batch));
}

/** The sources that have records, with counts per type. */
export async function sourceSummary(db: KpiLensDb): Promise<Record<string, Partial<Record<RecordType, number>>>> {
  const summary: Record<string, Partial<Record<RecordType, number>>> = {};
  for (const type of RECORD_TYPES) {
    const sources = (await recordTable(db, type).orderBy('source').uniqueKeys()) as string[];
    for (const source of sources) {
      const count = await recordTable(db, type).where('source').equals(source).count();
      (summary[source] ??= {})[type] = count;
    }
  }
  return summary;
}

/** Removes every record, quarantine entry and sync state of one source. */
export async function deleteSource(db: KpiLensDb, source: string): Promise<void> {
  await db.transaction('rw', [...tablesOf(db, RECORD_TYPES), db.quarantine, db.syncState], async () => {
    for (const type of RECORD_TYPES) await recordTable(db, type).where('source').equals(source).delete();
    await db.quarantine.where('source').equals(source).delete();
    await db.syncState.where('source').equals(source).delete();
  });
}
