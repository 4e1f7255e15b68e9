import type { ActivityType } from '../model';
import { mapActivityRow } from './activity-rows';
import type { Collector } from './collect';
import type { Layout } from './columns';
import type { CsvRow } from './csv-reader';
import { mapDealRow } from './deal-rows';
import { createRowIdentity } from './ids';
import { mapLeadRow } from './lead-rows';
import type { CheckedOptions } from './options';
import { createRowCells, RowError, type RowEnv } from './row-cells';
import { keySet } from './text';
import { ImportError, type ImportOptions } from './types';
import { WELL_KNOWN_LOST_STAGES, WELL_KNOWN_WON_STAGES } from './vocabulary';

/**
 * Reads each data row of a file into the collector: a record, or a reject
 * with the row's line and the reason (a short or long row, an over-long cell,
 * an unreadable value); one broken row never stops the rest.
 */
export function rowHandler(
  layout: Layout,
  headers: readonly string[],
  options: ImportOptions,
  settings: CheckedOptions,
  collector: Collector,
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
      collector.reject(
        row.line,
        `the row has ${row.cells.length} cells where the header has ${headers.length} columns`,
        'cells',
        row.cells.join(',').slice(0, 80),
      );
      return false;
    }
    const long = row.cells.findIndex((cell) => cell.length > settings.maxCellChars);
    if (long >= 0) {
      collector.reject(
        row.line,
        `column "${headers[long]}" holds ${row.cells[long]?.length.toLocaleString('en')} characters, more than the ${settings.maxCellChars.toLocaleString('en')} allowed`,
        'too-long',
      );
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
export function requireTellingColumns({ kind, columns }: Layout, headers: readonly string[]): void {
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
