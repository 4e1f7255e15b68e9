import { planLayout } from './columns';
import { createCsvReader } from './csv-reader';
import { CHUNK_BYTES, readHead, readTextChunks } from './file-text';
import { planHeader, withHeader, type ColumnChoice } from './header-rewrite';
import { importCsv } from './import-csv';
import { inspectFormats } from './plan';
import { scanCsv } from './scan';
import {
  ImportError,
  type AnyField,
  type ColumnFormat,
  type ColumnProfile,
  type ColumnReading,
  type CurrencyCount,
  type DateOrder,
  type DuplicateReport,
  type ImportedRecords,
  type ImportKind,
  type ImportOptions,
  type ImportWarning,
  type PresetId,
  type RejectCount,
  type RowReject,
  type SerialEpoch,
} from './types';

/** How much of the file the preview's sample records come from: the header and the first few hundred rows. */
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

export type Preview = {
  headers: string[];
  delimiter: string;
  kind: ImportKind;
  preset: PresetId | null;
  /** Field → column index, as the import will read them. */
  columns: ColumnChoice;
  /** The first data row's cells, as examples beside each column. */
  examples: string[];
  /** How each mapped amount and date column reads, decided from all its values; `problem` asks the rep. */
  formats: ColumnFormat[];
  /** What the whole file's columns allow: handed back with the next preview and the run. */
  profiles: ColumnProfile[];
  /** The zone dates without one are read in (the sample's dates are shown in it). */
  timeZone: string;
  sample: Pick<ImportedRecords, 'deals' | 'activities' | 'leads' | 'owners'>;
  currencies: CurrencyCount[];
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

function options(settings: ImportSettings, delimiter: string | undefined, map?: Partial<Record<AnyField, string>>): ImportOptions {
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
function textOf(chunks: AsyncIterable<string>, settings: ImportSettings, delimiter: string): AsyncIterable<string> {
  if (!settings.columns || !settings.headers) return chunks;
  return withHeader(chunks, settings.headers, planHeader(settings.headers, settings.columns).names, delimiter);
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** The delimiter and first data row of some CSV text, read as the importer reads them. */
function firstRow(text: string): { examples: string[]; delimiter: string } {
  const rows: string[][] = [];
  const reader = createCsvReader({ maxRowChars: 4_000_000 }, (row) => {
    if (rows.length < 2 && row.cells.some((cell) => cell.trim() !== '')) rows.push(row.cells);
  }, () => {});
  reader.push(text);
  reader.end();
  return { examples: rows[1] ?? [], delimiter: reader.delimiter() ?? ',' };
}

/**
 * What an import of this file would do: the columns found for each field,
 * how each amount and date column reads (decided from the whole file, which
 * is scanned once and its profiles handed back), the first records as they
 * will be stored and the rows that would be rejected, from the first 128 KB.
 * Never throws for a bad file: the reason comes back in `error`, with the
 * headers, so the rep can fix the mapping; an open format comes back as a
 * question in `formats`.
 */
export async function previewImport(file: Blob, settings: ImportSettings): Promise<Preview> {
  const empty = { sample: { deals: [], activities: [], leads: [], owners: [] }, currencies: [], rows: 0, rejects: [], rejectCount: 0, warnings: [], formats: [], timeZone: settings.timeZone };
  let scan;
  try {
    scan = settings.profiles && settings.headers ? { headers: [...settings.headers], profiles: [...settings.profiles] } : await scanCsv(readTextChunks(file), { maxRowChars: 4_000_000 });
  } catch (error) {
    return { ...empty, headers: [], delimiter: ',', examples: [], profiles: [], kind: settings.kind ?? 'deals', preset: null, columns: {}, error: message(error) };
  }
  const head = await readHead(file, PREVIEW_BYTES);
  const { headers, profiles } = scan;
  const { delimiter, examples } = firstRow(head.text);
  const base = { ...empty, headers, delimiter, examples, profiles };
  let kind: ImportKind;
  let preset: PresetId | null;
  let columns: ColumnChoice;
  try {
    if (settings.columns) {
      kind = settings.kind ?? 'deals';
      preset = settings.preset === undefined || settings.preset === 'none' ? null : settings.preset;
      columns = settings.columns;
    } else {
      const layout = planLayout(headers, { source: settings.source, timeZone: settings.timeZone, kind: settings.kind, preset: settings.preset }, profiles);
      kind = layout.kind;
      preset = layout.preset?.id ?? null;
      columns = Object.fromEntries(layout.columns.index);
    }
  } catch (error) {
    return { ...base, kind: settings.kind ?? 'deals', preset: null, columns: {}, error: message(error) };
  }
  // From here the preview reads exactly as the import will: with the mapping made explicit and the whole file's profiles.
  const explicit: ImportSettings = { ...settings, kind, preset: preset ?? 'none', presetDetected: settings.presetDetected ?? settings.preset === undefined, columns, headers, profiles };
  const plan = planHeader(headers, columns);
  const read = options(explicit, delimiter, plan.map);
  const formats = inspectFormats(planLayout(plan.names, read, profiles), plan.names, profiles, read).map((format) => ({ ...format, header: headers[format.column] ?? format.header }));
  const shown = { ...base, kind, preset, columns, formats };
  if (formats.some((format) => format.problem)) return shown;
  try {
    const result = await importCsv(textOf(once(head.text), explicit, delimiter), read);
    const { deals, activities, leads, owners } = result.records;
    return {
      ...shown,
      sample: { deals: deals.slice(0, SAMPLE_ROWS), activities: activities.slice(0, SAMPLE_ROWS), leads: leads.slice(0, SAMPLE_ROWS), owners },
      currencies: result.currencies,
      rows: result.rows,
      rejects: result.rejects.slice(0, 50),
      rejectCount: result.rejectCount,
      warnings: result.warnings,
    };
  } catch (error) {
    return { ...shown, error: message(error) };
  }
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
    return textOf(readTextChunks(file, CHUNK_BYTES, (read) => (bytes = done + read)), settings, delimiter);
  };
  const result = await importCsv(
    chunks,
    {
      ...options(settings, delimiter, map),
      onRecords: async (batch) => {
        await send('deals', batch.deals);
        await send('activities', batch.activities);
        await send('leads', batch.leads);
      },
    },
    (progress) => hooks.onProgress({ bytes: Math.round(bytes / passes), totalBytes: file.size, rows: progress.phase === 'read' ? progress.rows : 0, imported: progress.imported, rejected: progress.rejected }),
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

export type { AnyField, ColumnChoice };
