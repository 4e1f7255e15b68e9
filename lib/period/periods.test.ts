import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tz } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import { customPeriod, findPeriodContaining, periodContaining, previousPeriod, type CalendarUnit } from './periods';
import type { CalendarOptions } from './types';
import { DAY_MS } from './units';

const cal = (timeZone: string, weekStartsOn: 0 | 1 = 1, fiscalYearStartMonth = 1): CalendarOptions => ({
  timeZone,
  weekStartsOn,
  fiscalYearStartMonth,
});
const utc = (iso: string) => Date.parse(iso);
const H = 3_600_000;

describe('periodContaining', () => {
  // Each row: the unit containing `at`, with its expected bounds in UTC and its label.
  const rows: [string, CalendarUnit, string, CalendarOptions, string, string, string][] = [
    // New York is UTC-5 in winter: local midnight 2017-06-05 (EDT, UTC-4) is 04:00Z.
    ['plain day, New York', 'day', '2017-06-05T15:00:00Z', cal('America/New_York'), '2017-06-05T04:00:00Z', '2017-06-06T04:00:00Z', '2017-06-05'],
    // Spring forward 2024-03-10: 00:00 EST (05:00Z) to 00:00 EDT next day (04:00Z) = 23 h.
    ['23 h day, New York', 'day', '2024-03-10T12:00:00Z', cal('America/New_York'), '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', '2024-03-10'],
    // Fall back 2024-11-03: 00:00 EDT (04:00Z) to 00:00 EST next day (05:00Z) = 25 h.
    ['25 h day, New York', 'day', '2024-11-03T12:00:00Z', cal('America/New_York'), '2024-11-03T04:00:00Z', '2024-11-04T05:00:00Z', '2024-11-03'],
    // Berlin spring forward 2024-03-31: 00:00 CET (23:00Z the day before) to 00:00 CEST (22:00Z) = 23 h.
    ['23 h day, Berlin', 'day', '2024-03-31T10:00:00Z', cal('Europe/Berlin'), '2024-03-30T23:00:00Z', '2024-03-31T22:00:00Z', '2024-03-31'],
    // Berlin fall back 2024-10-27: 00:00 CEST (22:00Z) to 00:00 CET (23:00Z) = 25 h.
    ['25 h day, Berlin', 'day', '2024-10-27T10:00:00Z', cal('Europe/Berlin'), '2024-10-26T22:00:00Z', '2024-10-27T23:00:00Z', '2024-10-27'],
    // Moscow is UTC+3 all year: midnight is 21:00Z the day before. 22:30Z on the 14th is already the 15th there.
    ['Moscow, late UTC evening', 'day', '2024-06-14T22:30:00Z', cal('Europe/Moscow'), '2024-06-14T21:00:00Z', '2024-06-15T21:00:00Z', '2024-06-15'],
    // Sydney DST starts 2024-10-06 (AEST +10 → AEDT +11): 14:00Z to 13:00Z = 23 h.
    ['23 h day, Sydney', 'day', '2024-10-06T02:00:00Z', cal('Australia/Sydney'), '2024-10-05T14:00:00Z', '2024-10-06T13:00:00Z', '2024-10-06'],
    // Sydney DST ends 2024-04-07 (AEDT +11 → AEST +10): 13:00Z to 14:00Z = 25 h.
    ['25 h day, Sydney', 'day', '2024-04-07T02:00:00Z', cal('Australia/Sydney'), '2024-04-06T13:00:00Z', '2024-04-07T14:00:00Z', '2024-04-07'],
    // ISO week 13 of 2024: Mon 25 Mar 00:00 CET (24th 23:00Z) to Mon 1 Apr 00:00 CEST (31st 22:00Z) = 167 h.
    ['week over DST, Berlin', 'week', '2024-03-28T12:00:00Z', cal('Europe/Berlin'), '2024-03-24T23:00:00Z', '2024-03-31T22:00:00Z', '2024-W13'],
    // Sunday start: Sun 10 Mar 2024 00:00 EST (05:00Z) to Sun 17 Mar 00:00 EDT (04:00Z); week 11 counting the Jan 1 week as 1.
    ['Sunday week over DST, New York', 'week', '2024-03-13T12:00:00Z', cal('America/New_York', 0), '2024-03-10T05:00:00Z', '2024-03-17T04:00:00Z', '2024-W11'],
    // ISO: 1 Jan 2021 (Friday) belongs to 2020-W53, which starts Mon 28 Dec 2020.
    ['ISO week across New Year', 'week', '2021-01-01T12:00:00Z', cal('UTC'), '2020-12-28T00:00:00Z', '2021-01-04T00:00:00Z', '2020-W53'],
    // US rule: the week of Sun 28 Dec 2014 holds 1 Jan 2015, so it is 2015-W01.
    ['Sunday week across New Year', 'week', '2014-12-29T12:00:00Z', cal('UTC', 0), '2014-12-28T00:00:00Z', '2015-01-04T00:00:00Z', '2015-W01'],
    // 2024 is a leap year: February has 29 days.
    ['leap February', 'month', '2024-02-29T12:00:00Z', cal('UTC'), '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', '2024-02'],
    ['plain February', 'month', '2023-02-10T12:00:00Z', cal('UTC'), '2023-02-01T00:00:00Z', '2023-03-01T00:00:00Z', '2023-02'],
    // 23:30Z on 31 Dec 2016 is already 1 Jan 2017 in Moscow (+3): the new year there.
    ['year boundary, Moscow', 'year', '2016-12-31T23:30:00Z', cal('Europe/Moscow'), '2016-12-31T21:00:00Z', '2017-12-31T21:00:00Z', '2017'],
    // 1 Apr 2017 00:00 is still AEDT (+11, DST ended on the 2nd): 13:00Z; 1 Jul is AEST (+10): 14:00Z.
    ['quarter, Sydney', 'quarter', '2017-05-15T00:00:00Z', cal('Australia/Sydney'), '2017-03-31T13:00:00Z', '2017-06-30T14:00:00Z', '2017-Q2'],
    // April start: April 2017 – March 2018 ends in 2018, so it is FY2018.
    ['fiscal year, April start', 'fiscal-year', '2017-06-15T00:00:00Z', cal('UTC', 1, 4), '2017-04-01T00:00:00Z', '2018-04-01T00:00:00Z', 'FY2018'],
    ['fiscal year, January start', 'fiscal-year', '2017-06-15T00:00:00Z', cal('UTC', 1, 1), '2017-01-01T00:00:00Z', '2018-01-01T00:00:00Z', 'FY2017'],
    // October start: October 2017 opens FY2018.
    ['fiscal year, October start', 'fiscal-year', '2017-10-01T00:00:00Z', cal('UTC', 1, 10), '2017-10-01T00:00:00Z', '2018-10-01T00:00:00Z', 'FY2018'],
    // April start: April–June 2017 is the first quarter of FY2018.
    ['fiscal Q1', 'fiscal-quarter', '2017-05-20T00:00:00Z', cal('UTC', 1, 4), '2017-04-01T00:00:00Z', '2017-07-01T00:00:00Z', 'FY2018-Q1'],
    // February 2018 is in January–March 2018, the last quarter of FY2018.
    [
      'fiscal Q4 across the calendar year',
      'fiscal-quarter',
      '2018-02-10T00:00:00Z',
      cal('UTC', 1, 4),
      '2018-01-01T00:00:00Z',
      '2018-04-01T00:00:00Z',
      'FY2018-Q4',
    ],
  ];
  it.each(rows)('%s', (_name, kind, at, calendar, start, end, label) => {
    const period = periodContaining(kind, utc(at), calendar);
    expect(period).toEqual({ kind, start: utc(start), end: utc(end), label });
  });

  it('gives 23, 24 and 25 hour days around DST changes', () => {
    const ny = cal('America/New_York');
    const length = (iso: string) => {
      const p = periodContaining('day', utc(iso), ny);
      return (p.end - p.start) / H;
    };
    expect([length('2024-03-10T12:00:00Z'), length('2024-03-11T12:00:00Z'), length('2024-11-03T12:00:00Z')]).toEqual([23, 24, 25]);
  });

  it('puts an instant exactly at a boundary in the later period', () => {
    const june = periodContaining('month', utc('2017-06-10T00:00:00Z'), cal('UTC'));
    expect(periodContaining('month', june.end, cal('UTC')).label).toBe('2017-07');
    expect(periodContaining('month', june.start, cal('UTC')).label).toBe('2017-06');
  });

  it('rejects bad calendars clearly', () => {
    expect(() => periodContaining('day', 0, cal('Mars/Olympus'))).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(() => periodContaining('day', 0, cal('UTC', 1, 13))).toThrow(/fiscalYearStartMonth/);
    expect(() => periodContaining('day', Number.NaN, cal('UTC'))).toThrow(/non-finite/);
  });
});

