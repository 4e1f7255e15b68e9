/** The flags that shape periods and money: `--week-start`, `--fiscal-year-start`, `--rate CUR=RATE`. */
import type { CalendarOptions, Weekday } from '../../period/types';
import { listValues } from '../args';
import { UsageError } from '../types';

export type CalendarFlags = { 'week-start'?: string; 'fiscal-year-start'?: string; rate?: string[] };

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The calendar of a command: the zone, the first day of the week (Monday by default) and the fiscal year's first month. */
export function calendarFrom(timeZone: string, flags: CalendarFlags): CalendarOptions {
  return { timeZone, weekStartsOn: weekStart(flags['week-start']), fiscalYearStartMonth: fiscalStart(flags['fiscal-year-start']) };
}

/** `monday`, `Sun`, or 0–6 (0 = Sunday, 1 = Monday, as JavaScript numbers weekdays). */
function weekStart(text: string | undefined): Weekday {
  if (text === undefined) return 1;
  const value = text.trim().toLowerCase();
  const named = WEEKDAYS.findIndex((day) => value.length >= 3 && day.startsWith(value));
  const day = named >= 0 ? named : /^[0-6]$/.test(value) ? Number(value) : -1;
  if (day < 0) throw new UsageError(`bad --week-start ${JSON.stringify(text)}: use a day such as monday or sunday (or 0–6, 0 = Sunday)`);
  return day as Weekday;
}

/** `4`, `april` or `apr`: the month the fiscal year starts in. */
function fiscalStart(text: string | undefined): number {
  if (text === undefined) return 1;
  const value = text.trim().toLowerCase();
  const named = MONTHS.findIndex((month) => value.length >= 3 && month.startsWith(value));
  const month = named >= 0 ? named + 1 : /^(1[0-2]|[1-9])$/.test(value) ? Number(value) : -1;
  if (month < 0) throw new UsageError(`bad --fiscal-year-start ${JSON.stringify(text)}: use a month such as 4 or april`);
  return month;
}

/**
 * `--rate EUR=1.08` (repeatable, or comma-separated): how many units of the reporting currency one unit
 * of EUR is worth. Amounts in a currency without a rate are left out of sums and counted, never summed as is.
 */
export function ratesFrom(values: readonly string[] | undefined): Record<string, number> {
  const rates: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const entry of listValues(values) ?? []) {
    const match = /^([A-Za-z]{3})\s*=\s*([0-9]*\.?[0-9]+(?:e[+-]?\d+)?)$/i.exec(entry);
    const rate = match ? Number(match[2]) : Number.NaN;
    if (!match || !Number.isFinite(rate) || rate <= 0) throw new UsageError(`bad --rate ${JSON.stringify(entry)}: expected CUR=RATE such as EUR=1.08`);
    rates[(match[1] as string).toUpperCase()] = rate;
  }
  return rates;
}
