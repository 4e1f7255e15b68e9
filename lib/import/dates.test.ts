import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { readDate, readTimeOfDay } from './dates';

const utc = { timeZone: 'UTC', dateOrder: 'mdy' as const };
const moscow = { timeZone: 'Europe/Moscow', dateOrder: 'dmy' as const };
const serial = { timeZone: 'UTC', serial: 1900 as const };
const serial1904 = { timeZone: 'UTC', serial: 1904 as const };

describe('readDate', () => {
  it.each([
    ['2017-06-30', utc, Date.UTC(2017, 5, 30)],
    ['2017-6-3', utc, Date.UTC(2017, 5, 3)],
    ['2017/06/30', utc, Date.UTC(2017, 5, 30)],
    ['06/30/2017', utc, Date.UTC(2017, 5, 30)], // mdy: month first
    ['6/3/17', utc, Date.UTC(2017, 5, 3)], // two-digit year 17 → 2017
    ['30.06.2017', utc, Date.UTC(2017, 5, 30)], // dotted dates are always day first
    ['2017-06-30 14:05', utc, Date.UTC(2017, 5, 30, 14, 5)],
    ['2017-06-30T14:05:09', utc, Date.UTC(2017, 5, 30, 14, 5, 9)],
    ['2017-06-30T14:05:09.250Z', moscow, Date.UTC(2017, 5, 30, 14, 5, 9, 250)], // explicit zone wins over the option
    ['2017-06-30T14:05:09+03:00', utc, Date.UTC(2017, 5, 30, 11, 5, 9)], // 14:05 at +3 = 11:05 UTC
    ['6/30/2017 2:05 PM', utc, Date.UTC(2017, 5, 30, 14, 5)],
    ['6/30/2017 12:30 AM', utc, Date.UTC(2017, 5, 30, 0, 30)], // 12 AM is midnight
    ['30.06.2017 14:05:09', moscow, Date.UTC(2017, 5, 30, 11, 5, 9)], // Moscow is UTC+3: 14:05 − 3 h
    ['30/06/2017', moscow, Date.UTC(2017, 5, 29, 21)], // dmy slash date: local midnight at +3 = 21:00 UTC the day before
    ['2017-06-30 14:05:09 +03:00', utc, Date.UTC(2017, 5, 30, 11, 5, 9)], // an offset after a space keeps the instant
    ['2017-06-30T14:05:09-0500', utc, Date.UTC(2017, 5, 30, 19, 5, 9)], // -05:00 without a colon: 14:05 + 5 h
    ['2017-06-30 14:05 UTC', moscow, Date.UTC(2017, 5, 30, 14, 5)],
    ['2017/6/30', utc, Date.UTC(2017, 5, 30)], // year first: one reading
    ['2017.06.30', utc, Date.UTC(2017, 5, 30)], // year first with dots (mn)
    ['20170630', utc, Date.UTC(2017, 5, 30)], // compact YYYYMMDD
    ['30-06-2017', moscow, Date.UTC(2017, 5, 29, 21)], // dashes, day first (nl)
    ['17/06/30', { timeZone: 'UTC', dateOrder: 'ymd' as const }, Date.UTC(2017, 5, 30)], // year first with a two-digit year
    ['6/3/17, 2:05 PM', utc, Date.UTC(2017, 5, 3, 14, 5)], // en-US short date and time, with a comma
    ['6/3/17, 2:05\u202fPM', utc, Date.UTC(2017, 5, 3, 14, 5)], // … and a narrow no-break space before PM, as newer ICU writes
    ['03.06.17, 14:05', moscow, Date.UTC(2017, 5, 3, 11, 5)], // de short: dotted, two-digit year
    ['30.06.2017 г.', moscow, Date.UTC(2017, 5, 29, 21)], // bg/ru with the year abbreviation
    ['42917', serial, Date.UTC(2017, 6, 1)], // Excel 1900 count: day 42917 is 2017-07-01
    ['42917.5', serial, Date.UTC(2017, 6, 1, 12)], // the fraction is the time of day
    ['41455', serial1904, Date.UTC(2017, 6, 1)], // the 1904 count is 1,462 days behind
  ])('%s → instant', (text, options, expected) => {
    expect(readDate(text, options)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2017-02-30', utc, 'is not a real date'],
    ['13/02/2017', utc, "there is no month 13; this column's dates are read month first"],
    ['05.13.2017', moscow, 'there is no month 13; dotted dates are day first'],
    ['2017-13-01', utc, 'there is no month 13'],
    ['yesterday', utc, 'is not a date'],
    ['2017-06-30 25:00', utc, 'is not a valid time of day'],
    ['6/30/2017 13:00 PM', utc, 'is not a valid time of day'],
    ['42917', utc, 'is a number, not a date'], // a serial number outside a column of them is not guessed at
    ['2017-06-30', serial, 'is a date in a column of Excel serial numbers'],
    ['05/06/2017', { timeZone: 'UTC' }, 'is not a date in the format of the rest of its column'], // no order decided: never a guess
  ])('rejects %s', (text, options, reason) => {
    const read = readDate(text, options);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it('puts date-only values at the same local midnight as localDateToInstant, DST days included', () => {
    const zones = ['Europe/Moscow', 'America/New_York', 'Europe/Berlin', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Australia/Lord_Howe'];
    for (const timeZone of zones) {
      for (let day = Date.UTC(2016, 0, 1); day < Date.UTC(2019, 0, 1); day += DAY_MS * 3) {
        const date = new Date(day).toISOString().slice(0, 10);
        const read = readDate(date, { timeZone, dateOrder: 'mdy' });
        expect(read.ok ? read.value : undefined, `${date} ${timeZone}`).toBe(localDateToInstant(date, timeZone));
      }
    }
  });

  it('moves a time skipped by spring-forward past the gap', () => {
    // Berlin jumped from 02:00 to 03:00 on 2017-03-26; 02:30 does not exist and reads as 03:30 CEST = 01:30 UTC.
    expect(readDate('2017-03-26 02:30', { timeZone: 'Europe/Berlin', dateOrder: 'mdy' })).toEqual({ ok: true, value: Date.UTC(2017, 2, 26, 1, 30) });
  });
});

describe('readTimeOfDay', () => {
  it.each([
    ['09:30', 9 * 3600 + 30 * 60],
    ['9:30:15', 9 * 3600 + 30 * 60 + 15],
    ['9:30 pm', 21 * 3600 + 30 * 60],
    ['24:00', undefined],
    ['noon', undefined],
  ])('%s → %s', (text, expected) => {
    expect(readTimeOfDay(text)).toBe(expected);
  });
});
