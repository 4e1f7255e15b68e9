import { computeKpis } from '../../kpi';
import type { CalendarOptions } from '../../period/types';
import { resolveTimeZone } from '../commands/shared';
import { loadFromFlags, type LoadedData } from '../load-data';
import { readOutcome, type ReadingFlags } from '../reading';
import type { CliIO } from '../types';
import { calendarFrom, ratesFrom, type CalendarFlags } from './calendar-flags';
import { buildQuery, checkQueryFlags } from './query';
import { jsonReport } from './report';
import { renderTable } from './table';

export type KpisFlags = CalendarFlags &
  ReadingFlags & {
    csv?: string;
    data?: string;
    map?: string[];
    won?: string[];
    lost?: string[];
    period?: string;
    'as-of'?: string;
    owner?: string;
    tz?: string;
    currency?: string;
    json?: boolean;
  };

/** Loads the data, builds the query, computes the KPIs and prints the table or the JSON report. */
export async function runKpis(flags: KpisFlags, io: CliIO): Promise<number> {
  const timeZone = resolveTimeZone(flags.tz, io);
  const calendar: CalendarOptions = calendarFrom(timeZone, flags);
  const queryFlags = { period: flags.period, asOf: flags['as-of'], owner: flags.owner, currency: flags.currency, rates: ratesFrom(flags.rate) };
  checkQueryFlags(queryFlags, calendar);
  const loaded = await loadFromFlags(flags, timeZone, io);
  const { code, line } = readOutcome(loaded, flags.strict);
  if (code === 2) {
    io.stderr(`${[line, ...detailLines(loaded)].join('\n')}\n`);
    return code;
  }
  const built = buildQuery(loaded.data, queryFlags, calendar, io.now());
  const results = computeKpis(loaded.data, built.query);
  const report = jsonReport(results, built.query, built.ownerName);
  if (flags.json) {
    io.stdout(`${JSON.stringify({ ...report, input: inputSummary(loaded, built.asOfSource) }, null, 2)}\n`);
    if (line !== undefined) io.stderr(`${line}\n`);
  } else {
    io.stdout(renderTable(report));
    printInputSummary(loaded, built.asOfSource, line, io);
  }
  return code;
}

/** Where the numbers came from, for the JSON report: rows read, rejected (with the first reasons) and notes. */
function inputSummary(loaded: LoadedData, asOfSource: string) {
  const csv = loaded.csv;
  return {
    ...(csv
      ? {
          kind: csv.kind,
          preset: csv.preset,
          columns: csv.columns,
          rows: csv.rows,
          imported: csv.imported,
          rejectReasons: csv.rejectReasons,
          formats: csv.formats.map(({ header, kind, reading, basis, from }) => ({
            column: header,
            kind,
            reading: reading ?? null,
            basis,
            ...(from ? { from } : {}),
          })),
          currencies: csv.currencies,
          ...(csv.duplicates ? { duplicates: csv.duplicates } : {}),
        }
      : {}),
    rejected: loaded.rejectCount,
    rejects: loaded.rejects.slice(0, 20),
    notes: loaded.notes,
    asOfFrom: asOfSource,
  };
}

function printInputSummary(loaded: LoadedData, asOfSource: string, line: string | undefined, io: CliIO): void {
  const lines: string[] = [];
  if (line !== undefined) {
    lines.push(line, `As of: ${asOfSource}.`);
  } else {
    lines.push(
      `Read ${loaded.data.deals.length.toLocaleString('en-US')} deals, ${loaded.data.activities.length.toLocaleString('en-US')} activities, ${loaded.data.leads.length.toLocaleString('en-US')} leads; as of: ${asOfSource}.`,
    );
  }
  lines.push(...detailLines(loaded));
  io.stderr(`\n${lines.join('\n')}\n`);
}

/** The first rejected rows and the notes, under the summary line. */
function detailLines(loaded: LoadedData): string[] {
  const lines: string[] = [];
  if (loaded.rejectCount) {
    lines.push(`${loaded.rejectCount.toLocaleString('en-US')} rejected:`);
    for (const reject of loaded.rejects.slice(0, 5)) lines.push(`  ${reject.where}: ${reject.reason}`);
    if (loaded.rejectCount > 5) lines.push(`  … and ${(loaded.rejectCount - 5).toLocaleString('en-US')} more`);
  }
  for (const note of loaded.notes) lines.push(`Note: ${note}`);
  return lines;
}
