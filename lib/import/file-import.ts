import { csvLine, neutraliseText } from '../export/csv';
import { createCsvReader } from './csv-reader';
import { CHUNK_BYTES, readTextChunks } from './file-text';
import { planHeader, withHeader, type ColumnChoice } from './header-rewrite';
import { importCsv } from './import-csv';
import {
  ImportError,
  type AnyField,
  type ColumnProfile,
  type ColumnReading,
  type CurrencyCount,
  type DateOrder,
  type DuplicateReport,
  type ImportKind,
  type ImportOptions,
  type ImportWarning,
  type PresetId,
  type RejectCount,
  type RowReject,
  type SerialEpoch,
} from './types';

/** Rejected rows kept with their line and reason (all are counted); the download lists these. */
export const MAX_REJECT_DETAILS = 10_000;

/** What the rep chose for one import. `columns` (with the preview's `headers`) makes the mapping exact. */
export type ImportSettings = {
  source: string;
  kind?: ImportKind;
  /** Undefined: detected from the headers. */
  preset?: PresetId | 'none';
  /** `preset` is what an earlier preview detected, not the rep's choice (see ImportOptions.presetDetected). */
  presetDetected?: boolean;
  columns?: ColumnChoice;
  headers?: readonly string[];
  timeZone: string;
  /** Currency of amounts naming none; undefined: from the file or the export format, else unknown. */
  currency?: string;
  /** For every column whose values leave the reading open. */
  dateOrder?: DateOrder;
  numberLocale?: string;
  excelEpoch?: SerialEpoch;
  /** The reading of single columns by index (the preview's controls). */
  formats?: Readonly<Record<number, ColumnReading>>;
  /** The file's column profiles from its preview: the file is then not scanned again. */
  profiles?: readonly ColumnProfile[];
  importedAt: number;
};

export type RunProgress = { bytes: number; totalBytes: number; rows: number; imported: number; rejected: number };

export type RunSummary = {
  kind: ImportKind;
  preset: PresetId | null;
  rows: number;
  imported: number;
  rejectCount: number;
  rejects: RowReject[];
  rejectReasons: RejectCount[];
  warnings: ImportWarning[];
  duplicates?: DuplicateReport;
  currencies: CurrencyCount[];
  delimiter: string;
};

/** Records keyed like KpiData, in lists a message can carry. */
export type RecordLists = Partial<Record<'deals' | 'activities' | 'leads' | 'owners' | 'products' | 'customers', unknown[]>>;

export type RunHooks = {
  onProgress: (progress: RunProgress) => void;
  /** Awaited: the next batch is read only once the background wrote this one. */
  onBatch: (batch: RecordLists) => Promise<void>;
  /** The longest list in one batch. */
  batchMax: number;
};

export function readOptions(settings: ImportSettings, delimiter: string | undefined, map?: Partial<Record<AnyField, string>>): ImportOptions {
  return {
    source: settings.source,
    kind: settings.kind,
    preset: settings.preset,
    presetDetected: settings.presetDetected,
    map,
    timeZone: settings.timeZone,
    currency: settings.currency,
    dateOrder: settings.dateOrder,
    numberLocale: settings.numberLocale,
    excelEpoch: settings.excelEpoch,
    formats: settings.formats,
    profiles: settings.profiles,
    delimiter,
    importedAt: settings.importedAt,
    maxRejectDetails: MAX_REJECT_DETAILS,
  };
}

/** The text an import reads: the file, with the header rewritten when the mapping is explicit. */
export function textOf(chunks: AsyncIterable<string>, settings: ImportSettings, delimiter: string): AsyncIterable<string> {
  if (!settings.columns || !settings.headers) return chunks;
  return withHeader(chunks, settings.headers, planHeader(settings.headers, settings.columns).names, delimiter);
}

/**
 * Imports the whole file, reading it 1 MB at a time; records go to `onBatch`
 * in lists of at most `batchMax`, each awaited, so memory stays flat and a
 * slow writer slows the reading instead of piling records up. The owners,
 * products and customers the rows name come last. With the preview's
 * profiles the file is read once; without them, twice (the first pass
 * decides the formats), and the progress covers both.
 */
export async function runImport(file: Blob, settings: ImportSettings, hooks: RunHooks, delimiter: string): Promise<RunSummary> {
  let bytes = 0;
  let pass = 0;
  const passes = settings.profiles ? 1 : 2;
  const send = async (list: keyof RecordLists, records: readonly unknown[]) => {
    for (let at = 0; at < records.length; at += hooks.batchMax) await hooks.onBatch({ [list]: records.slice(at, at + hooks.batchMax) });
  };
  const map = settings.columns && settings.headers ? planHeader(settings.headers, settings.columns).map : undefined;
  const chunks = () => {
    pass += 1;
    const done = (pass - 1) * file.size;
    return textOf(
      readTextChunks(file, CHUNK_BYTES, (read) => (bytes = done + read)),
      settings,
      delimiter,
    );
  };
  const result = await importCsv(
    chunks,
    {
      ...readOptions(settings, delimiter, map),
      onRecords: async (batch) => {
        await send('deals', batch.deals);
        await send('activities', batch.activities);
        await send('leads', batch.leads);
      },
    },
    (progress) =>
      hooks.onProgress({
        bytes: Math.round(bytes / passes),
        totalBytes: file.size,
        rows: progress.phase === 'read' ? progress.rows : 0,
        imported: progress.imported,
        rejected: progress.rejected,
      }),
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
    rejectReasons: result.rejectReasons,
    warnings: result.warnings,
    currencies: result.currencies,
    ...(result.duplicates ? { duplicates: result.duplicates } : {}),
    delimiter: result.delimiter,
  };
}

/**
 * The rows that were not imported, as CSV the rep can fix and import again:
 * the line and the reason first, then the row's own cells under the file's
 * own headers, with the file's own separator. Read again from the file
 * (nothing was kept in memory). The row's cells are written as the file had
 * them (neutralising `-500` into `'-500` would break the import it is fixed
 * for); only the reason, KPI Lens's own text, is neutralised.
 */
export async function rejectedRowsCsv(file: Blob, rejects: readonly RowReject[], delimiter: string): Promise<string> {
  const reasons = new Map<number, string>();
  for (const reject of rejects) reasons.set(reject.line, reasons.has(reject.line) ? `${reasons.get(reject.line)}; ${reject.reason}` : reject.reason);
  const out: string[] = [];
  let headers: string[] | undefined;
  const write = (cells: readonly string[]) => out.push(csvLine(cells, { delimiter, neutralise: false }));
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
      if (reason !== undefined) write([String(row.line), neutraliseText(reason, delimiter), ...row.cells]);
    },
    (bad) => {
      const reason = reasons.get(bad.line);
      if (reason !== undefined) write([String(bad.line), neutraliseText(reason, delimiter), bad.excerpt]);
    },
  );
  for await (const chunk of readTextChunks(file)) reader.push(chunk);
  reader.end();
  return `${out.join('\r\n')}\r\n`;
}

export function message(error: unknown): string {
  if (error instanceof ImportError || error instanceof Error) return error.message;
  return String(error);
}

export type { AnyField, ColumnChoice };
