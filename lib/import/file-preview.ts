import { planLayout } from './columns';
import { createCsvReader } from './csv-reader';
import { readHead, readTextChunks } from './file-text';
import { message, readOptions, textOf, type ImportSettings } from './file-import';
import { planHeader, type ColumnChoice } from './header-rewrite';
import { importCsv } from './import-csv';
import { inspectFormats } from './plan';
import { scanCsv } from './scan';
import type { ColumnFormat, ColumnProfile, CurrencyCount, ImportedRecords, ImportKind, ImportWarning, PresetId, RowReject } from './types';

/** How much of the file the preview's sample records come from: the header and the first few hundred rows. */
export const PREVIEW_BYTES = 128 * 1024;
const SAMPLE_ROWS = 8;
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

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** The delimiter and first data row of some CSV text, read as the importer reads them. */
function firstRow(text: string): { examples: string[]; delimiter: string } {
  const rows: string[][] = [];
  const reader = createCsvReader(
    { maxRowChars: 4_000_000 },
    (row) => {
      if (rows.length < 2 && row.cells.some((cell) => cell.trim() !== '')) rows.push(row.cells);
    },
    () => {},
  );
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
  const empty = {
    sample: { deals: [], activities: [], leads: [], owners: [] },
    currencies: [],
    rows: 0,
    rejects: [],
    rejectCount: 0,
    warnings: [],
    formats: [],
    timeZone: settings.timeZone,
  };
  let scan;
  try {
    scan =
      settings.profiles && settings.headers
        ? { headers: [...settings.headers], profiles: [...settings.profiles] }
        : await scanCsv(readTextChunks(file), { maxRowChars: 4_000_000 });
  } catch (error) {
    return {
      ...empty,
      headers: [],
      delimiter: ',',
      examples: [],
      profiles: [],
      kind: settings.kind ?? 'deals',
      preset: null,
      columns: {},
      error: message(error),
    };
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
  const explicit: ImportSettings = {
    ...settings,
    kind,
    preset: preset ?? 'none',
    presetDetected: settings.presetDetected ?? settings.preset === undefined,
    columns,
    headers,
    profiles,
  };
  const plan = planHeader(headers, columns);
  const read = readOptions(explicit, delimiter, plan.map);
  const formats = inspectFormats(planLayout(plan.names, read, profiles), plan.names, profiles, read).map((format) => ({
    ...format,
    header: headers[format.column] ?? format.header,
  }));
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
