/**
 * The column store in IndexedDB (table `columns`): per source and big record type (activities, deals,
 * leads), chunks of typed arrays (lib/columns) that the KPI engine indexes a source by without reading
 * a record object, and where those records live (with the slot index of their ids, ./slot-index.ts).
 * Every write of them goes through `writeColumnRows` INSIDE the transaction of the write (sync steps,
 * imports, demo data, the rep's own entries, deletions), with the records a migration has not built
 * into columns yet: both are committed, or neither.
 */
import type { Table } from 'dexie';
import type { ColumnMeta, StoredChunk } from '../columns/chunk';
import type { StoredOrder } from '../columns/table';
import { isColumnType, type ColumnType, type Tier } from '../columns/spec';
import type { CanonicalRecord, RecordType } from '../model';
import type { KpiLensDb } from './db';
import { RECORD_TABLES } from './schema';
import { slotIndexToWrite, stampWrite, writeIds } from './slot-index';
import { chunkKey, RowEdits, type TouchedChunks } from './row-edits';

export { chunkKey, type ColumnKey, type TouchedChunks } from './row-edits';

/** All keys of one source in a table keyed by `[source+…]`: [source] sorts before them, [source, [[]]] after. */
export const sourceRange = (source: string): [unknown[], unknown[]] => [[source], [source, [[]]]];

function recordTableOf(db: KpiLensDb, type: RecordType): Table<CanonicalRecord, [string, string]> {
  return db.table(RECORD_TABLES[type]);
}

/** The records of one source in a record table (its primary key range: no `source` index needed). */
export function bySource<T>(table: Table<T, [string, string]>, source: string) {
  const [lower, upper] = sourceRange(source);
  return table.where(':id').between(lower, upper);
}

export function readMeta(db: KpiLensDb, source: string, type: ColumnType): Promise<ColumnMeta | undefined> {
  return db.columnMeta.get([source, type]);
}

/** The chunks of one tier of a source's record type, in slot order: one read. */
export async function readChunks(db: KpiLensDb, source: string, type: ColumnType, tier: Tier, chunks?: readonly number[]): Promise<StoredChunk[]> {
  if (chunks)
    return (await db.columns.bulkGet(chunks.map((chunk) => chunkKey(source, type, tier, chunk)))).filter((row): row is StoredChunk => row !== undefined);
  return (await db.columns.where(':id').between([source, type, tier, -Infinity], [source, type, tier, Infinity]).toArray()) as StoredChunk[];
}

/** The instants a type's rows are kept sorted by (a stored order's number in the `order` tier). */
const ORDER_NAMES = ['occurredAt', 'booked', 'createdAt', 'closedAt', 'convertedAt', 'mqlAt', 'sqlAt'];

/** The stored sorted orders of a source's type (see ColumnTable.sorted). */
export async function readOrders(db: KpiLensDb, source: string, type: ColumnType): Promise<StoredOrder[]> {
  return (await db.columns.where(':id').between([source, type, 'order', -Infinity], [source, type, 'order', Infinity]).toArray()) as unknown as StoredOrder[];
}

/**
 * Keeps the orders a worker sorted, for the next cold start: only while the column store is still at
 * the generation they were made from (a write since makes them stale, and they are not stored).
 */
export async function saveOrders(
  db: KpiLensDb,
  source: string,
  type: ColumnType,
  generation: number,
  orders: ReadonlyMap<string, Uint32Array>,
): Promise<boolean> {
  return db.transaction('rw', [db.columns, db.columnMeta], async () => {
    const meta = await readMeta(db, source, type);
    if (meta?.generation !== generation) return false;
    const rows: StoredOrder[] = [...orders].map(([name, order]) => ({
      source,
      type,
      tier: 'order',
      chunk: ORDER_NAMES.indexOf(name),
      name,
      generation,
      order,
    }));
    await db.columns.bulkPut(rows as unknown as StoredChunk[]);
    return true;
  });
}

function freshMeta(source: string, type: ColumnType, state: ColumnMeta['state']): ColumnMeta {
  return { source, type, state, slots: 0, alive: 0, generation: 0, ...(state === 'building' ? { cursor: null, built: 0 } : {}) };
}

/**
 * Gives `records` of one type their slots and writes their rows (and clears the rows of `deletedIds`)
 * in the column store, with their ids in the slot index; returns the records the record table must
 * still hold: none of those the column store covers (they live in the chunks alone), only those a
 * migration has not built yet. Call inside a transaction over the record table, `db.columns` and
 * `db.columnMeta`, then write what it returns.
 */
