/**
 * Schema v4: activities, deals and leads leave their record tables for the column store alone. v3
 * kept a slim row per record (its key, its slot, and the fields the columns did not keep: titles of
 * activities other than meetings); a row per record made every sync step cost more than a plain
 * bulkPut of the records, and v4 keeps none. The upgrade gives each built record's id to the slot
 * index, folds any field its row still had into the chunks (the columns keep every field now), and
 * deletes the row, a batch at a time, all in the upgrade's transaction (whole, or not at all).
 * Records not built yet (no slot: a v3 build under way) stay where they are; the builder moves them.
 */
import type { Transaction } from 'dexie';
import type { ColumnMeta } from '../columns/chunk';
import type { ColumnType } from '../columns/spec';
import type { CanonicalRecord } from '../model';
import { RowEdits } from './row-edits';
import { stampWrite, writeIds } from './slot-index';
import { recordsAtSlots } from './slot-records';

type V3Row = CanonicalRecord & { slot?: number };
const BATCH = 4_096;
const KEY_FIELDS = new Set(['source', 'externalId', 'slot']);

export async function moveRecordsIntoColumns(tx: Transaction, tables: readonly (readonly [ColumnType, string])[]): Promise<void> {
  const columns = tx.table('columns');
  const changed = new Set<string>();
  for (const [type, name] of tables) {
    const table = tx.table(name);
    let after: [string, string] | undefined;
    for (;;) {
      const rows = (await (after ? table.where(':id').above(after) : table.toCollection()).limit(BATCH).toArray()) as V3Row[];
      if (rows.length === 0) break;
      const last = rows[rows.length - 1]!;
      after = [last.source, last.externalId];
      for (const [source, group] of slottedBySource(rows)) {
        await writeIds(
          columns,
          source,
          type,
          group.map((row) => [row.slot!, row.externalId] as const),
        );
        await foldFields(columns, source, type, group);
        await table.bulkDelete(group.map((row) => [source, row.externalId]));
        changed.add(JSON.stringify([source, type]));
      }
    }
  }
  for (const key of changed) {
    const meta = (await tx.table('columnMeta').get(JSON.parse(key) as [string, ColumnType])) as ColumnMeta | undefined;
    if (!meta) continue;
    meta.generation += 1;
    stampWrite(columns, meta, undefined);
    await tx.table('columnMeta').put(meta);
  }
}

function slottedBySource(rows: readonly V3Row[]): Map<string, V3Row[]> {
  const groups = new Map<string, V3Row[]>();
  for (const row of rows) {
    if (typeof row.slot !== 'number') continue;
    const list = groups.get(row.source);
    if (list) list.push(row);
    else groups.set(row.source, [row]);
  }
  return groups;
}

/** Rows that kept fields of their own: their records made whole (chunks, then the row) are written into the chunks again. */
async function foldFields(columns: ReturnType<Transaction['table']>, source: string, type: ColumnType, group: readonly V3Row[]): Promise<void> {
  const withFields = group.filter((row) => Object.keys(row).some((name) => !KEY_FIELDS.has(name)));
  if (withFields.length === 0) return;
  const stored = await recordsAtSlots(
    columns,
    source,
    type,
    withFields.map((row) => row.slot!),
  );
  const edits = new RowEdits(type);
  withFields.forEach((row, i) => {
    const { slot, ...own } = row;
    edits.add(slot!, { ...stored[i], ...own });
  });
  await edits.write(columns, source);
}
