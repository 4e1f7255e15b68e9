import { TZDate, tz } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, isWeekend, startOfDay } from 'date-fns';
import { splitPeriod } from './buckets';
import { instantToLocalDate } from './local-date';
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
  let day = startOfDay(period.start, ctx);
  if (day.getTime() < period.start) day = addDays(day, 1, ctx);
  let count = 0;
  while (day.getTime() < period.end) {
    if (!isWeekend(day)) count += 1;
    day = addDays(day, 1, ctx);
  }
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
export function monthsIn(period: Period, calendar: CalendarOptions): number {
  if (!(period.start < period.end)) return 0;
  let months = 0;
  for (const bucket of splitPeriod(period, 'month', calendar)) {
    const month = periodContaining('month', bucket.start, calendar);
    months += (bucket.end - bucket.start) / (month.end - month.start);
  }
  return months;
}

/** How a date range (quota, monthly spend) overlaps a period, in whole local days. */
export type DateRangeOverlap = { overlapDays: number; rangeDays: number };

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
  const rangeDays = daysBetween(startDate, endDateExclusive);
  const periodStart = instantToLocalDate(period.start, calendar.timeZone);
  const periodEnd = endDateOf(period, calendar);
  // YYYY-MM-DD strings sort like the dates they name.
  const from = startDate > periodStart ? startDate : periodStart;
  const to = endDateExclusive < periodEnd ? endDateExclusive : periodEnd;
  return { overlapDays: to > from ? daysBetween(from, to) : 0, rangeDays: Math.max(0, rangeDays) };
}

/** The first local date after the period (its exclusive end as a date); a partial last day counts. */
function endDateOf(period: Pick<Period, 'start' | 'end'>, calendar: CalendarOptions): string {
  const lastInstant = period.end - 1;
  const lastDay = instantToLocalDate(lastInstant, calendar.timeZone);
  const next = addDays(new TZDate(`${lastDay}T00:00:00Z`, 'UTC'), 1);
  return instantToLocalDate(next.getTime(), 'UTC');
}

/** Calendar days from one local date to another; time-zone free, since both are plain dates. */
function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(new TZDate(`${to}T00:00:00Z`, 'UTC'), new TZDate(`${from}T00:00:00Z`, 'UTC'));
}
