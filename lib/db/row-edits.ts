/** Edits of column-store rows, by chunk (lib/db/columns.ts writes them; so does the schema v4 upgrade). */
import type { Table } from 'dexie';
import { editChunk, type RowEdit, type StoredChunk } from '../columns/chunk';
import { chunkOf, indexIn, tiersOf, type ColumnType, type Tier } from '../columns/spec';

export type ColumnKey = [string, ColumnType, Tier | 'order' | 'ids', number];
export const chunkKey = (source: string, type: ColumnType, tier: Tier, chunk: number): ColumnKey => [source, type, tier, chunk];

/** Chunks a write changed, so a reader holding them in memory reads those again. */
export type TouchedChunks = { type: ColumnType; tier: Tier; chunks: number[] }[];

/** Row edits of one write, grouped by the chunk of each tier they fall in. */
export class RowEdits {
  private readonly groups = new Map<string, { tier: Tier; chunk: number; rows: RowEdit[] }>();
  constructor(private readonly type: ColumnType) {}

  add(slot: number, record: Record<string, unknown> | null): void {
    for (const tier of tiersOf(this.type)) {
      const chunk = chunkOf(slot, tier);
      const key = `${tier}:${chunk}`;
      let entry = this.groups.get(key);
      if (!entry) this.groups.set(key, (entry = { tier, chunk, rows: [] }));
      entry.rows.push({ index: indexIn(slot, tier), record });
    }
  }

  /** Reads the chunks the edits fall in and writes them edited (in `columns`: a database's, or an upgrade's); returns the chunks changed, per tier. */
  async write(columns: Table, source: string): Promise<TouchedChunks> {
    const groups = [...this.groups.values()];
    if (groups.length === 0) return [];
    const type = this.type;
    const current = await columns.bulkGet(groups.map((group) => chunkKey(source, type, group.tier, group.chunk)));
    await columns.bulkPut(groups.map((group, i) => editChunk(source, type, group.tier, group.chunk, current[i] as StoredChunk | undefined, group.rows)));
    const touched: TouchedChunks = [];
    for (const tier of tiersOf(type)) {
      const chunks = groups.filter((group) => group.tier === tier).map((group) => group.chunk);
      if (chunks.length) touched.push({ type, tier, chunks });
    }
    return touched;
  }
}
