import { csvLine } from '../export/csv';
import type { RecordLists } from '../import/file-import';
import { importCsv } from '../import/import-csv';
import { uniqueNames } from '../import/unique-names';
import type { AnyField, ColumnFormat, DateOrder, ImportWarning } from '../import/types';
import type { ColumnMapping } from './mapping';
import type { ReadRow } from './reader';

/** Rows handed to the importer at a time; the page gets the thread back between slices. */
const ROWS_PER_SLICE = 100;
const CHARS_PER_SLICE = 200_000;
/** The column that carries a row's own id (from its attributes) when the rep mapped no id column. */
const ROW_KEY_HEADER = 'KPI Lens row key';

export type { RecordLists };

/** How the rows read: lib/import's reading options, as a CSV import of the same cells takes them. */
export type ConvertOptions = {
  source: string;
  timeZone: string;
  /** Currency of amounts that name none; without it, unknown. */
  currency?: string;
  /** How dates that the rows' own values leave open read (the rep's choice, defaulted from the page's language). */
  dateOrder?: DateOrder;
  /** The same for amounts: a locale whose decimal mark reads them. */
  numberLocale?: string;
  /** The page's language: the last word on columns nothing else decides. */
  locale?: string;
  importedAt: number;
  maxCellChars: number;
  /** Gives the thread back to the page (setTimeout / requestIdleCallback). */
  pause: () => Promise<void>;
  /** Receives records as they are made, in lists of at most `batchMax`; owners, products and customers come last. */
  onBatch: (batch: RecordLists) => Promise<void>;
  batchMax: number;
};

/** A row that did not become a record: its place in the table (1-based) and why. */
export type RowProblem = { position: number; reason: string };

/** `duplicates`: rows that repeated an earlier row's id (one record per id is kept: see lib/import/duplicates.ts). */
export type Converted = { imported: number; rejected: number; duplicates: number; problems: RowProblem[]; warnings: ImportWarning[]; formats: ColumnFormat[] };

/**
 * Table rows to canonical records through lib/import, as if the rep had
 * exported the list as CSV: the same dates, amounts, won/lost words, owners,
 * ids and rejects, each column's format decided from all the rows given. The
 * mapping is explicit (every read column names its field), so what the rep
 * confirmed is what is read. Throws lib/import's ImportError when the mapping
 * cannot make records of that kind at all, and its FormatError when a
 * column's format is left open (the options decide most).
 */
export async function convertRows(headers: readonly string[], mapping: ColumnMapping, rows: readonly ReadRow[], options: ConvertOptions): Promise<Converted> {
  const columns: number[] = [];
  const names: string[] = [];
  const map: Partial<Record<AnyField, string>> = {};
  const unique = uniqueNames();
  mapping.fields.forEach((field, i) => {
    if (field === null) return;
    const name = unique(headers[i]?.trim() || `Column ${i + 1}`);
    columns.push(i);
    names.push(name);
    map[field] = name;
  });
  const withRowKey = map.id === undefined && rows.some((row) => row.rowKey !== undefined);
  if (withRowKey) map.id = unique(ROW_KEY_HEADER);
  if (withRowKey) names.push(map.id!);

  async function* csv(): AsyncGenerator<string> {
    yield `${asText(names)}\n`;
    let text = '';
    let count = 0;
    for (const row of rows) {
      const cells = columns.map((i) => row.cells[i] ?? '');
      if (withRowKey) cells.push(row.rowKey ?? '');
      text += `${asText(cells)}\n`;
      count += 1;
      if (count >= ROWS_PER_SLICE || text.length >= CHARS_PER_SLICE) {
        yield text;
        text = '';
        count = 0;
        await options.pause();
      }
    }
    if (text) yield text;
  }

  const send = async (list: keyof RecordLists, records: readonly unknown[]) => {
    for (let at = 0; at < records.length; at += options.batchMax) {
      await options.onBatch({ [list]: records.slice(at, at + options.batchMax) });
      await options.pause();
    }
  };
  // A function, not a stream: the rows are read twice (the first pass decides each column's format).
  const result = await importCsv(csv, {
    source: options.source,
    kind: mapping.kind,
    preset: 'none',
    map,
    timeZone: options.timeZone,
    currency: options.currency,
    dateOrder: options.dateOrder,
    numberLocale: options.numberLocale,
    locale: options.locale,
    delimiter: ',',
    importedAt: options.importedAt,
    maxCellChars: options.maxCellChars,
    onRecords: async (batch) => {
      await send('deals', batch.deals);
      await send('activities', batch.activities);
      await send('leads', batch.leads);
    },
  });
  await send('owners', result.records.owners);
  await send('products', result.records.products);
  await send('customers', result.records.customers);
  // Each row is one line after the header (cells hold no line breaks), so line L is the (L-1)th row sent.
  const problems = result.rejects.map((reject) => ({ position: rows[reject.line - 2]?.position ?? reject.line - 1, reason: reject.reason }));
  return {
    imported: result.imported,
    rejected: result.rejectCount,
    duplicates: result.duplicates?.rows ?? 0,
    problems,
    warnings: result.warnings,
    formats: result.formats,
  };
}

/** Every cell quoted, as the page showed it: the importer reads each one as text, exactly. */
function asText(cells: readonly string[]): string {
  return csvLine(cells, { quoteAll: true, neutralise: false });
}
