import { hashText } from '../import/ids';
import { dataRows, headerRow, MAX_COLUMNS, placeCells, rowKey } from './structure';
import { cellText } from './text';

export type ReaderLimits = {
  /** Longest cell kept, in characters; longer ones are cut and counted. */
  maxCellChars: number;
  /** Rows looked at in one pass over the table (one page of a list); more are left and counted. */
  maxRowsPerPass: number;
  /** Rows read over the whole session (every page the rep goes through). */
  maxRowsTotal: number;
};

export const DEFAULT_LIMITS: ReaderLimits = { maxCellChars: 10_000, maxRowsPerPass: 5_000, maxRowsTotal: 100_000 };

/** A row read from the table: its text cells, its place in the table (1-based) and the key it is told apart by. */
export type ReadRow = { position: number; key: string; cells: string[]; rowKey?: string };

export type PassReport = { rows: ReadRow[]; done: boolean };

/** `overPass`: the table held more rows than one pass reads. */
export type ReaderStats = { read: number; unchanged: number; cut: number; overPass: boolean; overTotal: number };

/**
 * Reads a table's rows as text, a few at a time, and tells new and changed rows
 * from the ones it already read. A pass walks the rows the table holds now
 * (at most `maxRowsPerPass`); `readSome` goes on until the caller says stop,
 * so the caller bounds the work per frame. Rows are told apart by the id
 * column once the rep picked one, else by the id in the row's attributes, else
 * by their whole text; a row already read with the same text is skipped.
 * Keys live in a Map, so `__proto__` or `constructor` in a cell is just text.
 */
export function createTableReader(initialTable: Element, limits: ReaderLimits = DEFAULT_LIMITS) {
  let table = initialTable;
  const header = headerRow(table);
  const headers = header ? placeCells(header, (cell) => cellText(cell, 200).text, '') : [];
  const seen = new Map<string, string>();
  let done = new WeakSet<Element>();
  const stats: ReaderStats = { read: 0, unchanged: 0, cut: 0, overPass: false, overTotal: 0 };
  let idColumn: number | undefined;
  let rows: Element[] = [];
  let at = 0;

  const read = (row: Element, position: number): ReadRow | undefined => {
    let cut = false;
    const cells = placeCells(
      row,
      (cell) => {
        const value = cellText(cell, limits.maxCellChars);
        cut ||= value.truncated;
        return value.text;
      },
      '',
    );
    if (cells.every((cell) => cell === '')) return undefined;
    if (cut) stats.cut += 1;
    const attributeKey = rowKey(row);
    const idCell = idColumn === undefined ? undefined : cells[idColumn];
    const text = cells.join('\u001f');
    const key = idCell ? `id:${idCell}` : attributeKey ? `row:${attributeKey}` : `text:${hashText(text)}`;
    const digest = hashText(text);
    if (seen.get(key) === digest) {
      stats.unchanged += 1;
      return undefined;
    }
    if (!seen.has(key) && seen.size >= limits.maxRowsTotal) {
      stats.overTotal += 1;
      return undefined;
    }
    seen.set(key, digest);
    stats.read += 1;
    return { position, key, cells, ...(attributeKey === undefined ? {} : { rowKey: attributeKey }) };
  };

  return {
    /** Column names; `Column N` where the table names none. */
    headers(width = headers.length): string[] {
      const names: string[] = [];
      for (let i = 0; i < Math.min(Math.max(width, headers.length), MAX_COLUMNS); i += 1) names.push(headers[i] || `Column ${i + 1}`);
      return names;
    },
    /** Rows are told apart by this column's text from now on. */
    useIdColumn(index: number | undefined) {
      idColumn = index;
    },
    /** Starts a pass over the rows the table holds now; rows read in earlier passes and unchanged since are skipped fast. */
    beginPass(): { rows: number; overLimit: boolean } {
      // One row past the limit says whether the table goes on, without walking 50,000 rows to count them.
      const looked = dataRows(table, limits.maxRowsPerPass + 1);
      rows = looked.slice(0, limits.maxRowsPerPass);
      stats.overPass = looked.length > rows.length;
      at = 0;
      return { rows: rows.length, overLimit: stats.overPass };
    },
    /** Reads rows of the pass until `stop()` returns true (checked after every row). */
    readSome(stop: () => boolean): PassReport {
      const out: ReadRow[] = [];
      while (at < rows.length) {
        const row = rows[at]!;
        at += 1;
        if (done.has(row)) continue;
        done.add(row);
        const result = read(row, at);
        if (result) out.push(result);
        if (stop()) break;
      }
      return { rows: out, done: at >= rows.length };
    },
    /** Something inside this node changed: the row holding it is read again in the next pass. */
    touched(node: Node) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      const row = element?.closest('tr, [role="row"]');
      if (row) done.delete(row);
    },
    /** The page replaced the table (a list re-rendered for the next page): read the new one; keys still skip rows already sent. */
    retarget(next: Element) {
      table = next;
      done = new WeakSet();
      rows = [];
      at = 0;
    },
    stats: () => ({ ...stats }),
    table: () => table,
  };
}

export type TableReader = ReturnType<typeof createTableReader>;