export async function writeColumnRows(
  db: KpiLensDb,
  source: string,
  type: RecordType,
  records: readonly CanonicalRecord[],
  deletedIds: readonly string[] = [],
): Promise<{ records: CanonicalRecord[]; touched: TouchedChunks }> {
  if (!isColumnType(type) || (records.length === 0 && deletedIds.length === 0)) return { records: [...records], touched: [] };
  const table = recordTableOf(db, type);
  let meta = await readMeta(db, source, type);
  if (!meta) {
    // First write of this type for the source: columns from the start, unless records are already
    // stored without them (then the migration's builder makes them; see buildColumnsStep).
    const stored = await bySource(table, source).limit(1).primaryKeys();
    meta = freshMeta(source, type, stored.length ? 'building' : 'ready');
    if (meta.state === 'building') {
      await db.columnMeta.put(meta);
      return { records: [...records], touched: [] };
    }
  }
  // While building, the builder owns the records it has not reached yet (ids after the cursor).
  const state = meta;
  const cursor = state.state === 'building' ? state.cursor : undefined;
  const covered = (id: string) => state.state === 'ready' || (cursor !== null && cursor !== undefined && id <= cursor);
  const uncovered = records.filter((record) => !covered(record.externalId));
  if (uncovered.length === records.length && !deletedIds.some(covered)) return { records: uncovered, touched: [] };

  const slotOf = await slotIndexToWrite(db.columns, source, type, meta);
  const rows = new RowEdits(type);
  const ids: [number, string][] = [];
  for (const record of records) {
    if (!covered(record.externalId)) continue;
    let slot = slotOf.get(record.externalId);
    if (slot === undefined) {
      slot = meta.slots;
      meta.slots += 1;
      meta.alive += 1;
      slotOf.set(record.externalId, slot);
      ids.push([slot, record.externalId]);
    }
    rows.add(slot, record as unknown as Record<string, unknown>);
  }
  for (const id of deletedIds) {
    const slot = covered(id) ? slotOf.get(id) : undefined;
    if (slot === undefined) continue;
    slotOf.delete(id);
    meta.alive -= 1;
    ids.push([slot, '']);
    rows.add(slot, null);
  }
  const touched = await rows.write(db.columns, source);
  await writeIds(db.columns, source, type, ids);
  meta.generation += 1;
  stampWrite(db.columns, meta, slotOf);
  await db.columnMeta.put(meta);
  return { records: uncovered, touched };
}

/** Removes a source's whole column store (with its records: call in the same transaction). */
export async function deleteSourceColumns(db: KpiLensDb, source: string): Promise<void> {
  const [lower, upper] = sourceRange(source);
  await db.columns.where(':id').between(lower, upper).delete();
  await db.columnMeta.where(':id').between(lower, upper).delete();
}

/** Records the builder turns into columns per step (one transaction each: a killed worker resumes at the cursor). */
export const BUILD_STEP = 2_000;

/**
 * One step of the migration that makes the columns of records stored before the column store
 * existed: the next records after the cursor, in key order, get their slots and rows (and leave the
 * record table: the chunks hold them now), the cursor moves on, all in one transaction. Returns the
 * progress; `done` once the type is ready.
 */
export async function buildColumnsStep(
  db: KpiLensDb,
  source: string,
  type: ColumnType,
  limit = BUILD_STEP,
): Promise<{ done: boolean; built: number; total: number; touched: TouchedChunks }> {
  const table = recordTableOf(db, type);
  return db.transaction('rw', [table, db.columns, db.columnMeta], async () => {
    const meta = (await readMeta(db, source, type)) ?? freshMeta(source, type, 'building');
    if (meta.state === 'ready') return { done: true, built: meta.alive, total: meta.alive, touched: [] };
    if (meta.total === undefined) meta.total = await bySource(table, source).count();
    const [, upper] = sourceRange(source);
    const range =
      meta.cursor === null || meta.cursor === undefined ? bySource(table, source) : table.where(':id').between([source, meta.cursor], upper, false, false);
    const records = await range.limit(limit).toArray();
    const slotOf = await slotIndexToWrite(db.columns, source, type, meta);
    const rows = new RowEdits(type);
    const ids: [number, string][] = [];
    for (const record of records) {
      const slot = meta.slots;
      meta.slots += 1;
      meta.alive += 1;
      slotOf.set(record.externalId, slot);
      ids.push([slot, record.externalId]);
      rows.add(slot, record as unknown as Record<string, unknown>);
    }
    const touched = await rows.write(db.columns, source);
    await writeIds(db.columns, source, type, ids);
    await table.bulkDelete(records.map((record) => [source, record.externalId] as [string, string]));
    meta.built = (meta.built ?? 0) + records.length;
    if (records.length < limit) {
      meta.state = 'ready';
      delete meta.cursor;
    } else meta.cursor = records[records.length - 1]!.externalId;
    meta.generation += 1;
    stampWrite(db.columns, meta, slotOf);
    await db.columnMeta.put(meta);
    return { done: meta.state === 'ready', built: meta.built, total: Math.max(meta.total, meta.built), touched };
  });
}

/**
 * How far the migration's build of one source is, over every type it had to build (those done count
 * whole, so the bar only grows); undefined when nothing of the source is left to build.
 */
export async function buildProgress(db: KpiLensDb, source: string): Promise<{ records: number; total: number } | undefined> {
  const [lower, upper] = sourceRange(source);
  const metas = await db.columnMeta.where(':id').between(lower, upper).toArray();
  if (!metas.some((meta) => meta.state === 'building')) return undefined;
  let records = 0;
  let total = 0;
  for (const meta of metas) {
    if (meta.total === undefined && meta.state === 'ready') continue; // written by syncs, never migrated
    const built = meta.built ?? 0;
    records += built;
    total += Math.max(meta.total ?? 0, built);
  }
  return { records, total };
}

/** Sources and types whose columns are still being built from stored records (of one source, or all). */
export async function pendingBuilds(db: KpiLensDb, source?: string): Promise<{ source: string; type: ColumnType; built: number; total: number }[]> {
  const [lower, upper] = source === undefined ? [undefined, undefined] : sourceRange(source);
  const rows = lower ? db.columnMeta.where(':id').between(lower, upper) : db.columnMeta.toCollection();
  const metas = await rows.filter((meta) => meta.state === 'building').toArray();
  return metas.map((meta) => ({ source: meta.source, type: meta.type, built: meta.built ?? 0, total: meta.total ?? 0 }));
}
