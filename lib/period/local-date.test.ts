import { describe, expect, it } from 'vitest';
import { instantToLocalDate, localDateToInstant } from './local-date';

const utc = (iso: string) => Date.parse(iso);

describe('localDateToInstant', () => {
  it.each([
    // Midnight local time, as UTC instants.
    ['2017-06-01', 'UTC', '2017-06-01T00:00:00Z'],
    ['2017-06-01', 'Europe/Moscow', '2017-05-31T21:00:00Z'], // +3
    ['2024-03-10', 'America/New_York', '2024-03-10T05:00:00Z'], // EST, DST starts at 02:00 that day
    ['2024-03-31', 'Europe/Berlin', '2024-03-30T23:00:00Z'], // CET, DST starts at 02:00
    ['2024-10-27', 'Europe/Berlin', '2024-10-26T22:00:00Z'], // CEST, DST ends at 03:00
    ['2024-04-07', 'Australia/Sydney', '2024-04-06T13:00:00Z'], // AEDT +11 until 03:00
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00Z'], // leap day
  ])('%s in %s', (date, zone, expected) => {
    expect(localDateToInstant(date, zone)).toBe(utc(expected));
  });

  it.each(['2023-02-29', '2017-13-01', '2017-6-1', 'yesterday', ''])('rejects %j', (date) => {
    expect(localDateToInstant(date, 'UTC')).toBeUndefined();
  });
});

describe('instantToLocalDate', () => {
  it.each([
    ['2017-06-14T22:30:00Z', 'Europe/Moscow', '2017-06-15'], // 01:30 on the 15th in Moscow
    ['2017-06-15T03:30:00Z', 'America/New_York', '2017-06-14'], // 23:30 on the 14th in New York
    ['2024-10-27T22:59:59Z', 'Europe/Berlin', '2024-10-27'], // last second of the 25 h day
    ['2024-10-27T23:00:00Z', 'Europe/Berlin', '2024-10-28'],
  ])('%s in %s', (iso, zone, expected) => {
    expect(instantToLocalDate(utc(iso), zone)).toBe(expected);
  });

  it('round-trips with localDateToInstant', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Sydney']) {
      for (const date of ['2024-03-10', '2024-03-31', '2024-10-06', '2024-11-03', '2024-12-31']) {
        expect(instantToLocalDate(localDateToInstant(date, zone)!, zone)).toBe(date);
      }
    }
  });
});