describe('previousPeriod', () => {
  it.each([
    // The previous unit of the same kind, found from the instant just before the start.
    ['2017-07', 'month', '2017-07-15T00:00:00Z', '2017-06'],
    ['2017-Q1 → 2016-Q4', 'quarter', '2017-02-01T00:00:00Z', '2016-Q4'],
    ['2021-W01 → 2020-W53', 'week', '2021-01-05T00:00:00Z', '2020-W53'],
    ['day after a leap day', 'day', '2024-03-01T12:00:00Z', '2024-02-29'],
    // April fiscal year: FY2018-Q1 (April–June 2017) follows FY2017-Q4 (January–March 2017).
    ['fiscal Q1 → previous fiscal Q4', 'fiscal-quarter', '2017-05-01T00:00:00Z', 'FY2017-Q4'],
    ['FY2018 → FY2017', 'fiscal-year', '2017-05-01T00:00:00Z', 'FY2017'],
  ] as const)('%s', (_name, kind, at, label) => {
    const period = periodContaining(kind, utc(at), cal('UTC', 1, 4));
    const prev = previousPeriod(period, cal('UTC', 1, 4));
    expect(prev.label).toBe(label);
    expect(prev.end).toBe(period.start);
  });

  it('moves a custom range back by the same number of local days', () => {
    // 2017-06-01..2017-06-30 is 30 days; the 30 days before end on 31 May and start on 2 May.
    const june = customPeriod('2017-06-01', '2017-06-30', cal('UTC'));
    expect(previousPeriod(june, cal('UTC'))).toEqual({
      kind: 'custom',
      start: utc('2017-05-02T00:00:00Z'),
      end: utc('2017-06-01T00:00:00Z'),
      label: '2017-05-02..2017-05-31',
    });
  });

  it('keeps whole local days across a DST change (Berlin)', () => {
    // 7 days from Sun 31 Mar 2024 (CEST from 02:00); the previous 7 days start Sun 24 Mar 00:00 CET = 23rd 23:00Z.
    const week = customPeriod('2024-03-31', '2024-04-06', cal('Europe/Berlin'));
    const prev = previousPeriod(week, cal('Europe/Berlin'));
    expect(prev.start).toBe(utc('2024-03-23T23:00:00Z'));
    expect(prev.label).toBe('2024-03-24..2024-03-30');
    // 6 days of 24 h and one 23 h day (the 31st is in `week`, not in prev): prev is 7 × 24 = 168 h.
    expect((prev.end - prev.start) / H).toBe(168);
  });

  it('moves a custom ms range back by its length when it is not midnight-aligned', () => {
    const odd = { kind: 'custom' as const, start: 1_000, end: 5_000, label: 'x' };
    expect(previousPeriod(odd, cal('UTC'))).toMatchObject({ start: -3_000, end: 1_000 });
  });
});

