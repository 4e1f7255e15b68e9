/**
 * The column store of records held in memory: the chunks a source's activities, deals or leads would
 * have in IndexedDB after being written in this order (slots 0, 1, 2...). For the benchmark and the
 * CLI-side tests, which measure the engine over the persisted form without a database.
 */
import { editChunk, type RowEdit, type StoredChunk } from './chunk';
import { chunkOf, indexIn, tiersOf, type ColumnRecord, type ColumnType } from './spec';
import { ColumnTable } from './table';

export function chunksOf<T extends ColumnType>(source: string, type: T, records: readonly ColumnRecord[T][]): StoredChunk[] {
  const groups = new Map<string, { tier: ReturnType<typeof tiersOf>[number]; chunk: number; rows: RowEdit[] }>();
  records.forEach((record, slot) => {
    for (const tier of tiersOf(type)) {
      const key = `${tier}:${chunkOf(slot, tier)}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { tier, chunk: chunkOf(slot, tier), rows: [] }));
      group.rows.push({ index: indexIn(slot, tier), record: record as unknown as Record<string, unknown> });
    }
  });
  return [...groups.values()].map((group) => editChunk(source, type, group.tier, group.chunk, undefined, group.rows));
}

/** A fresh table over stored chunks (as a cold worker has it: nothing of the lazy tiers read yet). */
export function tableOver<T extends ColumnType>(source: string, type: T, chunks: readonly StoredChunk[]): ColumnTable<T> {
  return new ColumnTable(
    source,
    type,
    chunks.filter((chunk) => chunk.tier === 'hot'),
    async (tier, wanted) => chunks.filter((chunk) => chunk.tier === tier && (wanted === 'all' || wanted.includes(chunk.chunk))),
  );
}
