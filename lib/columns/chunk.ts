/**
 * A chunk: the columns of one tier for a run of slots of one source's record type, as stored. A
 * record keeps its slot for life (its position in the chunks), so an update rewrites its row in
 * place and a deletion clears it and marks it dead; the KPI engine reads the live rows in slot order.
 */
import { decodeColumn, encodeColumn, type EncodedColumn } from './codec';
import { editColumn, type CellEdit } from './edit-column';
import { chunkRows, FIELD_SPECS, type ColumnType, type FieldSpec, type Tier } from './spec';

export type StoredChunk = {
  source: string;
  type: ColumnType;
  tier: Tier;
  chunk: number;
  /** Rows written so far (the last chunk grows as records arrive). */
  size: number;
  /** Hot chunks only: 1 for a live record, 0 for a deleted one. */
  alive?: Uint8Array;
  cols: Record<string, EncodedColumn>;
};

/**
 * Where a source's record type stands in the column store. `building`: the columns are being made
 * from records stored before the store existed (a migration, resumable: `cursor` is the last record
 * id done, in key order); until then the records are read as they are. `generation` counts the writes.
 */
export type ColumnMeta = {
  source: string;
  type: ColumnType;
  state: 'ready' | 'building';
  /** The next slot to give a new record. */
  slots: number;
  /** Live records (slots minus deletions). */
  alive: number;
  generation: number;
  /** Changes with every write, at random: what an id → slot map held in memory was read at (lib/db/slot-index.ts). */
  stamp?: string;
  cursor?: string | null;
  /** Migration progress: records done, and how many there were when it started. */
  built?: number;
  total?: number;
};

/** A row to write: the record, or null to clear the row and mark it dead. */
export type RowEdit = { index: number; record: Record<string, unknown> | null };

export function specsOf(type: ColumnType, tier: Tier) {
  return FIELD_SPECS[type].filter((spec) => spec.tier === tier);
}

/** The chunk with `edits` applied (a new object; the given one is not changed). */
export function editChunk(
  source: string,
  type: ColumnType,
  tier: Tier,
  chunk: number,
  current: StoredChunk | undefined,
  edits: readonly RowEdit[],
): StoredChunk {
  let size = current?.size ?? 0;
  for (const edit of edits) if (edit.index >= size) size = edit.index + 1;
  if (size > chunkRows(tier)) throw new Error(`column chunk overflow: row ${size - 1} in a chunk of ${chunkRows(tier)}`);
  const specs = specsOf(type, tier);
  const alive = tier === 'hot' ? new Uint8Array(size) : undefined;
  if (alive && current?.alive) alive.set(current.alive.subarray(0, Math.min(size, current.alive.length)));
  if (alive) for (const { index, record } of edits) alive[index] = record === null ? 0 : 1;
  const cols = current ? editedInPlace(specs, current, size, edits) : undefined;
  if (cols) return { source, type, tier, chunk, size, ...(alive ? { alive } : {}), cols };
  // Ids first: links are stored as templates of the row's id.
  const idAt = specs.findIndex((spec) => spec.name === 'externalId');
  const values: unknown[][] = [];
  const decode = (f: number) => {
    const spec = specs[f]!;
    const column = current?.cols[spec.name];
    values[f] = column ? decodeColumn(spec, column, size, idAt >= 0 ? values[idAt] : []) : new Array<unknown>(size).fill(undefined);
  };
  if (idAt >= 0) decode(idAt);
  specs.forEach((_, f) => f !== idAt && decode(f));
  for (const { index, record } of edits) specs.forEach((spec, f) => ((values[f] as unknown[])[index] = cellOf(spec, record)));
  const whole: Record<string, EncodedColumn> = {};
  specs.forEach((spec, f) => (whole[spec.name] = encodeColumn(spec, values[f] as unknown[], idAt >= 0 ? values[idAt] : [])));
  return { source, type, tier, chunk, size, ...(alive ? { alive } : {}), cols: whole };
}

/** What a row keeps of one field of a record (undefined: absent). */
function cellOf(spec: FieldSpec, record: Record<string, unknown> | null): unknown {
  return record === null ? undefined : spec.derive ? spec.derive(record) : record[spec.name];
}

/**
 * The chunk's columns with the edits made on their encoded form (a sync step appending a page to a
 * chunk of thousands of rows touches only that page); undefined when a column needs encoding whole.
 */
function editedInPlace(specs: readonly FieldSpec[], current: StoredChunk, size: number, edits: readonly RowEdit[]): Record<string, EncodedColumn> | undefined {
  const cols: Record<string, EncodedColumn> = {};
  for (const spec of specs) {
    const column = current.cols[spec.name];
    if (!column) return undefined;
    const cells: CellEdit[] = edits.map(({ index, record }) => ({
      index,
      value: cellOf(spec, record),
      id: record === null ? '' : String(record.externalId ?? ''),
    }));
    const edited = editColumn(spec, column, current.size, size, cells);
    if (!edited) return undefined;
    cols[spec.name] = edited;
  }
  return cols;
}
