import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from './parse';
import type { CalendarOptions } from './types';

const UTC: CalendarOptions = { timeZone: 'UTC', weekStartsOn: 1, fiscalYearStartMonth: 1 };
const US: CalendarOptions = { timeZone: 'America/New_York', weekStartsOn: 0, fiscalYearStartMonth: 10 };
const APRIL_FY: CalendarOptions = { timeZone: 'Europe/Moscow', weekStartsOn: 1, fiscalYearStartMonth: 4 };
const utc = (iso: string) => Date.parse(iso);

describe('parsePeriodSpec', () => {
  const rows: [string, CalendarOptions, string, string, string, string][] = [
    // spec, calendar, kind, start (UTC), end (UTC), label
    ['2017-06', UTC, 'month', '2017-06-01T00:00:00Z', '2017-07-01T00:00:00Z', '2017-06'],
    ['2017-Q2', UTC, 'quarter', '2017-04-01T00:00:00Z', '2017-07-01T00:00:00Z', '2017-Q2'],
    ['2017', UTC, 'year', '2017-01-01T00:00:00Z', '2018-01-01T00:00:00Z', '2017'],
    // ISO week 23 of 2017 runs Mon 5 – Sun 11 June.
    ['2017-W23', UTC, 'week', '2017-06-05T00:00:00Z', '2017-06-12T00:00:00Z', '2017-W23'],
    // ISO 2020 has 53 weeks; W01 of 2015 starts Mon 29 Dec 2014.
    ['2020-W53', UTC, 'week', '2020-12-28T00:00:00Z', '2021-01-04T00:00:00Z', '2020-W53'],
    ['2015-W01', UTC, 'week', '2014-12-29T00:00:00Z', '2015-01-05T00:00:00Z', '2015-W01'],
    // Sunday weeks, week 1 holds 1 January: 2017-W01 starts Sun 1 Jan 2017, so W23 starts Sun 4 June (EDT, 04:00Z).
    ['2017-W23', US, 'week', '2017-06-04T04:00:00Z', '2017-06-11T04:00:00Z', '2017-W23'],
    // October fiscal year: FY2018 = 1 Oct 2017 (EDT 04:00Z) – 1 Oct 2018.
    ['FY2018', US, 'fiscal-year', '2017-10-01T04:00:00Z', '2018-10-01T04:00:00Z', 'FY2018'],
    // Its Q2 is January–March 2018 (EST, 05:00Z; 1 April is EDT, 04:00Z).
    ['FY2018-Q2', US, 'fiscal-quarter', '2018-01-01T05:00:00Z', '2018-04-01T04:00:00Z', 'FY2018-Q2'],
    // April fiscal year in Moscow (+3): FY2018 = 1 Apr 2017 – 1 Apr 2018, midnights at 21:00Z the day before.
    ['FY2018', APRIL_FY, 'fiscal-year', '2017-03-31T21:00:00Z', '2018-03-31T21:00:00Z', 'FY2018'],
    ['FY2018-Q1', APRIL_FY, 'fiscal-quarter', '2017-03-31T21:00:00Z', '2017-06-30T21:00:00Z', 'FY2018-Q1'],
    ['FY2018-Q4', APRIL_FY, 'fiscal-quarter', '2017-12-31T21:00:00Z', '2018-03-31T21:00:00Z', 'FY2018-Q4'],
    // January fiscal year: FY2017 is the calendar year.
    ['FY2017', UTC, 'fiscal-year', '2017-01-01T00:00:00Z', '2018-01-01T00:00:00Z', 'FY2017'],
    ['2017-06-01..2017-06-30', UTC, 'custom', '2017-06-01T00:00:00Z', '2017-07-01T00:00:00Z', '2017-06-01..2017-06-30'],
    ['2017-06-05', UTC, 'day', '2017-06-05T00:00:00Z', '2017-06-06T00:00:00Z', '2017-06-05'],
    // Lower case and surrounding spaces are accepted.
    [' 2017-q2 ', UTC, 'quarter', '2017-04-01T00:00:00Z', '2017-07-01T00:00:00Z', '2017-Q2'],
    ['fy2018-q1', APRIL_FY, 'fiscal-quarter', '2017-03-31T21:00:00Z', '2017-06-30T21:00:00Z', 'FY2018-Q1'],
  ];
  it.each(rows)('%s', (spec, calendar, kind, start, end, label) => {
    expect(parsePeriodSpec(spec, calendar)).toEqual({ kind, start: utc(start), end: utc(end), label });
  });

  it.each([
    ['June 2017', /Unknown period "June 2017"/],
    ['2017-13', /months are 01–12/],
    ['2017-Q5', /Unknown period/],
    ['2021-W53', /2021 has no week 53/],
    ['2017-W00', /weeks are 01–53/],
    ['2017-02-30', /that day does not exist/],
    ['2017-06-30..2017-06-01', /before it starts/],
    ['', /Unknown period ""/],
  ])('rejects %j', (spec, message) => {
    expect(() => parsePeriodSpec(spec, UTC)).toThrow(message);
  });

  it('round-trips every label it produces', () => {
    for (const spec of ['2017-06', '2017-Q2', '2017', '2017-W23', 'FY2018', 'FY2018-Q3', '2017-06-05', '2017-06-01..2017-06-30']) {
      expect(parsePeriodSpec(parsePeriodSpec(spec, APRIL_FY).label, APRIL_FY).label).toBe(spec);
    }
  });
});
