import { planLayout } from '../../../lib/import/columns';
import { createCsvReader } from '../../../lib/import/csv-reader';
import { importCsv } from '../../../lib/import/import-csv';
import { ImportError, type AnyField, type DateOrder, type ImportedRecords, type ImportKind, type ImportOptions, type ImportWarning, type PresetId, type RowReject } from '../../../lib/import/types';
import { IMPORT_BATCH_MAX, type ImportBatch } from '../../../lib/messaging/requests/import';
import { CHUNK_BYTES, readHead, readTextChunks } from './file-text';
import { dateOnlyProperties } from './date-only';
import { planHeader, withHeader, type ColumnChoice } from './header-rewrite';

/** How much of the file the preview reads: enough for the header and the first few hundred rows. */
export const PREVIEW_BYTES = 128 * 1024;
const SAMPLE_ROWS = 8;
/** Rejected rows kept with their line and reason (all are counted); the download lists these. */
export const MAX_REJECT_DETAILS = 10_000;

/** What the rep chose for one import. `columns` (with the preview's `headers`) makes the mapping exact. */
export type ImportSettings = {
  source: string;
  kind?: ImportKind;
  /** Undefined: detected from the headers. */
  preset?: PresetId | 'none';
  columns?: ColumnChoice;
  headers?: readonly string[];
  timeZone: string;
  currency: string;
  dateOrder?: DateOrder;
  importedAt: number;
};

export type Preview = {
  headers: string[];
  delimiter: string;
  kind: ImportKind;
  preset: PresetId | null;
  /** Field → column index, as the import will read them. */
  columns: ColumnChoice;
  /** The first data row's cells, as examples beside each column. */
  examples: string[];
  sample: Pick<ImportedRecords, 'deals' | 'activities' | 'leads' | 'owners'>;
  /** The sample's dates the file gives as days only (createdAt, closedAt, ...): shown as dates, in `timeZone`. */
  dateOnly: string[];
  /** The zone the file's dates were read in (a day is its midnight there). */
  timeZone: string;
  rows: number;
  rejects: RowReject[];
  rejectCount: number;
  warnings: ImportWarning[];
  /** Why the file cannot be imported with these settings (no known columns, ...); the mapping can still be fixed. */
  error?: string;
};

export type RunProgress = { bytes: number; totalBytes: number; rows: number; imported: number; rejected: number };

export type RunSummary = {
  kind: ImportKind;
  preset: PresetId | null;
  rows: number;
  imported: number;
  rejectCount: number;
  rejects: RowReject[];
  warnings: ImportWarning[];
  delimiter: string;
};

export type RunHooks = {
  onProgress: (progress: RunProgress) => void;
  /** Awaited: the next batch is read only once the background wrote this one. */
  onBatch: (batch: ImportBatch) => Promise<void>;
};

function options(settings: ImportSettings, delimiter: string | undefined): ImportOptions {
  const explicit = settings.columns && settings.headers ? planHeader(settings.headers, settings.columns) : undefined;
  return {
    source: settings.source,
    kind: settings.kind,
    preset: settings.preset,
    map: explicit?.map,
    timeZone: settings.timeZone,
    currency: settings.currency,
    dateOrder: settings.dateOrder,
    delimiter,
    importedAt: settings.importedAt,
    maxRejectDetails: MAX_REJECT_DETAILS,
  };
}

