import { DAY_MS } from '../../period/units';
import type { KpiData, KpiQuery } from '../../kpi/types';
import { instantToLocalDate, localDateToInstant, parsePeriodSpec, periodContaining } from '../../period';
import type { CalendarOptions, Period } from '../../period/types';
import { UsageError } from '../types';

/** Meetings whose type or title holds one of these count as demos. */
export const DEMO_KEYWORDS = ['demo', 'демо', 'trial', 'пробн', 'presentation', 'презентац'] as const;
export const STALE_DAYS = 14;

export type QueryFlags = { period?: string; asOf?: string; owner?: string; currency?: string; rates?: Readonly<Record<string, number>> };

export type BuiltQuery = { query: KpiQuery; ownerName?: string; asOfSource: 'flag' | 'latest close date' | 'latest record date' | 'clock' };

/**
 * Turns the command's flags into a KPI query. "Now" (`asOf`) is `--as-of`
 * (the end of that day), else the latest close date in the data, so an old
 * export gives the numbers of its own time rather than an empty "this month";
 * only data without any date falls back to the clock. The period defaults to
 * the month holding `asOf`.
 */
export function buildQuery(data: KpiData, flags: QueryFlags, calendar: CalendarOptions, now: number): BuiltQuery {
  const checked = checkQueryFlags(flags, calendar);
  let asOf: number;
  let asOfSource: BuiltQuery['asOfSource'];
  if (checked.asOf !== undefined) {
    asOf = checked.asOf;
    asOfSource = 'flag';
  } else {
    const latestClose = latest(data.deals.map((deal) => deal.closedAt));
    const latestAny = latest([
      ...data.deals.flatMap((deal) => [deal.createdAt, deal.expectedCloseAt]),
      ...data.activities.map((activity) => activity.occurredAt),
      ...data.leads.map((lead) => lead.createdAt),
    ]);
    const day = latestClose ?? latestAny;
    asOf = day === undefined ? now : endOfLocalDay(day, calendar.timeZone);
    asOfSource = latestClose !== undefined ? 'latest close date' : latestAny !== undefined ? 'latest record date' : 'clock';
  }
  const period = checked.period ?? periodContaining('month', asOf, calendar);
  const scope = flags.owner === undefined ? { ownerIds: 'all' as const } : { ownerIds: ownersNamed(data, flags.owner) };
  const reporting = checked.currency ?? dominantCurrency(data) ?? 'USD';
  return {
    query: {
      period,
      asOf,
      scope,
      calendar,
      currency: { reporting, rates: { ...flags.rates } },
      settings: { demoKeywords: [...DEMO_KEYWORDS], staleDays: STALE_DAYS },
    },
    ownerName: flags.owner,
    asOfSource,
  };
}

/** The flags that need no data, read before a big file is: a typo in --period fails at once. */
export function checkQueryFlags(flags: QueryFlags, calendar: CalendarOptions): { period?: Period; asOf?: number; currency?: string } {
  let period: Period | undefined;
  try {
    period = flags.period === undefined ? undefined : parsePeriodSpec(flags.period, calendar);
  } catch (error) {
    throw new UsageError(`bad --period: ${error instanceof Error ? error.message : String(error)}`);
  }
  const currency = flags.currency?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency))
    throw new UsageError(`bad --currency ${JSON.stringify(flags.currency)}: expected an ISO code such as USD`);
  return { period, asOf: flags.asOf === undefined ? undefined : readAsOf(flags.asOf, calendar.timeZone), currency };
}

/** `YYYY-MM-DD` means the end of that day in the zone; an ISO date-time is taken as it is. */
function readAsOf(text: string, zone: string): number {
  const date = localDateToInstant(text.trim(), zone);
  if (date !== undefined) return endOfLocalDay(date, zone);
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new UsageError(`bad --as-of ${JSON.stringify(text)}: expected a date as YYYY-MM-DD`);
  return ms;
}

function endOfLocalDay(instant: number, zone: string): number {
  const date = instantToLocalDate(instant, zone);
  const start = localDateToInstant(date, zone) ?? instant;
  // The next local midnight, found past any DST change by stepping 26 hours and flooring to that date.
  const next = localDateToInstant(instantToLocalDate(start + 26 * 3_600_000, zone), zone) ?? start + DAY_MS;
  return next - 1;
}

function latest(values: readonly (number | undefined)[]): number | undefined {
  let best: number | undefined;
  for (const value of values) if (value !== undefined && (best === undefined || value > best)) best = value;
  return best;
}

/** The owners whose name is `name`, ignoring case and spacing; an unknown name is a usage error listing some known ones. */
function ownersNamed(data: KpiData, name: string): string[] {
  const key = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const ids = data.owners.filter((owner) => key(owner.name) === key(name)).map((owner) => owner.externalId);
  if (ids.length) return ids;
  const known = data.owners.map((owner) => owner.name).sort();
  const list = known.length ? `; owners are: ${known.slice(0, 8).join(', ')}${known.length > 8 ? `, … (${known.length})` : ''}` : '; the data has no owners';
  throw new UsageError(`no owner named ${JSON.stringify(name)}${list}`);
}

/** The currency most deal amounts are in: a ruble export reports in rubles. */
function dominantCurrency(data: KpiData): string | undefined {
  const counts = new Map<string, number>();
  for (const deal of data.deals) if (deal.amount) counts.set(deal.amount.currency, (counts.get(deal.amount.currency) ?? 0) + 1);
  let best: string | undefined;
  for (const [currency, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = currency;
  return best;
}
