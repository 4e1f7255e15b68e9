import { customPeriod, instantToLocalDate, localDateToInstant, periodContaining, previousPeriod, type CalendarUnit } from '../period';
import type { CalendarOptions, Period } from '../period/types';
import type { SidebarUiState } from '../settings/ui-state';
import type { CompareChoice } from './choices';

export type PeriodChoice = SidebarUiState['period'];
export type ViewChoice = SidebarUiState['view'];

export { COMPARE_CHOICES, type CompareChoice } from './choices';

/** A custom range as the rep typed it: local dates, both days included. */
export type DateRange = { from: string; to: string };

/**
 * Which numbers a page asks for: one source, a view (the rep, or the team), a period with its
 * comparison, and optionally one rep of the team (a team lead's drill-down).
 */
export type ViewSelection = {
  source: string;
  view: ViewChoice;
  period: PeriodChoice;
  range?: DateRange;
  compare?: CompareChoice;
  /** A team member whose personal numbers a team lead opens from the leaderboard. */
  ownerId?: string;
};

const UNITS: Record<Exclude<PeriodChoice, 'custom' | 'today'>, CalendarUnit> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  'fiscal-quarter': 'fiscal-quarter',
  'fiscal-year': 'fiscal-year',
};

/**
 * The period a choice means at `asOf`: the day, week, month... holding it, or the custom range.
 * A custom choice without a range (the rep has not typed dates yet) shows this month.
 * Throws with a readable message for a range that is not real dates or runs backwards.
 */
export function selectedPeriod(choice: PeriodChoice, asOf: number, calendar: CalendarOptions, range?: DateRange): Period {
  if (choice === 'today') return periodContaining('day', asOf, calendar);
  if (choice === 'custom') return range ? customPeriod(range.from, range.to, calendar) : periodContaining('month', asOf, calendar);
  return periodContaining(UNITS[choice], asOf, calendar);
}

/**
 * The comparison period: `previous` is the period of the same kind just before (lib/period);
 * `last-year` is the same period one year earlier (the same dates for a day or a custom range,
 * the week/month/quarter holding the date one year back otherwise); `none` compares with nothing.
 */
export function comparisonPeriod(period: Period, compare: CompareChoice, calendar: CalendarOptions): Period | null {
  if (compare === 'none') return null;
  if (compare === 'previous') return previousPeriod(period, calendar);
  const zone = calendar.timeZone;
  const start = yearEarlier(period.start, zone);
  if (period.kind === 'custom') {
    const lastDay = instantToLocalDate(period.end - 1, zone);
    const end = shiftYear(lastDay, -1);
    return customPeriod(instantToLocalDate(start, zone), end, calendar);
  }
  return periodContaining(period.kind, start, calendar);
}

/** Both periods of a selection at `asOf`. */
export function resolvePeriods(
  selection: Pick<ViewSelection, 'period' | 'range' | 'compare'>,
  asOf: number,
  calendar: CalendarOptions,
): { period: Period; compare: Period | null } {
  const period = selectedPeriod(selection.period, asOf, calendar, selection.range);
  return { period, compare: comparisonPeriod(period, selection.compare ?? 'previous', calendar) };
}

/** A stable text key for caching what was computed for a selection. */
export function selectionKey(selection: ViewSelection): string {
  const range = selection.period === 'custom' && selection.range ? `${selection.range.from}..${selection.range.to}` : '';
  return [selection.source, selection.view, selection.ownerId ?? '', selection.period, range, selection.compare ?? 'previous'].join('|');
}

/** Local midnight of the same calendar date one year earlier (29 February becomes 28 February). */
function yearEarlier(instant: number, zone: string): number {
  const date = shiftYear(instantToLocalDate(instant, zone), -1);
  const at = localDateToInstant(date, zone);
  if (at === undefined) throw new Error(`No local midnight on ${date} in ${zone}`);
  return at;
}

function shiftYear(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