describe('customPeriod', () => {
  it('includes the end date', () => {
    // 1–30 June 2017 in Moscow: 31 May 21:00Z to 30 June 21:00Z.
    expect(customPeriod('2017-06-01', '2017-06-30', cal('Europe/Moscow'))).toEqual({
      kind: 'custom',
      start: utc('2017-05-31T21:00:00Z'),
      end: utc('2017-06-30T21:00:00Z'),
      label: '2017-06-01..2017-06-30',
    });
  });

  it('rejects impossible and backwards ranges', () => {
    expect(() => customPeriod('2017-02-30', '2017-03-01', cal('UTC'))).toThrow(/"2017-02-30" is not a date/);
    expect(() => customPeriod('2017-06-30', '2017-06-01', cal('UTC'))).toThrow(/ends \(2017-06-01\) before it starts/);
    expect(() => customPeriod('June', '2017-06-01', cal('UTC'))).toThrow(/expected YYYY-MM-DD/);
  });

  it('accepts a one-day range and 29 February of a leap year only', () => {
    const day = customPeriod('2024-02-29', '2024-02-29', cal('UTC'));
    expect(day.end - day.start).toBe(24 * H);
    expect(() => customPeriod('2023-02-29', '2023-03-01', cal('UTC'))).toThrow(/not a date/);
  });
});

