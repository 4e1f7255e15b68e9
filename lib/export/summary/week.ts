import { instantToLocalDate, likeForLike, parsePeriodSpec, periodContaining, previousPeriod, type Span } from '../../period';
import type { CalendarOptions, Period } from '../../period/types';

export type SummaryWeek = {
  week: Period;
  previous: Period;
  firstDay: string;
  lastDay: string;
  /** The week is in progress at `now`. */
  partial: boolean;
  /** The instant last week is read at: the same point of it while this week runs, else `now`. */
  comparisonAt: number;
  /** Last week as compared: up to `comparisonAt`. */
  comparison: Span;
  /** Where the open pipeline is taken: the week's last moment, or `now` while it runs. */
  openAt: number;
};

/**
 * The week a summary covers: the one named by `spec` (`2017-W23`, numbered as lib/period numbers weeks
 * for the calendar's week start), or else the last full week before `now` — on a Monday morning, the
 * week that just ended. A week that has not started by `now` has no numbers yet and is refused.
 */
export function resolveWeek(spec: string | undefined, now: number, calendar: CalendarOptions): SummaryWeek {
  let week: Period;
  if (spec === undefined || spec.trim() === '') {
    week = previousPeriod(periodContaining('week', now, calendar), calendar);
  } else {
    if (!/^\s*\d{4}-W\d{2}\s*$/i.test(spec)) throw new Error(`"${spec}" is not a week: expected a week such as 2017-W23`);
    week = parsePeriodSpec(spec, calendar);
  }
  if (week.start > now) {
    throw new Error(`the week ${week.label} has not started yet (now is ${instantToLocalDate(now, calendar.timeZone)})`);
  }
  const previous = previousPeriod(week, calendar);
  const spans = likeForLike(week, previous, now, calendar);
  return {
    week,
    previous,
    firstDay: instantToLocalDate(week.start, calendar.timeZone),
    lastDay: instantToLocalDate(week.end - 1, calendar.timeZone),
    partial: spans.partial,
    comparisonAt: spans.comparisonAt,
    comparison: spans.comparison,
    openAt: Math.min(now, week.end - 1),
  };
}

/** The label of the week `offset` weeks away from `week` (−1 the week before, +1 the week after). */
export function shiftWeek(week: Period, offset: number, calendar: CalendarOptions): Period {
  let current = week;
  const step = Math.sign(offset);
  for (let i = 0; i < Math.abs(offset); i += 1) {
    current = step < 0 ? previousPeriod(current, calendar) : periodContaining('week', current.end, calendar);
  }
  return current;
}
