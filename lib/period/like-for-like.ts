import { TZDate, tz } from '@date-fns/tz';
import { addDays, addMonths, differenceInCalendarDays, differenceInCalendarMonths, startOfDay, startOfMonth } from 'date-fns';
import { assertCalendar } from './periods';
import type { CalendarOptions, Period, PeriodKind } from './types';

/** Part of a period, [start, end) in ms: what exists of it at some instant. */
export type Span = { start: number; end: number };

/**
 * A period and its comparison, both seen as of one instant.
 * - `current`: the period's start up to and including `asOf` (the whole period once it is over);
 * - `comparisonAt`: the instant the comparison is seen at. While the period is in progress, it is `asOf`
 *   moved back by the calendar distance between the two periods (6 Dec 14:00 → 6 Nov 14:00; 31 Mar →
 *   28 Feb, clamped to the month's end; the same weekday and time for weeks), so both spans have run
 *   for the same part of their calendar; once the period is over, it is `asOf` itself;
 * - `comparison`: the comparison period up to and including `comparisonAt`.
 */
export type LikeForLike = {
  /** The period is still in progress at `asOf`: its numbers cover only part of it. */
  partial: boolean;
  current: Span;
  comparison: Span;
  comparisonAt: number;
};

const MONTH_KINDS: ReadonlySet<PeriodKind> = new Set(['month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year']);

/** The spans of a period and of its comparison as of `asOf` (see LikeForLike). */
export function likeForLike(period: Period, compare: Period, asOf: number, calendar: CalendarOptions): LikeForLike {
  if (!Number.isFinite(asOf)) throw new Error(`asOf must be a finite instant, got ${asOf}`);
  const partial = asOf + 1 < period.end;
  // Never after asOf: a comparison is of what had happened by then (a period not begun yet compares with nothing).
  const comparisonAt = partial ? Math.min(asOf, correspondingInstant(period, compare, asOf, calendar)) : asOf;
  return {
    partial,
    current: spanAt(period, asOf),
    comparison: spanAt(compare, comparisonAt),
    comparisonAt,
  };
}

/** What exists of a period at `at`: [start, at] clamped to the period, empty before it starts. */
export function spanAt(period: Pick<Period, 'start' | 'end'>, at: number): Span {
  return { start: period.start, end: Math.max(period.start, Math.min(period.end, at + 1)) };
}

/**
 * The instant in `compare` that corresponds to `asOf` in `period`: the same number of calendar months
 * (then days, clamped to the month's end) and the same wall-clock time after its start for periods made
 * of months; the same number of local days and the same time for days, weeks and custom ranges; the same
 * length in ms where a boundary is not a local midnight. Clamped into the compare period.
 */
export function correspondingInstant(period: Period, compare: Period, asOf: number, calendar: CalendarOptions): number {
  assertCalendar(calendar);
  const zone = calendar.timeZone;
  const ctx = { in: tz(zone) };
  const at = new TZDate(asOf, zone);
  const isMidnight = (t: number) => startOfDay(t, ctx).getTime() === t;
  const isMonthStart = (t: number) => startOfMonth(t, ctx).getTime() === t;
  let moved: number;
  if (MONTH_KINDS.has(period.kind) && isMonthStart(period.start) && isMonthStart(compare.start)) {
    const months = differenceInCalendarMonths(period.start, compare.start, ctx);
    // date-fns keeps the wall-clock time and clamps the day to the end of a shorter month.
    moved = addMonths(at, -months).getTime();
  } else if (isMidnight(period.start) && isMidnight(compare.start)) {
    moved = addDays(at, -differenceInCalendarDays(period.start, compare.start, ctx)).getTime();
  } else {
    moved = compare.start + (asOf - period.start);
  }
  return Math.min(compare.end - 1, Math.max(compare.start - 1, moved));
}
