/** `kpi-lens summary`: load the records, pick the rep or team, build the week's summary and print it. */
import { resolveTimeZone } from '../commands/shared';
import { ratesFrom } from '../kpis/calendar-flags';
import { buildQuery, checkQueryFlags } from '../kpis/query';
import { loadFromFlags, type LoadedData } from '../load-data';
import { readOutcome, type ReadingFlags } from '../reading';
import { UsageError, type CliIO } from '../types';
import type { KpiData } from '../../kpi/types';
import { parsePeriodSpec } from '../../period';
import type { CalendarOptions } from '../../period/types';
import { buildWeeklySummary, type SummaryAudience } from '../../export/summary/build';
import { renderCsv } from '../../export/summary/csv';
import { renderJson } from '../../export/summary/json';
import { renderMarkdown } from '../../export/summary/markdown';
import type { WeeklySummary } from '../../export/summary/types';
import { resolveWeek } from '../../export/summary/week';

export type SummaryFlags = ReadingFlags & {
  csv?: string;
  data?: string;
  week?: string;
  owner?: string;
  team?: string;
  format: 'md' | 'csv' | 'json';
  lang: 'en' | 'ru';
  out?: string;
  'as-of'?: string;
  tz?: string;
  currency?: string;
  rate?: string[];
  map?: string[];
  won?: string[];
  lost?: string[];
};

export async function runSummary(flags: SummaryFlags, io: CliIO): Promise<number> {
  const timeZone = resolveTimeZone(flags.tz, io);
  // ISO weeks: Monday to Sunday, as `2017-W23` means in ISO 8601.
  const calendar: CalendarOptions = { timeZone, weekStartsOn: 1, fiscalYearStartMonth: 1 };
  const queryFlags = { asOf: flags['as-of'], currency: flags.currency, rates: ratesFrom(flags.rate) };
  checkQueryFlags(queryFlags, calendar);
  if (flags.week !== undefined) checkWeek(flags.week, calendar);
  const loaded = await loadFromFlags(flags, timeZone, io);
  const outcome = readOutcome(loaded, flags.strict);
  if (outcome.code === 2) {
    io.stderr(`${outcome.line}\n`);
    return outcome.code;
  }
  const { query, asOfSource } = buildQuery(loaded.data, queryFlags, calendar, io.now());
  try {
    resolveWeek(flags.week, query.asOf, calendar);
  } catch (error) {
    throw new UsageError(`bad --week: ${error instanceof Error ? error.message : String(error)}`);
  }
  const summary = buildWeeklySummary(loaded.data, {
    now: query.asOf,
    week: flags.week,
    basics: { calendar, currency: query.currency, settings: query.settings },
    audience: audienceOf(loaded.data, flags),
    // Whoever runs the CLI holds the whole export: every rep's section is shown.
    showPeerNumbers: true,
  });
  const text = flags.format === 'json' ? renderJson(summary) : flags.format === 'csv' ? renderCsv(summary, flags.lang) : renderMarkdown(summary, flags.lang);
  if (flags.out !== undefined) {
    try {
      await io.writeFile(flags.out, text);
    } catch (error) {
      throw new UsageError(`cannot write ${flags.out}: ${(error as { code?: string } | null)?.code ?? String(error)}`);
    }
  } else {
    io.stdout(text);
  }
  io.stderr(inputNote(loaded, asOfSource, summary, outcome.line));
  return outcome.code;
}

/** A typo in --week fails before a big file is read. */
function checkWeek(spec: string, calendar: CalendarOptions): void {
  try {
    if (!/^\s*\d{4}-W\d{2}\s*$/i.test(spec)) throw new Error('expected a week such as 2017-W23');
    parsePeriodSpec(spec, calendar);
  } catch (error) {
    throw new UsageError(`bad --week ${JSON.stringify(spec)}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function audienceOf(data: KpiData, flags: SummaryFlags): SummaryAudience {
  const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (flags.owner !== undefined) {
    const matches = data.owners.filter((owner) => key(owner.name) === key(flags.owner as string) || owner.externalId === flags.owner);
    if (matches.length === 1) return { ownerId: (matches[0] as (typeof matches)[number]).externalId };
    if (matches.length > 1)
      throw new UsageError(
        `${matches.length} owners are named ${JSON.stringify(flags.owner)}: give one of their ids (${matches.map((o) => o.externalId).join(', ')})`,
      );
    throw new UsageError(
      `no owner named ${JSON.stringify(flags.owner)}${known(
        data.owners.map((o) => o.name),
        'owners',
      )}`,
    );
  }
  if (flags.team !== undefined) {
    const team = data.teams.find((candidate) => key(candidate.name) === key(flags.team as string) || candidate.externalId === flags.team);
    if (!team)
      throw new UsageError(
        `no team named ${JSON.stringify(flags.team)}${known(
          data.teams.map((t) => t.name),
          'teams',
        )}`,
      );
    return { teamId: team.externalId };
  }
  return { everyone: true };
}

function known(names: string[], what: string): string {
  if (!names.length) return `; the data has no ${what}`;
  const sorted = [...names].sort();
  return `; ${what} are: ${sorted.slice(0, 8).join(', ')}${sorted.length > 8 ? `, … (${sorted.length})` : ''}`;
}

function inputNote(loaded: LoadedData, asOfSource: string, summary: WeeklySummary, csvLine: string | undefined): string {
  const lines: string[] = [];
  if (csvLine !== undefined) lines.push(csvLine);
  const read =
    csvLine !== undefined
      ? 'Summary'
      : `Read ${loaded.data.deals.length.toLocaleString('en-US')} deals, ${loaded.data.activities.length.toLocaleString('en-US')} activities`;
  lines.push(`${read}; week ${summary.week.label} (${summary.week.firstDay}..${summary.week.lastDay}); as of: ${asOfSource}.`);
  if (loaded.rejectCount) {
    lines.push(`${loaded.rejectCount.toLocaleString('en-US')} rejected:`);
    for (const reject of loaded.rejects.slice(0, 5)) lines.push(`  ${reject.where}: ${reject.reason}`);
    if (loaded.rejectCount > 5) lines.push(`  … and ${(loaded.rejectCount - 5).toLocaleString('en-US')} more`);
  }
  for (const note of loaded.notes) lines.push(`Note: ${note}`);
  return `${lines.join('\n')}\n`;
}
