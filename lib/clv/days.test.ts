import { describe, expect, it } from 'vitest';
import { instantToLocalDate } from '../period/local-date';
import { dayOfInstant, dayToIsoDate } from './days';

describe('dayOfInstant', () => {
  // Every 47 minutes across 2 years crosses each zone's DST changes at many times of day.
  const instants = Array.from({ length: 22_000 }, (_, i) => Date.UTC(2023, 0, 1) + i * 47 * 60_000);

  it.each(['UTC', 'Europe/Moscow', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham'])(
    'gives the same calendar day as lib/period in %s, DST changes included',
    (zone) => {
      const dayOf = dayOfInstant(zone);
      for (const ms of instants) expect(dayToIsoDate(dayOf(ms)), new Date(ms).toISOString()).toBe(instantToLocalDate(ms, zone));
    },
  );

  it('puts 23:30 UTC on the next day in Moscow (UTC+3) and on the same day in New York', () => {
    const ms = Date.UTC(2024, 2, 5, 23, 30);
    expect(dayToIsoDate(dayOfInstant('Europe/Moscow')(ms))).toBe('2024-03-06');
    expect(dayToIsoDate(dayOfInstant('America/New_York')(ms))).toBe('2024-03-05');
  });

  it('refuses an unknown zone', () => {
    expect(() => dayOfInstant('Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