/** The text an import reads: the file, with the header rewritten when the mapping is explicit. */
function textOf(chunks: AsyncIterable<string>, settings: ImportSettings, delimiter: string): AsyncIterable<string> {
  if (!settings.columns || !settings.headers) return chunks;
  return withHeader(chunks, settings.headers, planHeader(settings.headers, settings.columns).names, delimiter);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** The header, delimiter and first rows of some CSV text, read as the importer reads them. */
function firstRows(text: string): { headers: string[]; examples: string[]; sampleRows: string[][]; delimiter: string } {
  const rows: string[][] = [];
  const reader = createCsvReader({ maxRowChars: 4_000_000 }, (row) => {
    if (rows.length <= SAMPLE_ROWS && row.cells.some((cell) => cell.trim() !== '')) rows.push(row.cells);
  }, () => {});
  reader.push(text);
  reader.end();
  const headers = (rows[0] ?? []).map((cell, i) => cell.trim() || `Column ${i + 1}`);
  return { headers, examples: rows[1] ?? [], sampleRows: rows.slice(1), delimiter: reader.delimiter() ?? ',' };
}

/**
 * What an import of this file would do, from its first 128 KB: the columns
 * found for each field, the first records as they will be stored, the rows
 * that would be rejected. Never throws for a bad file: the reason comes back
 * in `error`, with the headers, so the rep can fix the mapping.
 */
export async function previewImport(file: Blob, settings: ImportSettings): Promise<Preview> {
  const head = await readHead(file, PREVIEW_BYTES);
  const { headers, examples, sampleRows, delimiter } = firstRows(head.text);
  const base = { headers, delimiter, examples, sample: { deals: [], activities: [], leads: [], owners: [] }, dateOnly: [], timeZone: settings.timeZone, rows: 0, rejects: [], rejectCount: 0, warnings: [] };
  if (headers.length === 0) return { ...base, kind: settings.kind ?? 'deals', preset: null, columns: {}, error: 'the file is empty: no header line' };
  let explicit: ImportSettings;
  let preset: PresetId | null;
  if (settings.columns) {
    preset = settings.preset === undefined || settings.preset === 'none' ? null : settings.preset;
    explicit = { ...settings, kind: settings.kind ?? 'deals', preset: preset ?? 'none', headers };
  } else {
    try {
      const layout = planLayout(headers, { source: settings.source, timeZone: settings.timeZone, kind: settings.kind, preset: settings.preset });
      preset = layout.preset?.id ?? null;
      explicit = { ...settings, kind: layout.kind, preset: preset ?? 'none', columns: Object.fromEntries(layout.columns.index), headers };
    } catch (error) {
      return { ...base, kind: settings.kind ?? 'deals', preset: null, columns: {}, error: message(error) };
    }
  }
  const kind = explicit.kind!;
  const columns = explicit.columns!;
  try {
    // The preview reads exactly as the import will: with the mapping made explicit.
    const result = await importCsv(textOf(once(head.text), explicit, delimiter), options(explicit, delimiter));
    const { deals, activities, leads, owners } = result.records;
    return {
      ...base,
      kind,
      preset,
      columns,
      sample: { deals: deals.slice(0, SAMPLE_ROWS), activities: activities.slice(0, SAMPLE_ROWS), leads: leads.slice(0, SAMPLE_ROWS), owners },
      dateOnly: dateOnlyProperties(sampleRows, columns),
      rows: result.rows,
      rejects: result.rejects.slice(0, 50),
      rejectCount: result.rejectCount,
      warnings: result.warnings,
    };
  } catch (error) {
    return { ...base, kind, preset, columns, error: message(error) };
  }
}

/**
 * Imports the whole file, reading it 1 MB at a time; records go to `onBatch`
 * in lists of at most IMPORT_BATCH_MAX, each awaited, so memory stays flat and
 * a slow writer slows the reading instead of piling records up. The owners,
 * products and customers the rows name come last.
 */
export async function runImport(file: Blob, settings: ImportSettings, hooks: RunHooks, delimiter: string): Promise<RunSummary> {
  let bytes = 0;
  const send = async (list: keyof ImportBatch, records: readonly unknown[]) => {
    for (let at = 0; at < records.length; at += IMPORT_BATCH_MAX) await hooks.onBatch({ [list]: records.slice(at, at + IMPORT_BATCH_MAX) });
  };
  const chunks = readTextChunks(file, CHUNK_BYTES, (read) => (bytes = read));
  const result = await importCsv(
    textOf(chunks, settings, delimiter),
    {
      ...options(settings, delimiter),
      onRecords: async (batch) => {
        await send('deals', batch.deals);
        await send('activities', batch.activities);
        await send('leads', batch.leads);
      },
    },
    (progress) => hooks.onProgress({ bytes, totalBytes: file.size, rows: progress.rows, imported: progress.imported, rejected: progress.rejected }),
  );
  await send('owners', result.records.owners);
  await send('products', result.records.products);
  await send('customers', result.records.customers);
  return {
    kind: result.kind,
    preset: result.preset,
    rows: result.rows,
    imported: result.imported,
    rejectCount: result.rejectCount,
    rejects: result.rejects,
    warnings: result.warnings,
    delimiter: result.delimiter,
  };
}

/**
 * The rows that were not imported, as CSV the rep can fix and import again:
 * the line and the reason first, then the row's own cells under the file's
 * own headers. Read again from the file (nothing was kept in memory).
 */
export async function rejectedRowsCsv(file: Blob, rejects: readonly RowReject[], delimiter: string): Promise<string> {
  const reasons = new Map<number, string>();
  for (const reject of rejects) reasons.set(reject.line, reasons.has(reject.line) ? `${reasons.get(reject.line)}; ${reject.reason}` : reject.reason);
  const out: string[] = [];
  let headers: string[] | undefined;
  const write = (cells: readonly string[]) => out.push(cells.map(quote).join(','));
  const reader = createCsvReader(
    { delimiter, maxRowChars: 4_000_000 },
    (row) => {
      if (!headers) {
        if (row.cells.every((cell) => cell.trim() === '')) return;
        headers = row.cells;
        write(['Line', 'Reason', ...headers]);
        return;
      }
      const reason = reasons.get(row.line);
      if (reason !== undefined) write([String(row.line), reason, ...row.cells]);
    },
    (bad) => {
      const reason = reasons.get(bad.line);
      if (reason !== undefined) write([String(bad.line), reason, bad.excerpt]);
    },
  );
  for await (const chunk of readTextChunks(file)) reader.push(chunk);
  reader.end();
  return `${out.join('\r\n')}\r\n`;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

function message(error: unknown): string {
  if (error instanceof ImportError || error instanceof Error) return error.message;
  return String(error);
}

export type { AnyField };
