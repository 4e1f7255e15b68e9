/**
 * Records as the model has them, from what is stored. Activities, deals and leads live in the column
 * store alone (their record tables hold only records a migration has not built into columns yet), so
 * a record of theirs is made from its slot's fields in the chunks (lib/columns/table.ts, fieldsAt),
 * found by id through the slot index (./slot-index.ts). Other types are their record tables' rows.
 */
import { isColumnType } from '../columns/spec';
import type { CanonicalRecord, RecordByType, RecordType } from '../model';
import { bySource, readMeta } from './columns';
import type { KpiLensDb } from './db';
import { readSource, recordTable, storedSources } from './records';
import { liveSlots, readIdRows, slotIndex, slotsOf, sortedIds } from './slot-index';
import { recordsAtSlots } from './slot-records';

export { recordsAtSlots };

/** Records of one type of a source by id, as the model has them (undefined where none is stored). */
export async function readRecordsById<T extends RecordType>(
  db: KpiLensDb,
  source: string,
  type: T,
  ids: readonly string[],
): Promise<(RecordByType[T] | undefined)[]> {
  const table = recordTable(db, type);
  return db.transaction('r', [table, db.columns, db.columnMeta], async () => {
    const found = new Map<string, CanonicalRecord>();
    let rest = ids;
    if (isColumnType(type)) {
      const slots = await slotsOf(db.columns, source, type, await readMeta(db, source, type), ids);
      const made = await recordsAtSlots(db.columns, source, type, [...slots.values()]);
      for (const record of made) found.set(record.externalId, record);
      rest = ids.filter((id) => !slots.has(id));
    }
    const rows = await table.bulkGet(rest.map((id) => [source, id] as [string, string]));
    for (const row of rows) if (row) found.set(row.externalId, row);
    return ids.map((id) => found.get(id) as RecordByType[T] | undefined);
  });
}

/** Every record of one type of a source, whole, in key order; call inside a transaction over the record table, `columns` and `columnMeta`. */
export async function readWholeSource(db: KpiLensDb, source: string, type: RecordType): Promise<CanonicalRecord[]> {
  const rows = await readSource(recordTable(db, type), source);
  if (!isColumnType(type)) return rows;
  const live = liveSlots(await readIdRows(db.columns, source, type));
  if (live.length === 0) return rows;
  const made = await recordsAtSlots(
    db.columns,
    source,
    type,
    live.map(([slot]) => slot),
  );
  return [...made, ...rows].sort(byKey);
}

const byKey = (a: CanonicalRecord, b: CanonicalRecord) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0);

/** Every record of one type, of every source, whole, in key order (exports and checks). */
export async function readWholeTable(db: KpiLensDb, type: RecordType): Promise<CanonicalRecord[]> {
  const table = recordTable(db, type);
  return db.transaction('r', [table, db.columns, db.columnMeta], async () => {
    const out: CanonicalRecord[] = [];
    for (const source of await storedSources(db, type)) out.push(...(await readWholeSource(db, source, type)));
    return out;
  });
}

export type PrimaryKey = [string, string];

/**
 * Up to `limit` records of one type after the key `after` (exclusive), whole, in key order (source,
 * then id), across sources: the export's pages. Column-store records come in the order of their ids.
 */
export async function readWholePage(db: KpiLensDb, type: RecordType, after: PrimaryKey | undefined, limit: number): Promise<CanonicalRecord[]> {
  const table = recordTable(db, type);
  return db.transaction('r', [table, db.columns, db.columnMeta], async () => {
    const out: CanonicalRecord[] = [];
    for (const source of await storedSources(db, type)) {
      if (out.length >= limit) break;
      if (after && source < after[0]) continue;
      const from = after && source === after[0] ? after[1] : undefined;
      const need = limit - out.length;
      const range = from === undefined ? bySource(table, source) : table.where(':id').between([source, from], [source, [[]]], false, false);
      const rows = await range.limit(need).toArray();
      if (!isColumnType(type)) {
        out.push(...rows);
        continue;
      }
      const meta = await readMeta(db, source, type);
      const ids = meta ? await sortedIds(db.columns, source, type, meta) : [];
      const start = from === undefined ? 0 : firstAfter(ids, from);
      const page = ids.slice(start, start + need);
      const index = await slotIndex(db.columns, source, type, meta);
      const made = await recordsAtSlots(
        db.columns,
        source,
        type,
        page.map((id) => index.get(id)!),
      );
      out.push(...[...made, ...rows].sort(byKey).slice(0, need));
    }
    return out;
  });
}

/** The position of the first id greater than `id` in a sorted list. */
function firstAfter(ids: readonly string[], id: string): number {
  let [low, high] = [0, ids.length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! <= id) low = mid + 1;
    else high = mid;
  }
  return low;
}
