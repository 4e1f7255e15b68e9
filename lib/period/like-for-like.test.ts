import { describe, expect, it } from 'vitest';
import { likeForLike } from './like-for-like';
import { instantToLocalDate, localDateToInstant } from './local-date';
import { parsePeriodSpec } from './parse';
import { previousPeriod } from './periods';
import type { CalendarOptions } from './types';

const UTC: CalendarOptions = { timeZone: 'UTC', weekStartsOn: 1, fiscalYearStartMonth: 1 };
const BERLIN: CalendarOptions = { ...UTC, timeZone: 'Europe/Berlin' };
const HOUR = 3_600_000;

/** A local date-time `YYYY-MM-DD HH:mm` in the calendar's zone. */
function local(text: string, calendar: CalendarOptions): number {
  const [date, time = '00:00'] = text.split(' ') as [string, string?];
  const midnight = localDateToInstant(date, calendar.timeZone);
  if (midnight === undefined) throw new Error(text);
  const [h, m] = time.split(':').map(Number) as [number, number];
  // Whole hours after midnight on days without a clock change (none of the times below fall on one).
  return midnight + h * HOUR + m * 60_000;
}
/** The local dates a span covers, first and last (end exclusive). */
const days = (span: { start: number; end: number }, calendar: CalendarOptions) => [
  instantToLocalDate(span.start, calendar.timeZone),
  instantToLocalDate(span.end - 1, calendar.timeZone),
];

describe('like-for-like spans', () => {
  it.each([
    // period, as of, compare choice → current days, comparison days, comparison instant
    ['2023-12', '2023-12-06 14:00', 'previous', ['2023-12-01', '2023-12-06'], ['2023-11-01', '2023-11-06'], '2023-11-06 14:00'], // 1–6 Dec vs 1–6 Nov
    ['2024-03', '2024-03-31 10:00', 'previous', ['2024-03-01', '2024-03-31'], ['2024-02-01', '2024-02-29'], '2024-02-29 10:00'], // 31 Mar → 29 Feb (leap year, clamped)
    ['2023-03', '2023-03-30 10:00', 'previous', ['2023-03-01', '2023-03-30'], ['2023-02-01', '2023-02-28'], '2023-02-28 10:00'], // 30 Mar → 28 Feb (clamped)
    ['2023-12', '2023-12-06 14:00', '2022-12', ['2023-12-01', '2023-12-06'], ['2022-12-01', '2022-12-06'], '2022-12-06 14:00'], // the same days a year earlier
    ['2023-Q4', '2023-12-06 14:00', 'previous', ['2023-10-01', '2023-12-06'], ['2023-07-01', '2023-09-06'], '2023-09-06 14:00'], // 3 months back
    ['2023-W49', '2023-12-06 14:00', 'previous', ['2023-12-04', '2023-12-06'], ['2023-11-27', '2023-11-29'], '2023-11-29 14:00'], // Mon–Wed vs Mon–Wed
    ['2023-W49', '2023-12-06 14:00', '2022-W48', ['2023-12-04', '2023-12-06'], ['2022-11-28', '2022-11-30'], '2022-11-30 14:00'], // a year back: the week holding Sun 4 Dec 2022 starts Mon 28 Nov; + 2 days
    ['2024', '2024-02-29 09:00', 'previous', ['2024-01-01', '2024-02-29'], ['2023-01-01', '2023-02-28'], '2023-02-28 09:00'], // 29 Feb → 28 Feb
  ] as const)('%s as of %s against %s: %j vs %j', (spec, asOfText, against, current, comparison, comparisonAt) => {
    const period = parsePeriodSpec(spec, UTC);
    const compare = against === 'previous' ? previousPeriod(period, UTC) : parsePeriodSpec(against, UTC);
    const result = likeForLike(period, compare, local(asOfText, UTC), UTC);
    expect(result.partial).toBe(true);
    expect(days(result.current, UTC)).toEqual(current);
    expect(days(result.comparison, UTC)).toEqual(comparison);
    expect(result.comparisonAt).toBe(local(comparisonAt, UTC));
    expect(result.comparison.end).toBe(result.comparisonAt + 1); // the instant itself is in
  });

  it('compares a period that is over with the whole comparison period', () => {
    const june = parsePeriodSpec('2017-06', UTC);
    const asOf = local('2017-07-15 12:00', UTC);
    const result = likeForLike(june, previousPeriod(june, UTC), asOf, UTC);
    expect(result.partial).toBe(false);
    expect(result.current).toEqual({ start: june.start, end: june.end });
    expect(days(result.comparison, UTC)).toEqual(['2017-05-01', '2017-05-31']);
    expect(result.comparisonAt).toBe(asOf);
  });

  it('treats the last millisecond of the period as the whole period', () => {
    const june = parsePeriodSpec('2017-06', UTC);
    expect(likeForLike(june, previousPeriod(june, UTC), june.end - 1, UTC).partial).toBe(false);
    expect(likeForLike(june, previousPeriod(june, UTC), june.end - 2, UTC).partial).toBe(true);
  });

  it('gives empty spans before a period starts', () => {
    const june = parsePeriodSpec('2017-06', UTC);
    const result = likeForLike(june, previousPeriod(june, UTC), june.start - 1, UTC);
    expect(result.current).toEqual({ start: june.start, end: june.start });
    expect(result.comparison.end - result.comparison.start).toBe(0);
  });

  it('keeps the wall-clock time across a daylight-saving change (Berlin, 26 March 2023)', () => {
    const april = parsePeriodSpec('2023-04', BERLIN);
    // 5 April 09:00 CEST (UTC+2) corresponds to 5 March 09:00 CET (UTC+1): 31 days and 23 hours earlier.
    const asOf = local('2023-04-05 09:00', BERLIN);
    const result = likeForLike(april, previousPeriod(april, BERLIN), asOf, BERLIN);
    expect(result.comparisonAt).toBe(local('2023-03-05 09:00', BERLIN));
    expect(asOf - result.comparisonAt).toBe(31 * 24 * HOUR - HOUR);
  });

  it('moves a custom range by its own length in days', () => {
    const range = { kind: 'custom' as const, start: local('2017-06-10', UTC), end: local('2017-06-20', UTC), label: '2017-06-10..2017-06-19' };
    const result = likeForLike(range, previousPeriod(range, UTC), local('2017-06-12 08:00', UTC), UTC);
    // 10 days long: the comparison is 31 May–9 June, and 12 June 08:00 → 2 June 08:00
    expect(days(result.comparison, UTC)).toEqual(['2017-05-31', '2017-06-02']);
    expect(result.comparisonAt).toBe(local('2017-06-02 08:00', UTC));
  });
});
