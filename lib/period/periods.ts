import { TZDate, tz } from '@date-fns/tz';
import {
  addDays,
  addMonths,
  addWeeks,
  addYears,
  differenceInCalendarDays,
  format,
  getISOWeek,
  getISOWeekYear,
  getWeek,
  getWeekYear,
  startOfDay,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  startOfYear,
} from 'date-fns';
import { localDateToInstant } from './local-date';
import type { CalendarOptions, Period, PeriodKind } from './types';

/** Every period kind that is a unit of the calendar (everything but `custom`). */
export type CalendarUnit = Exclude<PeriodKind, 'custom'>;

export const CALENDAR_UNITS: readonly CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year'];

/** Week numbering rule passed to date-fns for weeks that do not start on Monday (see `weekLabel`). */
export function weekNumbering(calendar: CalendarOptions) {
  return { weekStartsOn: calendar.weekStartsOn, firstWeekContainsDate: 1 as const };
}

/**
 * The label of the week that starts at `weekStart`.
 * - Monday starts (the default): the ISO 8601 week, `2017-W23`; week 1 holds the year's first Thursday
 *   and the week-year may differ from the calendar year at New Year.
 * - Any other start day (Sunday for en-US): the US/Outlook rule, week 1 is the week that contains
 *   January 1, so the week of Sun 28 Dec 2014 – Sat 3 Jan 2015 is `2015-W01`.
 */
export function weekLabel(weekStart: Date, calendar: CalendarOptions): string {
  if (calendar.weekStartsOn === 1) {
    return `${getISOWeekYear(weekStart)}-W${pad2(getISOWeek(weekStart))}`;
  }
  const rule = weekNumbering(calendar);
  return `${getWeekYear(weekStart, rule)}-W${pad2(getWeek(weekStart, rule))}`;
}

/**
 * The calendar unit of `kind` that contains the instant `at`, from local midnight to local midnight
 * in `calendar.timeZone`, so a day is 23 or 25 hours long on daylight-saving changes.
 *
 * Fiscal years start on the 1st of `calendar.fiscalYearStartMonth` and are named after the calendar year
 * they END in: with an April start, April 2017 – March 2018 is `FY2018` and its first quarter
 * (April–June 2017) is `FY2018-Q1`. With a January start, FY2018 is simply the calendar year 2018.
 */
export function periodContaining(kind: CalendarUnit, at: number, calendar: CalendarOptions): Period {
  assertCalendar(calendar);
  if (!Number.isFinite(at)) throw new Error(`Cannot find the ${kind} containing a non-finite instant (${at})`);
  const key = `${kind}|${calendar.timeZone}|${calendar.weekStartsOn}|${calendar.fiscalYearStartMonth}`;
  let found = recentPeriods.get(key);
  if (!found) {
    if (recentPeriods.size >= RECENT_KEYS) recentPeriods.clear();
    recentPeriods.set(key, (found = []));
  }
  for (const period of found) if (period.start <= at && at < period.end) return { ...period };
  const period = findPeriodContaining(kind, at, calendar);
  found.unshift(period);
  if (found.length > RECENT_PERIODS) found.pop();
  return { ...period };
}

/**
 * The periods found lately, per kind and calendar. The periods of one kind partition time, so a period
 * found before that contains `at` is the one that would be found again. A query asks for the same few
 * many times (today, this week, its period and the one before, the months its quotas are spread over),
 * and each costs zoned date arithmetic: tens of µs warm, far more in a cold worker's first query.
 */
const recentPeriods = new Map<string, Period[]>();
const RECENT_PERIODS = 24;
const RECENT_KEYS = 64;

/** `periodContaining` without its memory of recent periods (exported for its test). */
export function findPeriodContaining(kind: CalendarUnit, at: number, calendar: CalendarOptions): Period {
  const ctx = { in: tz(calendar.timeZone) };
  switch (kind) {
    case 'day': {
      const start = startOfDay(at, ctx);
      return make(kind, start, addDays(start, 1, ctx), format(start, 'yyyy-MM-dd'), ctx);
    }
    case 'week': {
      const start = startOfWeek(at, { ...ctx, weekStartsOn: calendar.weekStartsOn });
      return make(kind, start, addWeeks(start, 1, ctx), weekLabel(start, calendar), ctx);
    }
    case 'month': {
      const start = startOfMonth(at, ctx);
      return make(kind, start, addMonths(start, 1, ctx), format(start, 'yyyy-MM'), ctx);
    }
    case 'quarter': {
      const start = startOfQuarter(at, ctx);
      return make(kind, start, addMonths(start, 3, ctx), format(start, "yyyy-'Q'Q"), ctx);
    }
    case 'year': {
      const start = startOfYear(at, ctx);
      return make(kind, start, addYears(start, 1, ctx), format(start, 'yyyy'), ctx);
    }
    case 'fiscal-year': {
      const { start, name } = fiscalYearStart(at, calendar);
      return make(kind, start, addYears(start, 1, ctx), name, ctx);
    }
    case 'fiscal-quarter': {
      const { start: yearStart, name } = fiscalYearStart(at, calendar);
      const local = new TZDate(at, calendar.timeZone);
      const monthsIn = (local.getMonth() - yearStart.getMonth() + 12) % 12;
      const quarter = Math.floor(monthsIn / 3);
      const start = addMonths(yearStart, quarter * 3, ctx);
      return make(kind, start, addMonths(start, 3, ctx), `${name}-Q${quarter + 1}`, ctx);
    }
  }
}

