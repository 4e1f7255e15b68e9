/**
 * Contract of lib/period: reporting periods in the user's time zone.
 * A period is the half-open interval [start, end) in epoch milliseconds.
 */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscal-quarter' | 'fiscal-year' | 'custom';

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, 1 = Monday (the default)

export type CalendarOptions = {
  /** IANA zone, e.g. `Europe/Moscow`. Period boundaries are local midnights in this zone. */
  timeZone: string;
  /** First day of the week; Monday (1) by default, Sunday (0) for en-US. */
  weekStartsOn: Weekday;
  /** Month (1–12) the fiscal year starts in; 1 = calendar year. */
  fiscalYearStartMonth: number;
};

export type Period = {
  kind: PeriodKind;
  /** Inclusive start, ms. */
  start: number;
  /** Exclusive end, ms. */
  end: number;
  /** A stable label such as `2017-06`, `2017-Q2`, `2017-W23`, `FY2018-Q1`, `2017-06-01..2017-06-30`. */
  label: string;
};
