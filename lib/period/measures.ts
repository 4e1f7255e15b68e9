import { TZDate, tz } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, differenceInCalendarMonths, isWeekend, startOfDay } from 'date-fns';
import { DAY_MS } from './units';
import { instantToLocalDate, localDateToInstant } from './local-date';
import { assertCalendar, periodContaining } from './periods';
import type { CalendarOptions, Period } from './types';

/**
 * Monday-to-Friday days of a period: the local days whose midnight falls in [start, end).
 * Public holidays are not known here and count as working days. Per-working-day averages and
 * per-day activity targets divide by this.
 */
export function workingDaysIn(period: Pick<Period, 'start' | 'end'>, calendar: CalendarOptions): number {
  assertCalendar(calendar);
  if (!(period.start < period.end)) return 0;
  const ctx = { in: tz(calendar.timeZone) };
  const first = firstDayStartingAtOrAfter(period.start, ctx);
  const afterLast = firstDayStartingAtOrAfter(period.end, ctx);
  const days = differenceInCalendarDays(afterLast, first, ctx);
  if (days <= 0) return 0;
  // A calendar day the zone skipped (Apia's 30 December 2011) or lived twice is a whole day off the
  // clock, far more than any DST shift: such a span is walked day by day, as the skipped day never began.
  if (Math.abs(afterLast.getTime() - first.getTime() - days * DAY_MS) > CLOCK_JUMP_MS) return walkWorkingDays(first, afterLast, ctx);
  // Whole weeks hold 5 working days each; walk only the 0–6 days left over.
  const weeks = Math.floor(days / 7);
  return weeks * 5 + walkWorkingDays(startOfDay(addDays(first, weeks * 7, ctx), ctx), afterLast, ctx);
}

/** More than the largest DST shift any zone has used (two hours), less than a whole day. */
const CLOCK_JUMP_MS = 12 * 3_600_000;

/**
 * The start of the first local day that starts at or after `instant`. A day's start is its midnight,
 * or the first instant after it where a DST change skips midnight (Havana, Santiago): the next day
 * is re-started from its own start, not from this day's 01:00 plus 24 hours.
 */
function firstDayStartingAtOrAfter(instant: number, ctx: { in: ReturnType<typeof tz> }): TZDate {
  const day = startOfDay(instant, ctx);
  return day.getTime() < instant ? startOfDay(addDays(day, 1, ctx), ctx) : day;
}

/** Weekdays among the local midnights from `from` up to (not including) `afterLast`. */
function walkWorkingDays(from: TZDate, afterLast: TZDate, ctx: { in: ReturnType<typeof tz> }): number {
  let count = 0;
  for (let day = from; day.getTime() < afterLast.getTime(); day = startOfDay(addDays(day, 1, ctx), ctx)) if (!isWeekend(day)) count += 1;
  return count;
}

/**
 * How much of the period has passed at `asOf`, 0 to 1, measured in real time (a 25-hour day weighs a
 * little more). Quota pace assumes sales accrue on a straight line over this fraction.
 */
export function elapsedFraction(period: Pick<Period, 'start' | 'end'>, asOf: number): number {
  if (!(period.end > period.start) || !Number.isFinite(asOf)) return 0;
  if (asOf <= period.start) return 0;
  if (asOf >= period.end) return 1;
  return (asOf - period.start) / (period.end - period.start);
}

/**
 * The period's length in calendar months: each month it touches counts for the share of that month it
 * covers (June = 1, Q2 = 3, a week in June = 7/30). Monthly targets and monthly churn scale by it.
 */