/**
 * The period just before: the previous unit of the same kind (the previous month for a month, so
 * 31 days before July but 30 before June), or, for a custom period, a period of the same number of
 * local days ending where this one starts (the same length in ms when a boundary is not a midnight).
 */
export function previousPeriod(period: Period, calendar: CalendarOptions): Period {
  if (period.kind !== 'custom') return periodContaining(period.kind, period.start - 1, calendar);
  assertCalendar(calendar);
  const ctx = { in: tz(calendar.timeZone) };
  const start = startOfDay(period.start, ctx);
  const end = startOfDay(period.end, ctx);
  if (start.getTime() === period.start && end.getTime() === period.end) {
    const days = differenceInCalendarDays(end, start, ctx);
    const prevStart = dayStartAfter(start, -days, ctx);
    const lastDay = addDays(start, -1, ctx);
    return {
      kind: 'custom',
      start: prevStart.getTime(),
      end: period.start,
      label: `${format(prevStart, 'yyyy-MM-dd')}..${format(lastDay, 'yyyy-MM-dd')}`,
    };
  }
  const length = period.end - period.start;
  return { kind: 'custom', start: period.start - length, end: period.start, label: `${period.label} (previous)` };
}

/**
 * A custom period from the first local date to the last one, both included (`2017-06-01`, `2017-06-30`
 * is the whole of June). Throws when a date is not a real `YYYY-MM-DD` date or the range is backwards.
 */
export function customPeriod(startDate: string, endDateInclusive: string, calendar: CalendarOptions): Period {
  assertCalendar(calendar);
  const start = localDateToInstant(startDate, calendar.timeZone);
  const lastDay = localDateToInstant(endDateInclusive, calendar.timeZone);
  if (start === undefined) throw new Error(`"${startDate}" is not a date: expected YYYY-MM-DD`);
  if (lastDay === undefined) throw new Error(`"${endDateInclusive}" is not a date: expected YYYY-MM-DD`);
  if (lastDay < start) throw new Error(`The period ends (${endDateInclusive}) before it starts (${startDate})`);
  const ctx = { in: tz(calendar.timeZone) };
  const end = dayStartAfter(new TZDate(lastDay, calendar.timeZone), 1, ctx).getTime();
  return { kind: 'custom', start, end, label: `${startDate}..${endDateInclusive}` };
}

/** Checks the calendar once so a typo in a zone name fails loudly instead of silently using UTC. */
export function assertCalendar(calendar: CalendarOptions): void {
  const { fiscalYearStartMonth, weekStartsOn, timeZone } = calendar;
  if (!Number.isInteger(fiscalYearStartMonth) || fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
    throw new Error(`fiscalYearStartMonth must be a month number 1–12, got ${fiscalYearStartMonth}`);
  }
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new Error(`weekStartsOn must be 0 (Sunday) to 6 (Saturday), got ${weekStartsOn}`);
  }
  if (!knownZones.has(timeZone)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
    } catch {
      throw new Error(`Unknown time zone "${timeZone}": expected an IANA name such as Europe/Moscow`);
    }
    knownZones.add(timeZone);
  }
}

const knownZones = new Set<string>();

function fiscalYearStart(at: number, calendar: CalendarOptions): { start: TZDate; name: string } {
  const local = new TZDate(at, calendar.timeZone);
  const startMonth = calendar.fiscalYearStartMonth - 1;
  const year = local.getMonth() >= startMonth ? local.getFullYear() : local.getFullYear() - 1;
  const start = new TZDate(year, startMonth, 1, calendar.timeZone);
  const endsIn = startMonth === 0 ? year : year + 1;
  return { start, name: `FY${endsIn}` };
}

/**
 * The start of the local day `days` days from `date`'s (back when negative). `addDays` alone keeps the
 * time of day, so from a day that began at 01:00 because DST skipped its midnight (Havana, Santiago) it
 * lands an hour into the day.
 */
export function dayStartAfter(date: Date, days: number, ctx: { in: ReturnType<typeof tz> }): TZDate {
  return startOfDay(addDays(date, days, ctx), ctx);
}

/**
 * Both bounds at the start of their local day. Adding days, weeks or months to a day that began at
 * 01:00 because DST skipped its midnight (Havana, Santiago) keeps that 01:00, an hour into the day.
 */
function make(kind: PeriodKind, start: Date, end: Date, label: string, ctx: { in: ReturnType<typeof tz> }): Period {
  return { kind, start: dayStart(start, ctx), end: dayStart(end, ctx), label };
}

/** `startOfDay`, skipped for a local midnight (nearly every bound: it costs 20 µs a call). */
function dayStart(date: Date, ctx: { in: ReturnType<typeof tz> }): number {
  const midnight = date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0 && date.getMilliseconds() === 0;
  return (midnight ? date : startOfDay(date, ctx)).getTime();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
