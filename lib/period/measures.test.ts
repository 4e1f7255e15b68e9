import { DAY_MS } from './units';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tz } from '@date-fns/tz';
import { addDays, isWeekend, startOfDay } from 'date-fns';
import { bucketIndexer, splitPeriod } from './buckets';
import { dateRangeOverlap, elapsedFraction, monthsIn, nextDate, nextMonthStart, workingDaysIn } from './measures';
import { parsePeriodSpec } from './parse';
import type { CalendarOptions } from './types';

const UTC: CalendarOptions = { timeZone: 'UTC', weekStartsOn: 1, fiscalYearStartMonth: 1 };
const BERLIN: CalendarOptions = { timeZone: 'Europe/Berlin', weekStartsOn: 1, fiscalYearStartMonth: 1 };
const NY: CalendarOptions = { timeZone: 'America/New_York', weekStartsOn: 0, fiscalYearStartMonth: 1 };
const p = (spec: string, calendar = UTC) => parsePeriodSpec(spec, calendar);

describe('workingDaysIn', () => {
  it.each([
    // June 2017: 30 days, weekends Sat 3/10/17/24 + Sun 4/11/18/25 = 8 → 30 − 8 = 22.
    ['2017-06', UTC, 22],
    // July 2017: Sat 1/8/15/22/29 + Sun 2/9/16/23/30 = 10 → 31 − 10 = 21.
    ['2017-07', UTC, 21],
    // February 2024 (leap): 29 days, weekends 3,4,10,11,17,18,24,25 = 8 → 21.
    ['2024-02', UTC, 21],
    // The Berlin DST week (Mon 25 – Sun 31 March 2024) still has 5 working days.
    ['2024-W13', BERLIN, 5],
    // A Saturday alone has none.
    ['2017-06-03', UTC, 0],
    // 2017: 365 days = 52 weeks + 1 day (Sun 1 Jan) → 52 × 5 = 260.
    ['2017', UTC, 260],
  ] as const)('%s → %i', (spec, calendar, expected) => {
    expect(workingDaysIn(p(spec, calendar), calendar)).toBe(expected);
  });

  it('matches a day-by-day count over random ranges (Berlin, DST included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 60 }), (offset, length) => {
        const first = parsePeriodSpec('2023-01-01', BERLIN);
        const start = splitPeriod({ ...first, end: first.start + (offset + length + 2) * DAY_MS }, 'day', BERLIN);
        const from = start[offset]!;
        const to = start[offset + length - 1]!;
        const period = { start: from.start, end: to.end };
        // Independent count: the day buckets' labels give the weekday through Date.UTC on the label.
        const expected = start.slice(offset, offset + length).filter((d) => ![0, 6].includes(new Date(`${d.label}T12:00:00Z`).getUTCDay())).length;
        expect(workingDaysIn(period, BERLIN)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('gives what date-fns counts in the zone, for any instants and zones (midnight-less DST days and a skipped day included)', () => {
    // The reference: every local day walked in the zone with date-fns over TZDate (the implementation counts whole weeks).
    const reference = (start: number, end: number, timeZone: string) => {
      if (!(start < end)) return 0;
      const ctx = { in: tz(timeZone) };
      // Each local day's start, from the first that starts at or after `start`, while it starts before `end`.
      let day = startOfDay(start, ctx);
      if (day.getTime() < start) day = startOfDay(addDays(day, 1, ctx), ctx);
      let count = 0;
      for (; day.getTime() < end; day = startOfDay(addDays(day, 1, ctx), ctx)) if (!isWeekend(day)) count += 1;
      return count;
    };
    // Santiago, Havana, Tehran and Damascus change their clocks at midnight (Tehran's and Damascus's on
    // a Friday, a working day); Lord Howe by half an hour; Apia skipped 30 December 2011.
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'America/Santiago',
      'America/Havana',
      'Asia/Tehran',
      'Asia/Damascus',
      'Australia/Lord_Howe',
      'Pacific/Apia',
      'Asia/Kathmandu',
    ];
    // Half the periods start within six hours of a clock change at or near midnight, in its zone, on the
    // hour, so a bound falls exactly on a skipped, a repeated or a moved day start: Havana's spring-forward
    // and fall-back (2015-03-08, 2014-11-02), Santiago's (2019-09-08, 2019-04-07), Tehran's (Friday
    // 2019-03-22, 2019-09-22: days that start at 01:00 or have two midnights, on a working day),
    // Damascus's (Friday 2019-03-29), Apia's skipped day and Lord Howe's half hour.
    const changes: [string, string][] = [
      ['2015-03-08T05:00:00Z', 'America/Havana'],
      ['2014-11-02T05:00:00Z', 'America/Havana'],
      ['2019-09-08T04:00:00Z', 'America/Santiago'],
      ['2019-04-07T03:00:00Z', 'America/Santiago'],
      ['2019-03-21T20:30:00Z', 'Asia/Tehran'],
      ['2019-09-21T19:30:00Z', 'Asia/Tehran'],
      ['2019-03-28T22:00:00Z', 'Asia/Damascus'],
      ['2011-12-30T10:00:00Z', 'Pacific/Apia'],
      ['2019-10-05T15:30:00Z', 'Australia/Lord_Howe'],
    ];
    const H = 3_600_000;
    const anywhere = fc.record({ start: fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }), timeZone: fc.constantFrom(...zones) });
    const nearChange = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -6, max: 6 }))
      .map(([[iso, timeZone], hours]) => ({ start: Date.parse(iso) + hours * H, timeZone }));
    // Long spans, and spans of whole hours up to four days (so the end falls on a change too).
    const span = fc.oneof(
      fc.integer({ min: 0, max: 120 * DAY_MS }),
      fc.integer({ min: 0, max: 96 }).map((hours) => hours * H),
    );
    fc.assert(
      fc.property(fc.oneof(anywhere, nearChange), span, ({ start, timeZone }, length) => {
        const calendar = { ...UTC, timeZone };
        expect(workingDaysIn({ start, end: start + length }, calendar)).toBe(reference(start, start + length, timeZone));
      }),
      { numRuns: Number(process.env.RUNS ?? 400) },
    );
    // Apia's missing Friday 30 December 2011 is no working day: December 2011 there has 21, not 22.
    const apia = { ...UTC, timeZone: 'Pacific/Apia' };
    expect(workingDaysIn(p('2011-12', apia), apia)).toBe(21);
    // From the afternoon of Thursday the 29th (the next day that exists is Saturday the 31st) to Tuesday 3 January: Mon 2, Tue 3 → 2.
    const thursday = Date.parse('2011-12-29T15:00:00-10:00');
    expect(workingDaysIn({ start: thursday, end: Date.parse('2012-01-04T00:00:00+14:00') }, apia)).toBe(2);
    // Whole weeks over the skipped day, the case a random run found (seed 1858681379): from Sunday
    // 11 September 2011, 14:23 in Apia, to a millisecond into Sunday 1 January 2012, so the local days
    // Mon 12 Sep – Sun 1 Jan: 112 calendar days = 16 weeks, but one of them has no Friday →
    // Sep 15 + Oct 21 + Nov 22 + Dec 21 (22 weekdays less the 30th) = 79, not 16 × 5 = 80.
    const newYear = Date.parse('2012-01-01T00:00:00+14:00') + 1;
    expect(workingDaysIn({ start: Date.parse('2011-09-11T14:23:51-11:00'), end: newYear }, apia)).toBe(79);
    // Havana's spring-forward day starts at 01:00 (Sunday 8 March 2015): a period ending just after it
    // holds no part of Monday 9 March, whose midnight is 23 hours later, not the 01:00 a day-add carries
    // (another random find). Mon 24 Nov 2014 – Sun 8 Mar 2015: 105 days = 15 weeks × 5 = 75.
    const havana = { ...UTC, timeZone: 'America/Havana' };
    const march8 = Date.parse('2015-03-08T01:00:00-04:00');
    expect(workingDaysIn({ start: Date.parse('2014-11-23T01:35:39-05:00'), end: march8 + 1 }, havana)).toBe(75);
  });

  it('counts the 25 h fall-back Sunday as one day, not as more working time', () => {
    // Week of Sun 3 Nov 2024 (NY, Sunday start): Mon 4 – Fri 8 → 5.
    expect(workingDaysIn(p('2024-W45', NY), NY)).toBe(5);
  });
});