describe('periods tile local time in every zone', () => {
  // Havana and Santiago skip midnight when DST starts (the day begins at 01:00); Apia skipped 30 December
  // 2011; Lord Howe moves by half an hour. An end carried from such a start by "plus one day" would keep
  // its 01:00 and overlap the next period by an hour.
  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Apia', 'Asia/Tehran'];
  const kinds: CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year', 'fiscal-year', 'fiscal-quarter'];
  const calendarArb = fc.record({
    timeZone: fc.constantFrom(...zones),
    weekStartsOn: fc.constantFrom(0 as const, 1 as const),
    fiscalYearStartMonth: fc.integer({ min: 1, max: 12 }),
  });
  // Uniform instants rarely land by a clock change at midnight, so half of them are drawn within ten days
  // of one: Havana's and Santiago's skipped midnights (Sundays 8 March 2015 and 8 September 2019: weeks
  // starting Sunday begin at 01:00), Apia's skipped day, Havana's repeated midnight (2 November 2014).
  const midnightChanges = ['2015-03-08T05:00:00Z', '2019-09-08T04:00:00Z', '2011-12-30T10:00:00Z', '2014-11-02T05:00:00Z'];
  const instant = fc.oneof(
    fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }),
    fc.tuple(fc.constantFrom(...midnightChanges), fc.integer({ min: -10 * 24, max: 10 * 24 })).map(([iso, hours]) => Date.parse(iso) + hours * 3_600_000),
  );
  const isDayStart = (at: number, timeZone: string) => startOfDay(at, { in: tz(timeZone) }).getTime() === at;

  it('a period holds its instant, starts and ends at local day starts, and meets its neighbours without gap or overlap', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...kinds), calendarArb, (at, kind, calendar) => {
        const period = periodContaining(kind, at, calendar);
        expect(period.start <= at && at < period.end).toBe(true);
        expect([isDayStart(period.start, calendar.timeZone), isDayStart(period.end, calendar.timeZone)]).toEqual([true, true]);
        expect(periodContaining(kind, period.end, calendar).start).toBe(period.end);
        expect(periodContaining(kind, period.start - 1, calendar).end).toBe(period.start);
      }),
      { numRuns: 600 },
    );
  });

  it('the periods it remembers are the ones it would find again, at any instant and on both sides of every bound', () => {
    // Instants close together, so that most look-ups meet a period found before: its start, its last
    // millisecond, its end (the next period) and the millisecond before its start (the previous one).
    const near = fc.array(fc.tuple(fc.integer({ min: -2, max: 2 }), fc.constantFrom('at', 'start', 'last', 'end', 'before')), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(instant, near, fc.constantFrom(...kinds), calendarArb, (at, steps, kind, calendar) => {
        let current = at;
        for (const [days, where] of steps) {
          const period = findPeriodContaining(kind, current + days * DAY_MS, calendar);
          const next = { at: current + days * DAY_MS, start: period.start, last: period.end - 1, end: period.end, before: period.start - 1 }[where];
          expect(periodContaining(kind, next, calendar)).toEqual(findPeriodContaining(kind, next, calendar));
          current = next;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a period it returns belongs to the caller: changing it changes no later answer', () => {
    const calendar = cal('Europe/Berlin');
    periodContaining('month', utc('2024-06-10T10:00:00Z'), calendar); // found, then remembered
    const first = periodContaining('month', utc('2024-06-14T10:00:00Z'), calendar);
    first.label = 'changed';
    first.kind = 'custom';
    expect(periodContaining('month', utc('2024-06-20T10:00:00Z'), calendar)).toEqual(findPeriodContaining('month', utc('2024-06-20T10:00:00Z'), calendar));
  });

  it('a custom range of whole days ends where the day after its last date starts, and its previous range meets it', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), calendarArb, (at, extraDays, calendar) => {
        const firstDay = periodContaining('day', at, calendar);
        let lastDay = firstDay;
        for (let i = 0; i < extraDays; i += 1) lastDay = periodContaining('day', lastDay.end, calendar);
        const range = customPeriod(firstDay.label, lastDay.label, calendar);
        expect([range.start, range.end]).toEqual([firstDay.start, lastDay.end]);
        const previous = previousPeriod(range, calendar);
        expect(previous.end).toBe(range.start);
        expect(isDayStart(previous.start, calendar.timeZone)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
