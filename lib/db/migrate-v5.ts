/**
 * Schema v5: each deal's latest stage move (`stageMovedAt`, lib/columns/spec.ts) joins the deals' hot
 * chunks, so a query as of an earlier instant reads the stage histories of only the deals that moved
 * since (lib/kpi/engine/place-records.ts). Chunks written from v5 on have it; the upgrade gives it to
 * those written before, from the histories in the extra chunks, a hot chunk at a time, in the
 * upgrade's transaction (whole, or not at all). No row changes: the store's generation, and the
 * orders kept for it, stay.
 */
import type { Transaction } from 'dexie';
import type { ColumnMeta, StoredChunk } from '../columns/chunk';
import { decodeColumn, encodeColumn } from '../columns/codec';
import { CHUNK_BITS, chunkOf, FIELD_SPECS, indexIn } from '../columns/spec';

const MOVED = FIELD_SPECS.deal.find((spec) => spec.name === 'stageMovedAt')!;
const HISTORY = FIELD_SPECS.deal.find((spec) => spec.name === 'stageHistory')!;

export async function addStageMoves(tx: Transaction): Promise<void> {
  const columns = tx.table('columns');
  const metas = ((await tx.table('columnMeta').toArray()) as ColumnMeta[]).filter((meta) => meta.type === 'deal');
  for (const { source } of metas) {
    const hot = (await columns.where(':id').between([source, 'deal', 'hot', -Infinity], [source, 'deal', 'hot', Infinity]).toArray()) as StoredChunk[];
    for (const chunk of hot) {
      if (chunk.cols[MOVED.name]) continue;
      const first = chunk.chunk << CHUNK_BITS.hot;
      const from = chunkOf(first, 'extra');
      const to = chunkOf(first + Math.max(chunk.size, 1) - 1, 'extra');
      const keys = Array.from({ length: to - from + 1 }, (_, i) => [source, 'deal', 'extra', from + i]);
      const histories = new Map<number, unknown[]>();
      for (const extra of (await columns.bulkGet(keys)) as (StoredChunk | undefined)[]) {
        const column = extra?.cols[HISTORY.name];
        if (extra && column) histories.set(extra.chunk, decodeColumn(HISTORY, column, extra.size));
      }
      const moved = Array.from({ length: chunk.size }, (_, k) => {
        // A deleted row keeps no value (its slot may be given to no one).
        if (chunk.alive && !chunk.alive[k]) return undefined;
        const slot = first + k;
        const history = histories.get(chunkOf(slot, 'extra'))?.[indexIn(slot, 'extra')];
        return MOVED.derive!({ stageHistory: history });
      });
      chunk.cols[MOVED.name] = encodeColumn(MOVED, moved);
      await columns.put(chunk);
    }
  }
}
