import { describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { readDate, readTimeOfDay } from './dates';

const utc = { timeZone: 'UTC', dateOrder: 'mdy' as const };
const moscow = { timeZone: 'Europe/Moscow', dateOrder: 'dmy' as const };

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
  ])('%s → instant', (text, options, expected) => {
    expect(readDate(text, options)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2017-02-30', 'is not a real date'],
    ['13/02/2017', 'there is no month 13; slash dates are read as MM/DD/YYYY'],
    ['2017-13-01', 'there is no month 13'],
    ['yesterday', 'is not a date'],
    ['2017-06-30 25:00', 'is not a valid time of day'],
    ['6/30/2017 13:00 PM', 'is not a valid time of day'],
    ['42917', 'is not a date'], // an Excel serial number is not guessed at
  ])('rejects %s', (text, reason) => {
    const read = readDate(text, utc);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.reason).toContain(reason);
  });

  it('puts date-only values at the same local midnight as localDateToInstant, DST days included', () => {
    const zones = ['Europe/Moscow', 'America/New_York', 'Europe/Berlin', 'Asia/Kathmandu', 'America/Sao_Paulo', 'Australia/Lord_Howe'];
    for (const timeZone of zones) {
      for (let day = Date.UTC(2016, 0, 1); day < Date.UTC(2019, 0, 1); day += 86_400_000 * 3) {
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
