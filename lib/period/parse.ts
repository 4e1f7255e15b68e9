import { TZDate, tz } from '@date-fns/tz';
import { addWeeks, getISOWeekYear, getWeekYear, startOfISOWeekYear, startOfWeekYear } from 'date-fns';
import { localDateToInstant } from './local-date';
import { assertCalendar, customPeriod, periodContaining, weekNumbering } from './periods';
import type { CalendarOptions, Period } from './types';

const FORMS = '2017-06 (month), 2017-Q2, 2017, 2017-W23, FY2018, FY2018-Q1, 2017-06-05 (a day) or 2017-06-01..2017-06-30';

/**
 * Reads the period notations the CLI and saved views use:
 * `2017-06` month · `2017-Q2` quarter · `2017` year · `2017-W23` week (numbered as in `weekLabel`:
 * ISO 8601 for Monday starts; for other start days week 1 is the week holding January 1) ·
 * `FY2018` fiscal year (named after the year it ends in) · `FY2018-Q1` its first quarter ·
 * `2017-06-01..2017-06-30` custom range with an inclusive end date · `2017-06-05` one day.
 * Throws an Error naming the accepted forms for anything else, including dates that do not exist.
 */
export function parsePeriodSpec(spec: string, calendar: CalendarOptions): Period {
  assertCalendar(calendar);
  const text = spec.trim().toUpperCase();
  const zone = calendar.timeZone;
  let match: RegExpExecArray | null;

  if ((match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text))) {
    return customPeriod(match[1] as string, match[2] as string, calendar);
  }
  if ((match = /^\d{4}-\d{2}-\d{2}$/.exec(text))) {
    const at = localDateToInstant(text, zone);
    if (at === undefined) throw invalid(spec, 'that day does not exist');
    return periodContaining('day', at, calendar);
  }
  if ((match = /^(\d{4})-(\d{2})$/.exec(text))) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw invalid(spec, 'months are 01–12');
    return periodContaining('month', firstOfMonth(Number(match[1]), month, zone), calendar);
  }
  if ((match = /^(\d{4})-Q([1-4])$/.exec(text))) {
    const quarter = Number(match[2]);
    return periodContaining('quarter', firstOfMonth(Number(match[1]), quarter * 3 - 2, zone), calendar);
  }
  if ((match = /^(\d{4})$/.exec(text))) {
    return periodContaining('year', firstOfMonth(Number(match[1]), 1, zone), calendar);
  }
  if ((match = /^(\d{4})-W(\d{2})$/.exec(text))) {
    return weekPeriod(spec, Number(match[1]), Number(match[2]), calendar);
  }
  if ((match = /^FY(\d{4})(?:-Q([1-4]))?$/.exec(text))) {
    const endsIn = Number(match[1]);
    const startMonth = calendar.fiscalYearStartMonth;
    // FY2018 ends in 2018, so with a start month after January it starts in 2017.
    const startYear = startMonth === 1 ? endsIn : endsIn - 1;
    if (match[2] === undefined) {
      return periodContaining('fiscal-year', firstOfMonth(startYear, startMonth, zone), calendar);
    }
    const monthIndex = startMonth - 1 + (Number(match[2]) - 1) * 3; // months after January of startYear
    const year = startYear + Math.floor(monthIndex / 12);
    return periodContaining('fiscal-quarter', firstOfMonth(year, (monthIndex % 12) + 1, zone), calendar);
  }
  throw new Error(`Unknown period "${spec}": use ${FORMS}`);
}

function weekPeriod(spec: string, year: number, week: number, calendar: CalendarOptions): Period {
  if (week < 1 || week > 53) throw invalid(spec, 'weeks are 01–53');
  const ctx = { in: tz(calendar.timeZone) };
  // Mid-year is always inside the week-year of the same number, whatever the numbering rule.
  const midYear = new TZDate(year, 6, 1, calendar.timeZone);
  let start: Date;
  let weekYear: number;
  if (calendar.weekStartsOn === 1) {
    start = addWeeks(startOfISOWeekYear(midYear, ctx), week - 1, ctx);
    weekYear = getISOWeekYear(start, ctx);
  } else {
    const rule = { ...weekNumbering(calendar), ...ctx };
    start = addWeeks(startOfWeekYear(midYear, rule), week - 1, ctx);
    weekYear = getWeekYear(start, rule);
  }
  if (weekYear !== year) throw invalid(spec, `${year} has no week ${week}`);
  return periodContaining('week', start.getTime(), calendar);
}

function firstOfMonth(year: number, month: number, timeZone: string): number {
  return new TZDate(year, month - 1, 1, timeZone).getTime();
}

function invalid(spec: string, why: string): Error {
  return new Error(`Invalid period "${spec}": ${why}. Use ${FORMS}`);
}
