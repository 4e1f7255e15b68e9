/**
 * Which slot of the column store each record id has, per source and big record type. Activities,
 * deals and leads live in the chunks alone (no row per record in their record tables: IndexedDB's
 * cost is per row written, and a row per record made a sync step cost more than a plain bulkPut of
 * the records), so an upsert by id asks this index instead. It is stored as id rows in `columns`
 * (tier `ids`, 8,192 slots a row, written in the same transaction as the chunks), and held in
 * memory as a map while the column store stays at the write (`stamp`) it was read at.
 */
import type { Table } from 'dexie';
import type { ColumnMeta } from '../columns/chunk';
import type { ColumnType } from '../columns/spec';

export const IDS_BITS = 13;
export const IDS_ROWS = 1 << IDS_BITS;

/** Slots `chunk << IDS_BITS` onwards: the id of each ('' where the slot is unused or its record deleted). */
export type IdsRow = { source: string; type: ColumnType; tier: 'ids'; chunk: number; ids: string[] };
type IdsKey = [string, ColumnType, 'ids', number];
// The `columns` table (its rows are chunks, orders and id rows), from a database or an upgrade's transaction.
type ColumnsTable = Table;

const idsKey = (source: string, type: ColumnType, chunk: number): IdsKey => [source, type, 'ids', chunk];

/** The id rows of a source's type, in slot order. */
export async function readIdRows(columns: ColumnsTable, source: string, type: ColumnType): Promise<IdsRow[]> {
  return (await columns
    .where(':id')
    .between(idsKey(source, type, -Infinity), idsKey(source, type, Infinity))
    .toArray()) as IdsRow[];
}

/** Live records as [slot, id], in slot order. */
export function liveSlots(rows: readonly IdsRow[]): [number, string][] {
  const live: [number, string][] = [];
  for (const row of rows) row.ids.forEach((id, i) => id && live.push([(row.chunk << IDS_BITS) + i, id]));
  return live;
}

type Cached = { stamp: string; map: Map<string, number>; sorted?: string[] };
/** One index per database, source and type; a sync drops them when it ends (a million ids weigh tens of MB). */
const cache = new Map<string, Cached>();
const cacheKey = (columns: ColumnsTable, source: string, type: ColumnType) => `${columns.db.name}\u0000${source}\u0000${type}`;

async function cached(columns: ColumnsTable, source: string, type: ColumnType, meta: ColumnMeta | undefined): Promise<Cached> {
  const key = cacheKey(columns, source, type);
  const hit = cache.get(key);
  if (hit && meta?.stamp !== undefined && hit.stamp === meta.stamp) return hit;
  const map = new Map<string, number>();
  if (meta) for (const [slot, id] of liveSlots(await readIdRows(columns, source, type))) map.set(id, slot);
  const entry: Cached = { stamp: meta?.stamp ?? '', map };
  if (meta?.stamp !== undefined) cache.set(key, entry);
  return entry;
}

/**
 * The slots of a few ids (a drill-down, a deletion): from the kept map when it is current, else by
 * one pass over the id rows that keeps nothing (a reader should not leave a million ids in memory).
 */
export async function slotsOf(
  columns: ColumnsTable,
  source: string,
  type: ColumnType,
  meta: ColumnMeta | undefined,
  ids: readonly string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (!meta || ids.length === 0) return found;
  const hit = cache.get(cacheKey(columns, source, type));
  if (hit && meta.stamp !== undefined && hit.stamp === meta.stamp) {
    for (const id of ids) if (hit.map.has(id)) found.set(id, hit.map.get(id)!);
    return found;
  }
  const wanted = new Set(ids);
  for (const [slot, id] of liveSlots(await readIdRows(columns, source, type))) if (wanted.has(id)) found.set(id, slot);
  return found;
}

/** The id → slot map of a source's type as `meta` (read in the same transaction) has it; not to be changed. */
export async function slotIndex(columns: ColumnsTable, source: string, type: ColumnType, meta: ColumnMeta | undefined): Promise<ReadonlyMap<string, number>> {
  return (await cached(columns, source, type, meta)).map;
}

/**
 * The map for a writer to change: taken out of the cache meanwhile (a reader of an earlier snapshot
 * reads its own), and kept again by `stampWrite`, which the writer calls before its transaction ends.
 */
export async function slotIndexToWrite(columns: ColumnsTable, source: string, type: ColumnType, meta: ColumnMeta | undefined): Promise<Map<string, number>> {
  const { map } = await cached(columns, source, type, meta);
  cache.delete(cacheKey(columns, source, type));
  return map;
}

/** The ids of a source's type in key order (exports page through them). */
export async function sortedIds(columns: ColumnsTable, source: string, type: ColumnType, meta: ColumnMeta | undefined): Promise<readonly string[]> {
  const entry = await cached(columns, source, type, meta);
  return (entry.sorted ??= [...entry.map.keys()].sort());
}

/**
 * Gives `meta` a new stamp for a write whose map changes are in `map`, and keeps the map for it. A
 * transaction that aborts leaves the stored stamp as it was, so the kept map, stamped otherwise, is
 * read again next time: a map can never outlive a write it does not hold.
 */
export function stampWrite(columns: ColumnsTable, meta: ColumnMeta, map: Map<string, number> | undefined): void {
  meta.stamp = newStamp();
  const key = cacheKey(columns, meta.source, meta.type);
  if (map) cache.set(key, { stamp: meta.stamp, map });
  else cache.delete(key);
}

function newStamp(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Drops every kept map (the worker holds what the views need, not every id, once a sync is over). */
export function forgetSlotIndexes(): void {
  cache.clear();
}

/** Writes ids into their slots ('' clears one); call inside the write's transaction. */
export async function writeIds(columns: ColumnsTable, source: string, type: ColumnType, edits: readonly (readonly [number, string])[]): Promise<void> {
  if (edits.length === 0) return;
  const byChunk = new Map<number, (readonly [number, string])[]>();
  for (const edit of edits) {
    const chunk = edit[0] >>> IDS_BITS;
    const list = byChunk.get(chunk);
    if (list) list.push(edit);
    else byChunk.set(chunk, [edit]);
  }
  const chunks = [...byChunk.keys()];
  const current = (await columns.bulkGet(chunks.map((chunk) => idsKey(source, type, chunk)))) as (IdsRow | undefined)[];
  const rows = chunks.map((chunk, i): IdsRow => {
    const ids = current[i]?.ids.slice() ?? [];
    for (const [slot, id] of byChunk.get(chunk)!) {
      const index = slot & (IDS_ROWS - 1);
      while (ids.length < index) ids.push('');
      ids[index] = id;
    }
    return { source, type, tier: 'ids', chunk, ids };
  });
  await columns.bulkPut(rows);
}
