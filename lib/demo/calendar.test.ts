import { describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { addDays, addMonths, createCalendar, HOUR } from './calendar';
import { createRng } from './random';
import { local } from './test-support';

describe('date arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it.each([
    ['2025-03', -12, '2024-03'],
    ['2025-01', -1, '2024-12'],
    ['2024-11', 3, '2025-02'],
  ])('%s + %i months = %s', (month, months, expected) => expect(addMonths(month, months)).toBe(expected));
});

describe('createCalendar', () => {
  const timeZone = 'Europe/Berlin';
  // Berlin moves to summer time on 2025-03-30 and back on 2025-10-26.
  const cal = createCalendar('2025-03-24', '2025-11-02', timeZone);

  it('has 23- and 25-hour days where the clocks change', () => {
    const spring = cal.days.find((day) => day.date === '2025-03-30');
    const autumn = cal.days.find((day) => day.date === '2025-10-26');
    expect(spring && spring.end - spring.start).toBe(23 * HOUR);
    expect(autumn && autumn.end - autumn.start).toBe(25 * HOUR);
  });

  it('marks weekends and shared holidays as days off', () => {
    const byDate = new Map(cal.days.map((day) => [day.date, day]));
    expect(byDate.get('2025-03-29')?.working).toBe(false); // Saturday
    expect(byDate.get('2025-03-31')?.working).toBe(true); // Monday
    expect(byDate.get('2025-03-31')?.weekday).toBe(1);
  });

  it('places hours right on both sides of a DST change', () => {
    const monday = cal.dayIndexAt(Date.UTC(2025, 2, 31, 10)); // 2025-03-31, after the change
    const friday = cal.dayIndexAt(Date.UTC(2025, 2, 28, 10)); // 2025-03-28, before it
    expect(local(cal.atHour(monday, 9), timeZone)).toEqual({ weekday: 'Mon', hour: 9, date: '2025-03-31' });
    expect(local(cal.atHour(friday, 17.5), timeZone)).toEqual({ weekday: 'Fri', hour: 17, date: '2025-03-28' });
  });

  it('puts work times on working days between 8:00 and 19:00 inside the asked range', () => {
    const rng = createRng(1, 'calendar');
    const from = Date.UTC(2025, 3, 1);
    const to = Date.UTC(2025, 5, 1);
    for (let i = 0; i < 500; i += 1) {
      const ms = cal.workTime(rng, from, to);
      expect(ms).toBeGreaterThanOrEqual(from);
      expect(ms).toBeLessThanOrEqual(to);
      const { weekday, hour } = local(ms, timeZone);
      expect(['Sat', 'Sun']).not.toContain(weekday);
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(19);
    }
  });

  it('falls back to any time in a range that holds no working hours (a Sunday)', () => {
    const rng = createRng(2, 'calendar');
    const sunday = cal.days.find((day) => day.date === '2025-04-06');
    if (!sunday) throw new Error('no Sunday in the table');
    const ms = cal.workTime(rng, sunday.start, sunday.end - 1);
    expect(ms).toBeGreaterThanOrEqual(sunday.start);
    expect(ms).toBeLessThan(sunday.end);
  });

  it('moves workTimeFrom to the next working morning after hours', () => {
    const rng = createRng(3, 'calendar');
    const fridayEvening = Date.UTC(2025, 3, 4, 19); // 21:00 in Berlin, Friday 2025-04-04
    const next = local(cal.workTimeFrom(rng, fridayEvening), timeZone);
    expect(next.date).toBe('2025-04-07');
    expect(next.hour).toBeGreaterThanOrEqual(8);
  });

  it.each(['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'])(
    'has every midnight of %s equal to the time-zone database, DST days included',
    (zone) => {
      const table = createCalendar('2024-01-01', '2025-12-31', zone);
      expect(table.days).toHaveLength(731);
      const wrong = table.days.filter((day) => day.start !== localDateToInstant(day.date, zone) || day.end !== localDateToInstant(addDays(day.date, 1), zone));
      expect(wrong.map((day) => day.date)).toEqual([]);
    },
  );
});