export function monthsIn(period: Pick<Period, 'start' | 'end'>, calendar: CalendarOptions): number {
  if (!(period.start < period.end)) return 0;
  const first = periodContaining('month', period.start, calendar);
  const share = (from: number, to: number, month: Period) => (to - from) / (month.end - month.start);
  if (period.end <= first.end) return share(period.start, period.end, first);
  const last = periodContaining('month', period.end - 1, calendar);
  // Whole months in between are counted by the calendar; only the two ends are fractions.
  const whole = differenceInCalendarMonths(last.start, first.end, { in: tz(calendar.timeZone) });
  return share(period.start, first.end, first) + whole + share(last.start, period.end, last);
}

/** How a date range (quota, monthly spend) overlaps a period, in whole local days. */
export type DateRangeOverlap = { overlapDays: number; rangeDays: number };

/** A period as local dates: the first day in it and the first day after it (exclusive). */
export type LocalDateBounds = { startDate: string; endDate: string };

/**
 * Overlap of the local date range [startDate, endDateExclusive) with a period, in days. Quotas and spend
 * that cover a period partly count pro rata by these days. The period's bounds are read as the local
 * dates they fall on, so a period that does not start at midnight counts its first day in full.
 */
export function dateRangeOverlap(
  startDate: string,
  endDateExclusive: string,
  period: Pick<Period, 'start' | 'end'>,
  calendar: CalendarOptions,
): DateRangeOverlap {
  return overlapWithBounds(startDate, endDateExclusive, localDateBounds(period, calendar));
}

/** The same as dateRangeOverlap with the period's dates computed once (for many ranges against one period). */
export function overlapWithBounds(startDate: string, endDateExclusive: string, bounds: LocalDateBounds): DateRangeOverlap {
  const rangeDays = Math.max(0, daysBetween(startDate, endDateExclusive));
  // YYYY-MM-DD strings sort like the dates they name, so most ranges are ruled out without date math.
  const from = startDate > bounds.startDate ? startDate : bounds.startDate;
  const to = endDateExclusive < bounds.endDate ? endDateExclusive : bounds.endDate;
  return { overlapDays: to > from ? daysBetween(from, to) : 0, rangeDays };
}

export function localDateBounds(period: Pick<Period, 'start' | 'end'>, calendar: CalendarOptions): LocalDateBounds {
  const startDate = instantToLocalDate(period.start, calendar.timeZone);
  const lastDay = instantToLocalDate(period.end - 1, calendar.timeZone);
  return { startDate, endDate: nextDate(lastDay) };
}

/** Whether `YYYY-MM-DD` names a real day (the schema's pattern still lets 2017-02-30 through). */
export function isRealDate(date: string): boolean {
  return memo(`r${date}`, () => (localDateToInstant(date, 'UTC') === undefined ? 0 : 1)) === 1;
}

/** The local date after `date` (`2017-12-31` → `2018-01-01`). */
export function nextDate(date: string): string {
  return instantToLocalDate(addDays(new TZDate(`${date}T00:00:00Z`, 'UTC'), 1).getTime(), 'UTC');
}

/** The first day of the month after `month` (`2017-12` → `2018-01-01`). */
export function nextMonthStart(month: string): string {
  return memo(`m${month}`, () => instantToLocalDate(addMonths(new TZDate(`${month}-01T00:00:00Z`, 'UTC'), 1).getTime(), 'UTC'));
}

/**
 * Dates repeat a lot (every rep's June quota has the same dates), and date-fns with TZDate costs
 * microseconds per call, so the few distinct answers are remembered. Keys are plain dates, never
 * instants, so the cache stays small; it is cleared if it ever grows past a few thousand entries.
 */
const cache = new Map<string, string | number>();
function memo<T extends string | number>(key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit as T;
  if (cache.size > 5_000) cache.clear();
  const value = compute();
  cache.set(key, value);
  return value;
}

/** Calendar days from one local date to another; time-zone free, since both are plain dates. */
function daysBetween(from: string, to: string): number {
  return memo(`d${from}|${to}`, () => differenceInCalendarDays(new TZDate(`${to}T00:00:00Z`, 'UTC'), new TZDate(`${from}T00:00:00Z`, 'UTC')));
}
