import { createCollector } from './collect';
import { planLayout } from './columns';
import { createCsvReader, type CsvRow } from './csv-reader';
import { checkOptions, type CheckedOptions } from './options';
import { decideFormats, formatEnv } from './plan';
import type { RowEnv } from './row-cells';
import { requireTellingColumns, rowHandler } from './row-handler';
import { headerNames, scanCsv } from './scan';
import { opener, type CsvSource } from './source';
import { ImportError, type ColumnFormat, type ColumnProfile, type ImportOptions, type ImportProgress, type ImportResult, type ImportWarning } from './types';

export type { CsvSource };

/**
 * Imports a CSV export into canonical records of `options.source`, in two
 * passes: the first decides how each amount and date column reads from all
 * its values (formats/decide.ts), the second makes the records. A source that
 * can be read twice (a string, or a function opening the file again) is never
 * held in memory; a one-shot stream is kept for the second pass. Given the
 * `profiles` of an earlier scan, the file is read once.
 *
 * Every row is imported or rejected with its line number and the reason; a
 * broken row never stops the rest. Throws ImportError only when the file
 * cannot be read as that kind of export at all (no header, no known columns,
 * an override naming a column the file lacks), the options are invalid, or
 * (FormatError) a column's format is open or mixed and nothing decides it.
 */
export async function importCsv(source: CsvSource, options: ImportOptions, onProgress?: (progress: ImportProgress) => void): Promise<ImportResult> {
  const settings = checkOptions(options);
  const totalChars = typeof source === 'string' ? source.length : undefined;
  const open = opener(source, options.profiles === undefined);
  const profiles =
    options.profiles ??
    (
      await scanCsv(open(), { delimiter: options.delimiter, maxRowChars: settings.maxRowChars, totalChars }, (p) =>
        onProgress?.({ phase: 'scan', chars: p.chars, totalChars, rows: p.rows, imported: 0, rejected: 0 }),
      )
    ).profiles;
  return readRows(open(), profiles, options, settings, totalChars, onProgress);
}

async function readRows(
  chunks: AsyncIterable<string>,
  profiles: readonly ColumnProfile[],
  options: ImportOptions,
  settings: CheckedOptions,
  totalChars: number | undefined,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  let headers: string[] | undefined;
  let plan: ReturnType<typeof startReading> | undefined;
  let fatal: ImportError | undefined;
  let rows = 0;

  const onRow = (row: CsvRow) => {
    if (fatal) return;
    if (row.cells.every((cell) => cell.trim() === '')) return;
    if (!headers) {
      headers = headerNames(row.cells);
      try {
        if (profiles.length !== headers.length) throw new ImportError('the file changed since it was read: choose it again');
        plan = startReading(headers, profiles, options, settings);
      } catch (error) {
        fatal = error instanceof ImportError ? error : new ImportError(String(error));
      }
      return;
    }
    rows += 1;
    plan?.handle(row);
  };
  const reader = createCsvReader({ delimiter: options.delimiter, maxRowChars: settings.maxRowChars }, onRow, (bad) => {
    if (fatal) return;
    if (!headers) fatal = new ImportError(`the header line ${bad.line} cannot be read: ${bad.reason}`);
    rows += 1;
    plan?.collector.reject(bad.line, bad.reason, 'quote', bad.excerpt);
  });

  let chars = 0;
  const progress = () => ({
    phase: 'read' as const,
    chars,
    totalChars,
    rows,
    imported: plan?.collector.kept() ?? 0,
    rejected: plan?.collector.rejectCount() ?? 0,
  });
  for await (const chunk of chunks) {
    reader.push(chunk);
    chars += chunk.length;
    if (fatal) throw fatal;
    if (plan) await handOver(plan.collector, options);
    onProgress?.(progress());
  }
  reader.end();
  if (fatal) throw fatal;
  if (!headers || !plan) throw new ImportError('the file is empty: no header line');
  await handOver(plan.collector, options);
  const done = plan.collector.finish();
  onProgress?.(progress());
  const { layout } = plan;
  return {
    kind: layout.kind,
    preset: layout.preset?.id ?? null,
    columns: layout.columns.names,
    headers,
    delimiter: reader.delimiter() ?? ',',
    records: done.records,
    rows,
    imported: plan.collector.kept(),
    rejects: done.rejects,
    rejectCount: done.rejectCount,
    rejectReasons: done.rejectReasons,
    warnings: [...done.warnings, ...serialNotes(plan.formats)],
    formats: plan.formats,
    currencies: done.currencies.map((entry) => (entry.source === 'preset' && layout.accountCurrency ? { ...entry, from: layout.accountCurrency.from } : entry)),
    ...(done.duplicates ? { duplicates: done.duplicates } : {}),
    ...(layout.locale ? { locale: layout.locale } : {}),
  };
}

/** The layout, the formats and the row handler of a file, from its header and column profiles. */
function startReading(headers: readonly string[], profiles: readonly ColumnProfile[], options: ImportOptions, settings: CheckedOptions) {
  const layout = planLayout(headers, options, profiles);
  requireTellingColumns(layout, headers);
  const formats = decideFormats(layout, headers, profiles, options);
  const updatedAt = layout.columns.index.has('updatedAt') ? layout.columns.names.updatedAt : undefined;
  const collector = createCollector(options.source, options.importedAt, settings.maxRejectDetails, updatedAt);
  const env: RowEnv = {
    columns: layout.columns,
    timeZone: options.timeZone,
    ...formatEnv(formats, options.timeZone),
    currency: settings.currency
      ? { code: settings.currency, source: 'option' }
      : layout.accountCurrency
        ? { code: layout.accountCurrency.code, source: 'preset' }
        : { code: 'XXX', source: 'unknown' },
    probability: layout.preset?.probability,
    durationUnit: layout.preset?.durationUnit ?? 'seconds',
    ...(layout.preset?.noneValues ? { noneValues: new Set(layout.preset.noneValues) } : {}),
  };
  return { layout, formats, collector, handle: rowHandler(layout, headers, options, settings, collector, env) };
}

/** Columns read as Excel serial days: said, since a 1904 workbook reads four years and a day off. */
function serialNotes(formats: readonly ColumnFormat[]): ImportWarning[] {
  return formats
    .filter((format) => format.reading === 'excel1900' || format.reading === 'excel1904')
    .map((format) => ({
      code: 'excel-serial-dates',
      count: 1,
      examples: format.examples,
      message: `column ${JSON.stringify(format.header)} holds Excel serial days, read in the ${format.reading === 'excel1904' ? '1904 count (old Mac workbooks)' : '1900 count (45444 is 2024-06-01); if the workbook used the 1904 count, read it so (--excel-1904)'}`,
    }));
}

async function handOver(collector: ReturnType<typeof createCollector>, options: ImportOptions): Promise<void> {
  if (!options.onRecords) return;
  const batch = collector.drain();
  if (batch.deals.length || batch.activities.length || batch.leads.length) await options.onRecords(batch);
}
