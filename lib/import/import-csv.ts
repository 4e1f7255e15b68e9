import type { ActivityType } from '../model';
import { mapActivityRow } from './activity-rows';
import { createCollector } from './collect';
import { planLayout, type Layout } from './columns';
import { createCsvReader, type CsvRow } from './csv-reader';
import { mapDealRow } from './deal-rows';
import { createRowIdentity } from './ids';
import { mapLeadRow } from './lead-rows';
import { checkOptions, type CheckedOptions } from './options';
import { decideFormats, formatEnv } from './plan';
import { createRowCells, RowError, type RowEnv } from './row-cells';
import { headerNames, scanCsv } from './scan';
import { keySet } from './text';
import { ImportError, type ColumnProfile, type ImportOptions, type ImportProgress, type ImportResult } from './types';
import { WELL_KNOWN_LOST_STAGES, WELL_KNOWN_WON_STAGES } from './vocabulary';

/** Strings are fed to the reader in slices of this size, so big files report progress as they go. */
const SLICE_CHARS = 1 << 20;

/** The text of a file: a string, a function that reads it from the start each time it is called, or a one-shot stream. */
export type CsvSource = string | (() => AsyncIterable<string>) | AsyncIterable<string>;

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
  const progress = () => ({ phase: 'read' as const, chars, totalChars, rows, imported: plan?.collector.kept() ?? 0, rejected: plan?.collector.rejectCount() ?? 0 });
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
    warnings: done.warnings,
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
    currency: settings.currency ? { code: settings.currency, source: 'option' } : layout.accountCurrency ? { code: layout.accountCurrency.code, source: 'preset' } : { code: 'XXX', source: 'unknown' },
    probability: layout.preset?.probability,
    durationUnit: layout.preset?.durationUnit ?? 'seconds',
    ...(layout.preset?.noneValues ? { noneValues: new Set(layout.preset.noneValues) } : {}),
  };
  return { layout, formats, collector, handle: rowHandler(layout, headers, options, settings, collector, env) };
}

function rowHandler(
  layout: Layout,
  headers: readonly string[],
  options: ImportOptions,
  settings: CheckedOptions,
  collector: ReturnType<typeof createCollector>,
  env: RowEnv,
): (row: CsvRow) => boolean {
  const { kind, preset } = layout;
  const explicitWon = keySet(options.won ?? []);
  const explicitLost = keySet(options.lost ?? []);
  const dealContext = {
    source: options.source,
    importedAt: options.importedAt,
    explicitWon,
    explicitLost,
    stageWon: new Set([...explicitWon, ...keySet(preset?.wonValues ?? []), ...WELL_KNOWN_WON_STAGES]),
    stageLost: new Set([...explicitLost, ...keySet(preset?.lostValues ?? []), ...WELL_KNOWN_LOST_STAGES]),
    statusCodes: preset?.statusCodes && { won: keySet(preset.statusCodes.won), lost: keySet(preset.statusCodes.lost), open: keySet(preset.statusCodes.open) },
    stagePrefix: preset?.stagePrefix,
    identity: createRowIdentity('row-'),
  };
  const otherContext = { source: options.source, importedAt: options.importedAt, identity: createRowIdentity('row-') };
  const activityContext = { ...otherContext, impliedType: impliedActivityType(headers), codes: preset?.activityCodes };
  const cells = createRowCells(env);

  return (row) => {
    const extra = row.cells.slice(headers.length);
    if (row.cells.length < headers.length || extra.some((cell) => cell.trim() !== '')) {
      collector.reject(row.line, `the row has ${row.cells.length} cells where the header has ${headers.length} columns`, 'cells', row.cells.join(',').slice(0, 80));
      return false;
    }
    const long = row.cells.findIndex((cell) => cell.length > settings.maxCellChars);
    if (long >= 0) {
      collector.reject(row.line, `column "${headers[long]}" holds ${row.cells[long]?.length.toLocaleString('en')} characters, more than the ${settings.maxCellChars.toLocaleString('en')} allowed`, 'too-long');
      return false;
    }
    try {
      cells.load(row.cells);
      if (kind === 'deals') {
        const mapped = mapDealRow(cells, row.cells, dealContext);
        const kept = collector.deal(row.line, mapped);
        if (kept) collector.currency(mapped.currencySource, (mapped.candidate.amount as { currency?: string } | undefined)?.currency);
        return kept;
      }
      if (kind === 'activities') return collector.activity(row.line, mapActivityRow(cells, row.cells, activityContext));
      return collector.lead(row.line, mapLeadRow(cells, row.cells, otherContext));
    } catch (error) {
      if (error instanceof RowError) collector.reject(row.line, error.message, error.code);
      else collector.reject(row.line, `could not be read: ${error instanceof Error ? error.message : String(error)}`, 'other');
      return false;
    }
  };
}

/** A file none of whose columns say "deal" (or activity, lead) is the wrong file or needs a mapping. */
function requireTellingColumns({ kind, columns }: Layout, headers: readonly string[]): void {
  const needed = {
    deals: ['amount', 'stage', 'status', 'isWon', 'isClosed', 'closedAt', 'wonAt'],
    activities: ['type', 'occurredAt'],
    leads: ['createdAt'],
  }[kind];
  if (needed.some((field) => columns.index.has(field as never))) return;
  throw new ImportError(
    `no ${kind} columns recognised (looked for ${needed.join(', ')}) among: ${headers.join(', ')}; map them explicitly, e.g. ${needed[0]}=<column>`,
  );
}

/** Exports of a single activity object have no type column: HubSpot's calls export is all calls. */
function impliedActivityType(headers: readonly string[]): ActivityType {
  const text = headers.join(' ').toLowerCase();
  if (/\bcall|звон/.test(text)) return 'call';
  if (/\bmeeting|встреч/.test(text)) return 'meeting';
  if (/\bemail|e-mail|письм/.test(text)) return 'email';
  if (/\btask|задач/.test(text)) return 'task';
  return 'other';
}

async function handOver(collector: ReturnType<typeof createCollector>, options: ImportOptions): Promise<void> {
  if (!options.onRecords) return;
  const batch = collector.drain();
  if (batch.deals.length || batch.activities.length || batch.leads.length) await options.onRecords(batch);
}

/**
 * Opens the source from its start each time it is called. A one-shot stream
 * is kept as it is read the first time, for the second pass; `twice` false
 * (the profiles are known) reads it once and keeps nothing.
 */
function opener(source: CsvSource, twice: boolean): () => AsyncIterable<string> {
  if (typeof source === 'string') return () => slices(source);
  if (typeof source === 'function') return source;
  if (!twice) return () => source;
  const kept: string[] = [];
  let first = true;
  return () => {
    if (!first) return replay(kept);
    first = false;
    return keep(source, kept);
  };
}

async function* keep(source: AsyncIterable<string>, kept: string[]): AsyncGenerator<string> {
  for await (const chunk of source) {
    kept.push(chunk);
    yield chunk;
  }
}

async function* replay(kept: string[]): AsyncGenerator<string> {
  while (kept.length) yield kept.shift()!;
}

async function* slices(text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += SLICE_CHARS) yield text.slice(at, at + SLICE_CHARS);
}
