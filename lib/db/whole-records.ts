/**
 * Records as the model has them, from what is stored. Activities, deals and leads whose rows are in
 * the column store are stored slim (the record table keeps the key, the slot and only the fields the
 * columns do not keep; lib/columns/spec.ts, leftOf), so a whole record is its chunks' fields plus
 * those. Records without a slot (stored before the column store, not built yet) are whole already.
 */
import type { StoredChunk } from '../columns/chunk';
import { CHUNK_BITS, isColumnType, tiersOf, type ColumnType, type Tier } from '../columns/spec';
import { fieldsAt } from '../columns/table';
import type { CanonicalRecord, RecordByType, RecordType } from '../model';
import { chunkKey, bySource, type StoredRecord } from './columns';
import type { KpiLensDb } from './db';
import { recordTable, withoutSlot } from './records';

/** Whole records for stored rows of one source (undefined stays undefined); call inside a transaction over the record table and `db.columns`. */
export async function wholeRecords(
  db: KpiLensDb,
  source: string,
  type: RecordType,
  rows: readonly (StoredRecord | undefined)[],
): Promise<(CanonicalRecord | undefined)[]> {
  if (!isColumnType(type) || rows.every((row) => row?.slot === undefined)) return rows.map((row) => (row ? withoutSlot(row) : undefined));
  const tiers = tiersOf(type);
  const wanted = new Map<string, [Tier, number]>();
  for (const row of rows) {
    if (row?.slot === undefined) continue;
    for (const tier of tiers) wanted.set(`${tier}:${row.slot >>> CHUNK_BITS[tier]}`, [tier, row.slot >>> CHUNK_BITS[tier]]);
  }
  const places = [...wanted.values()];
  const read = await db.columns.bulkGet(places.map(([tier, chunk]) => chunkKey(source, type, tier, chunk)));
  const chunks = new Map(places.map(([tier, chunk], i) => [`${tier}:${chunk}`, read[i] as StoredChunk | undefined]));
  return rows.map((row) => {
    if (!row) return undefined;
    if (row.slot === undefined) return withoutSlot(row);
    const slot = row.slot;
    const ofSlot = Object.fromEntries(tiers.map((tier) => [tier, chunks.get(`${tier}:${slot >>> CHUNK_BITS[tier]}`)]));
    return { ...fieldsAt(type as ColumnType, ofSlot, slot, row.externalId), ...withoutSlot(row) } as CanonicalRecord;
  });
}

/** Records of one type of a source by id, as the model has them (undefined where none is stored). */
export async function readRecordsById<T extends RecordType>(
  db: KpiLensDb,
  source: string,
  type: T,
  ids: readonly string[],
): Promise<(RecordByType[T] | undefined)[]> {
  const table = recordTable(db, type);
  return db.transaction('r', [table, db.columns], async () => {
    const rows = (await table.bulkGet(ids.map((id) => [source, id] as [string, string]))) as (StoredRecord | undefined)[];
    return (await wholeRecords(db, source, type, rows)) as (RecordByType[T] | undefined)[];
  });
}

/** Every record of one type of a source, whole, in key order; call inside a transaction over the record table and `db.columns`. */
export async function readWholeSource(db: KpiLensDb, source: string, type: RecordType): Promise<CanonicalRecord[]> {
  const rows = (await bySource(recordTable(db, type), source).toArray()) as StoredRecord[];
  return (await wholeRecords(db, source, type, rows)) as CanonicalRecord[];
}

/** Every record of one type, of every source, whole, in key order (exports and checks). */
export async function readWholeTable(db: KpiLensDb, type: RecordType): Promise<CanonicalRecord[]> {
  const table = recordTable(db, type);
  return db.transaction('r', [table, db.columns], async () => {
    const rows = (await table.toArray()) as StoredRecord[];
    const out: CanonicalRecord[] = [];
    for (const source of new Set(rows.map((row) => row.source)))
      out.push(
        ...((await wholeRecords(
          db,
          source,
          type,
          rows.filter((row) => row.source === source),
        )) as CanonicalRecord[]),
      );
    return out;
  });
}