describe('elapsedFraction', () => {
  const june = p('2017-06');
  it.each([
    ['before the start', june.start - 1, 0],
    ['at the start', june.start, 0],
    // 15 days into a 30-day month = 15 / 30.
    ['half-way', june.start + 15 * DAY_MS, 0.5],
    ['at the end', june.end, 1],
    ['after the end', june.end + 1, 1],
    ['never NaN', Number.NaN, 0],
  ])('%s', (_name, asOf, expected) => {
    expect(elapsedFraction(june, asOf)).toBe(expected);
  });
});

describe('monthsIn', () => {
  it.each([
    ['2017-06', 1], // one whole month
    ['2017-Q2', 3], // three whole months
    ['2017', 12],
    ['2017-W23', 7 / 30], // 5–11 June: 7 of June's 30 days
    ['2017-06-16..2017-07-15', 15 / 30 + 15 / 31], // second half of June + first half of July
    ['2017-06-16..2018-07-15', 15 / 30 + 12 + 15 / 31], // and twelve whole months between
  ])('%s', (spec, expected) => {
    expect(monthsIn(p(spec), UTC)).toBeCloseTo(expected, 12);
  });

  it('counts whole months the same in a DST zone (a 23 h day does not make March short)', () => {
    expect(monthsIn(p('2024-03', BERLIN), BERLIN)).toBe(1);
    expect(monthsIn(p('2024', BERLIN), BERLIN)).toBe(12);
  });
});

