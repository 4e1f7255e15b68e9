import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import type { CalendarOptions } from '../../period/types';
import { resolveWeek, shiftWeek } from './week';

const BERLIN: CalendarOptions = { timeZone: 'Europe/Berlin', weekStartsOn: 1, fiscalYearStartMonth: 1 };
const NEW_YORK_SUNDAY: CalendarOptions = { timeZone: 'America/New_York', weekStartsOn: 0, fiscalYearStartMonth: 1 };
const HOUR = 3_600_000;

describe('resolveWeek', () => {
  it('defaults to the last full week before now', () => {
    // Wed 14 Jun 2017 10:00 in Berlin (08:00Z): the last full week is Mon 5 – Sun 11 Jun, ISO 2017-W23.
    const wednesday = Date.UTC(2017, 5, 14, 8);
    const { week, previous, firstDay, lastDay } = resolveWeek(undefined, wednesday, BERLIN);
    expect(week.label).toBe('2017-W23');
    expect(week.start).toBe(Date.UTC(2017, 5, 4, 22)); // Mon 5 Jun 00:00 CEST = 4 Jun 22:00Z
    expect(week.end - week.start).toBe(7 * DAY_MS); // no DST change that week
    expect([firstDay, lastDay]).toEqual(['2017-06-05', '2017-06-11']);
    expect(previous.label).toBe('2017-W22');
    expect(previous.end).toBe(week.start);
  });

  it('on Monday morning gives the week that just ended, on Sunday evening the one before', () => {
    expect(resolveWeek(undefined, Date.UTC(2017, 5, 12, 6, 30), BERLIN).week.label).toBe('2017-W23'); // Mon 12 Jun 08:30 CEST
    expect(resolveWeek(undefined, Date.UTC(2017, 5, 11, 21), BERLIN).week.label).toBe('2017-W22'); // Sun 11 Jun 23:00 CEST: W23 not over
  });

  it('reads a named week, case-insensitive, and refuses what is not a week or has not started', () => {
    const now = Date.UTC(2017, 11, 31);
    expect(resolveWeek('2017-w23', now, BERLIN).week.start).toBe(Date.UTC(2017, 5, 4, 22));
    expect(() => resolveWeek('2017-06', now, BERLIN)).toThrow(/not a week/);
    expect(() => resolveWeek('2017-W54', now, BERLIN)).toThrow(/weeks are 01–53/);
    expect(() => resolveWeek('2018-W02', now, BERLIN)).toThrow(/has not started yet/);
    // The week in progress may be asked for: it has started.
    expect(resolveWeek('2017-W52', now, BERLIN).week.label).toBe('2017-W52');
  });

  it('keeps a week 167 hours long across the spring clock change', () => {
    // Berlin moved to summer time on Sun 26 Mar 2017: the week 20–26 March (2017-W12) lost an hour.
    const { week } = resolveWeek('2017-W12', Date.UTC(2017, 5, 1), BERLIN);
    expect(week.end - week.start).toBe(7 * DAY_MS - HOUR);
  });

  it('numbers Sunday-start weeks by the US rule', () => {
    // 1 Jan 2017 is a Sunday, so W01 is 1–7 Jan and W23 starts 1 Jan + 22 × 7 days = Sun 4 Jun.
    const { week, firstDay, lastDay } = resolveWeek(undefined, Date.UTC(2017, 5, 14, 16), NEW_YORK_SUNDAY);
    expect(week.label).toBe('2017-W23');
    expect([firstDay, lastDay]).toEqual(['2017-06-04', '2017-06-10']);
    expect(week.start).toBe(Date.UTC(2017, 5, 4, 4)); // midnight EDT = 04:00Z
  });

  it('steps to neighbouring weeks across a year end', () => {
    const { week } = resolveWeek('2017-W01', Date.UTC(2017, 5, 1), BERLIN);
    expect(shiftWeek(week, -1, BERLIN).label).toBe('2016-W52');
    expect(shiftWeek(week, 1, BERLIN).label).toBe('2017-W02');
    expect(shiftWeek(week, 0, BERLIN)).toEqual(week);
  });
});
