import { TZDate, tz, tzOffset } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, differenceInCalendarMonths, isWeekend, startOfDay } from 'date-fns';
import { DAY_MS } from './units';
import { instantToLocalDate, localDateToInstant } from './local-date';
import { assertCalendar, dayStartAfter, periodContaining } from './periods';
import type { CalendarOptions, Period } from './types';

/**
 * Monday-to-Friday days of a period: the local days whose start (midnight, or the first instant after
 * it where DST skips midnight) falls in [start, end). Public holidays are not known here and count as
 * working days. Per-working-day averages and per-day activity targets divide by this.
 *
 * Counted on local day numbers from four offset look-ups, not by walking dates: every view's first
 * query asks for a dozen of them (targets per window, per-day averages), and date-fns' zoned date
 * arithmetic made them a tenth of a cold worker's first numbers.
 */
export function workingDaysIn(period: Pick<Period, 'start' | 'end'>, calendar: CalendarOptions): number {
  assertCalendar(calendar);
  if (!(period.start < period.end)) return 0;
  const zone = calendar.timeZone;
  const startOffset = offsetMs(zone, period.start);
  const endOffset = offsetMs(zone, period.end);
  // A calendar day the zone skipped (Apia's 30 December 2011) or lived twice moves its offset by a
  // whole day, far more than any DST shift: such a span is walked day by day, in zoned dates.
  if (Math.abs(endOffset - startOffset) > CLOCK_JUMP_MS) return walkedWorkingDays(period, zone);
  const first = firstDayFrom(period.start, startOffset, zone);
  const afterLast = firstDayFrom(period.end, endOffset, zone);
  return afterLast > first ? weekdaysBefore(afterLast) - weekdaysBefore(first) : 0;
}

/** More than the largest DST shift any zone has used (two hours), less than a whole day. */
const CLOCK_JUMP_MS = 12 * 3_600_000;

/** The zone's offset from UTC at an instant, in ms. */
const offsetMs = (zone: string, instant: number) => Math.round(tzOffset(zone, new Date(instant)) * 60_000);

/** The local day number (days since 1970-01-01 in the zone) an instant falls on, given its offset. */
const localDay = (instant: number, offset: number) => Math.floor((instant + offset) / DAY_MS);

/**
 * The local day number of the first day that starts at or after `instant`: its own day when the
 * instant just before it falls on an earlier date (a midnight, or the 01:00 that starts a day whose
 * midnight DST skipped; not the second midnight of a day that falls back over it), else the next.
 */
function firstDayFrom(instant: number, offset: number, zone: string): number {
  const day = localDay(instant, offset);
  return localDay(instant - 1, offsetMs(zone, instant - 1)) < day ? day : day + 1;
}

/** Weekdays among the local day numbers below `day`, counted from Monday 5 January 1970 (day 4). */
function weekdaysBefore(day: number): number {
  const sinceMonday = day - 4;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(5, sinceMonday - weeks * 7);
}

/** Weekdays among the starts of local days in [start, end), walked in zoned dates (a skipped day never starts). */
function walkedWorkingDays(period: Pick<Period, 'start' | 'end'>, zone: string): number {
  const ctx = { in: tz(zone) };
  let day = startOfDay(period.start, ctx);
  if (day.getTime() < period.start) day = dayStartAfter(day, 1, ctx);
  let count = 0;
  for (; day.getTime() < period.end; day = dayStartAfter(day, 1, ctx)) if (!isWeekend(day)) count += 1;
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