describe('dateRangeOverlap', () => {
  it.each([
    // A June quota (end exclusive) over June: all 30 of its 30 days.
    ['2017-06-01', '2017-07-01', '2017-06', 30, 30],
    // The same quota over ISO week 23 (5–11 June): 7 of 30.
    ['2017-06-01', '2017-07-01', '2017-W23', 7, 30],
    // A Q2 quota over June: 30 of 91 days (April 30 + May 31 + June 30).
    ['2017-04-01', '2017-07-01', '2017-06', 30, 91],
    // No overlap.
    ['2017-05-01', '2017-06-01', '2017-06', 0, 31],
    // A quota spanning New Year over December: 31 of 62 (December 31 + January 31).
    ['2017-12-01', '2018-02-01', '2017-12', 31, 62],
  ])('%s..%s over %s', (from, to, spec, overlapDays, rangeDays) => {
    expect(dateRangeOverlap(from, to, p(spec), UTC)).toEqual({ overlapDays, rangeDays });
  });

  it('reads the period in its own zone', () => {
    // June in Moscow starts 31 May 21:00Z; as local dates it is still 1–30 June.
    const moscow = { ...UTC, timeZone: 'Europe/Moscow' };
    expect(dateRangeOverlap('2017-06-01', '2017-07-01', p('2017-06', moscow), moscow)).toEqual({ overlapDays: 30, rangeDays: 30 });
  });
});

describe('nextDate and nextMonthStart', () => {
  it.each([
    ['2017-12-31', '2018-01-01'],
    ['2024-02-28', '2024-02-29'], // leap year
    ['2023-02-28', '2023-03-01'],
  ])('%s → %s', (date, next) => expect(nextDate(date)).toBe(next));
  it.each([
    ['2017-12', '2018-01-01'],
    ['2024-02', '2024-03-01'],
  ])('%s → %s', (month, next) => expect(nextMonthStart(month)).toBe(next));
});

describe('splitPeriod and bucketIndexer', () => {
  it('splits June 2017 into ISO weeks, clipping the first and last', () => {
    // 1 June is a Thursday: Thu 1 – Sun 4 (W22), then W23, W24, W25, and Mon 26 – Fri 30 (W26).
    const weeks = splitPeriod(p('2017-06'), 'week', UTC);
    expect(weeks.map((w) => w.label)).toEqual(['2017-W22', '2017-W23', '2017-W24', '2017-W25', '2017-W26']);
    expect(weeks.map((w) => (w.end - w.start) / DAY_MS)).toEqual([4, 7, 7, 7, 5]);
  });

  it('splits a Berlin DST month into days of 23 and 24 hours', () => {
    const days = splitPeriod(p('2024-03', BERLIN), 'day', BERLIN);
    expect(days).toHaveLength(31);
    expect(days.filter((d) => d.end - d.start === 23 * 3_600_000).map((d) => d.label)).toEqual(['2024-03-31']);
  });

  it('splits a year into 12 months and refuses absurd splits', () => {
    expect(splitPeriod(p('2017'), 'month', UTC).map((m) => m.label)[11]).toBe('2017-12');
    const decades = { kind: 'custom' as const, start: 0, end: 40 * 365 * DAY_MS, label: 'decades' };
    expect(() => splitPeriod(decades, 'day', UTC)).toThrow(/more than 10000 buckets/);
  });

  it('finds the bucket of any instant like a linear scan would', () => {
    const buckets = splitPeriod(p('2024-03', BERLIN), 'day', BERLIN);
    const indexOf = bucketIndexer(buckets);
    const first = buckets[0]!.start;
    const last = buckets[buckets.length - 1]!.end;
    fc.assert(
      fc.property(fc.integer({ min: first - DAY_MS, max: last + DAY_MS }), (at) => {
        const expected = buckets.findIndex((b) => b.start <= at && at < b.end);
        expect(indexOf(at)).toBe(expected);
      }),
    );
    expect(indexOf(first)).toBe(0); // exactly at a start: in
    expect(indexOf(last)).toBe(-1); // exactly at the end: out
  });

  it('maps gaps to -1 and rejects overlapping buckets', () => {
    const indexOf = bucketIndexer([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
    expect([indexOf(5), indexOf(15), indexOf(20), indexOf(30)]).toEqual([0, -1, 1, -1]);
    expect(() =>
      bucketIndexer([
        { start: 0, end: 10 },
        { start: 5, end: 30 },
      ]),
    ).toThrow(/overlaps/);
  });
});
