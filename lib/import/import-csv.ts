import type { ActivityType } from '../model';
import { mapActivityRow } from './activity-rows';
import { createCollector } from './collect';
import { planLayout, type Layout } from './columns';
import { createCsvReader, type CsvRow } from './csv-reader';
import { mapDealRow } from './deal-rows';
import { createRowIdentity } from './ids';
import { mapLeadRow } from './lead-rows';
import { createRowCells, RowError, type RowEnv } from './row-cells';
import { keySet } from './text';
import { ImportError, type ImportOptions, type ImportProgress, type ImportResult } from './types';
import { checkOptions } from './options';
import { WELL_KNOWN_LOST_STAGES, WELL_KNOWN_WON_STAGES } from './vocabulary';

/** Strings are fed to the reader in slices of this size, so big files report progress as they go. */
const SLICE_CHARS = 1 << 20;

/**
 * Imports a CSV export (a whole string, or an async iterable of text chunks
 * for big files read in a worker) into canonical records of `options.source`.
 * Only the unfinished row is held between chunks, never the raw rows.
 *
 * Every row is imported or rejected with its line number and the reason; a
 * broken row never stops the rest. Throws ImportError only when the file
 * cannot be read as that kind of export at all (no header, no known columns,
 * an override naming a column the file lacks) or the options are invalid.
 */
export async function importCsv(
  source: string | AsyncIterable<string>,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportResult> {
  const settings = checkOptions(options);
  const collector = createCollector(options.source, options.importedAt, settings.maxRejectDetails);
  let headers: string[] | undefined;
  let layout: Layout | undefined;
  let handle: ((row: CsvRow) => boolean) | undefined;
  let fatal: ImportError | undefined;
  let rows = 0;
  let imported = 0;

  const onRow = (row: CsvRow) => {
    if (fatal) return;
    if (row.cells.every((cell) => cell.trim() === '')) return;
    if (!headers) {
      headers = row.cells.map((cell, i) => cell.trim() || `Column ${i + 1}`);
      try {
        layout = planLayout(headers, options);
        handle = rowHandler(layout, headers, options, settings, collector);
      } catch (error) {
        fatal = error instanceof ImportError ? error : new ImportError(String(error));
      }
      return;
    }
    rows += 1;
    if (handle?.(row)) imported += 1;
  };
  const reader = createCsvReader(
    { delimiter: options.delimiter, maxRowChars: settings.maxRowChars },
    onRow,
    (bad) => {
      if (fatal) return;
      if (!headers) fatal = new ImportError(`the header line ${bad.line} cannot be read: ${bad.reason}`);
      rows += 1;
      collector.reject(bad.line, bad.reason, bad.excerpt);
    },
  );

  let chars = 0;
  const totalChars = typeof source === 'string' ? source.length : undefined;
  for await (const chunk of typeof source === 'string' ? slices(source) : source) {
    reader.push(chunk);
    chars += chunk.length;
    if (fatal) throw fatal;
    await handOver(collector, options);
    onProgress?.({ chars, totalChars, rows, imported, rejected: collector.rejectCount() });
  }
  reader.end();
  if (fatal) throw fatal;
  await handOver(collector, options);
  if (!headers || !layout) throw new ImportError('the file is empty: no header line');
  const done = collector.finish();
  onProgress?.({ chars, totalChars, rows, imported, rejected: done.rejectCount });
  return {
    kind: layout.kind,
    preset: layout.preset?.id ?? null,
    columns: layout.columns.names,
    headers,
    delimiter: reader.delimiter() ?? ',',
    records: done.records,
    rows,
    imported,
    rejects: done.rejects,
    rejectCount: done.rejectCount,
    warnings: done.warnings,
  };
}

function rowHandler(
  layout: Layout,
  headers: readonly string[],
  options: ImportOptions,
  settings: ReturnType<typeof checkOptions>,
  collector: ReturnType<typeof createCollector>,
): (row: CsvRow) => boolean {
  const { kind, preset, columns } = layout;
  requireTellingColumns(layout, headers);
  const env: RowEnv = {
    columns,
    timeZone: options.timeZone,
    dateOrder: options.dateOrder ?? preset?.dateOrder ?? 'mdy',
    currency: settings.currency,
    probability: preset?.probability,
    durationUnit: preset?.durationUnit ?? 'seconds',
  };
  const explicitWon = keySet(options.won ?? []);
  const explicitLost = keySet(options.lost ?? []);
  const dealContext = {
    source: options.source,
    importedAt: options.importedAt,
    explicitWon,
    explicitLost,
    stageWon: new Set([...explicitWon, ...keySet(preset?.wonValues ?? []), ...WELL_KNOWN_WON_STAGES]),
    stageLost: new Set([...explicitLost, ...keySet(preset?.lostValues ?? []), ...WELL_KNOWN_LOST_STAGES]),
    identity: createRowIdentity('row-'),
  };
  const otherContext = { source: options.source, importedAt: options.importedAt, identity: createRowIdentity('row-') };
  const impliedType = impliedActivityType(headers);
  const activityContext = { ...otherContext, impliedType };
  const cells = createRowCells(env);

  return (row) => {
    const extra = row.cells.slice(headers.length);
    if (row.cells.length < headers.length || extra.some((cell) => cell.trim() !== '')) {
      collector.reject(row.line, `the row has ${row.cells.length} cells where the header has ${headers.length} columns`, row.cells.join(',').slice(0, 80));
      return false;
    }
    const long = row.cells.findIndex((cell) => cell.length > settings.maxCellChars);
    if (long >= 0) {
      collector.reject(row.line, `column "${headers[long]}" holds ${row.cells[long]?.length.toLocaleString('en')} characters, more than the ${settings.maxCellChars.toLocaleString('en')} allowed`);
      return false;
    }
    try {
      cells.load(row.cells);
      if (kind === 'deals') return collector.deal(row.line, mapDealRow(cells, row.cells, dealContext));
      if (kind === 'activities') return collector.activity(row.line, mapActivityRow(cells, row.cells, activityContext));
      return collector.lead(row.line, mapLeadRow(cells, row.cells, otherContext));
    } catch (error) {
      const reason = error instanceof RowError ? error.message : `could not be read: ${error instanceof Error ? error.message : String(error)}`;
      collector.reject(row.line, reason);
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

async function* slices(text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += SLICE_CHARS) yield text.slice(at, at + SLICE_CHARS);
}
