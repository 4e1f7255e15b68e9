/** Records made from the column store's chunks, by slot (whole records: every field of these types is a column). */
import type { Table } from 'dexie';
import type { StoredChunk } from '../columns/chunk';
import { CHUNK_BITS, tiersOf, type ColumnType, type Tier } from '../columns/spec';
import { fieldsAt } from '../columns/table';
import type { CanonicalRecord } from '../model';
import { chunkKey } from './row-edits';
import { IDS_BITS, IDS_ROWS, type IdsRow } from './slot-index';

/** The records in the given slots of a source's type, from the chunks in `columns` (a database's, or an upgrade's); inside a transaction over it. */
export async function recordsAtSlots(columns: Table, source: string, type: ColumnType, slots: readonly number[]): Promise<CanonicalRecord[]> {
  if (slots.length === 0) return [];
  const tiers = tiersOf(type);
  const wanted = new Map<string, [Tier | 'ids', number]>();
  for (const slot of slots) {
    for (const tier of tiers) wanted.set(`${tier}:${slot >>> CHUNK_BITS[tier]}`, [tier, slot >>> CHUNK_BITS[tier]]);
    wanted.set(`ids:${slot >>> IDS_BITS}`, ['ids', slot >>> IDS_BITS]);
  }
  const places = [...wanted.values()];
  const read = await columns.bulkGet(places.map(([tier, chunk]) => chunkKey(source, type, tier as Tier, chunk)));
  const chunks = new Map(places.map(([tier, chunk], i) => [`${tier}:${chunk}`, read[i]]));
  return slots.map((slot) => {
    const ofSlot = Object.fromEntries(tiers.map((tier) => [tier, chunks.get(`${tier}:${slot >>> CHUNK_BITS[tier]}`) as StoredChunk | undefined]));
    const ids = chunks.get(`ids:${slot >>> IDS_BITS}`) as IdsRow | undefined;
    const externalId = ids?.ids[slot & (IDS_ROWS - 1)] ?? '';
    return { ...fieldsAt(type, ofSlot, slot, externalId), source, externalId } as CanonicalRecord;
  });
}
