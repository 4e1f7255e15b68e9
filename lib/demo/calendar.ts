import { DAY_MS } from '../period/units';
import { instantToLocalDate, localDateToInstant } from '../period/local-date';
import type { Rng } from './random';

export const HOUR = 3_600_000;

/** One local calendar day of the demo's time zone. */
export type DemoDay = {
  date: string;
  /** Local midnight, ms. */
  start: number;
  /** Next local midnight, ms (23 or 25 hours later on DST days). */
  end: number;
  /** 0 = Sunday. */
  weekday: number;
  working: boolean;
};

/**
 * The local days the demo spans, from the start of its history to a horizon after
 * `asOf` (for expected close dates and scheduled activities). Built once, so placing
 * 30,000 activities in working hours needs no time-zone maths per activity.
 */
export type DemoCalendar = {
  timeZone: string;
  days: readonly DemoDay[];
  /** Index of the day an instant falls on, clamped to the table. */
  dayIndexAt(ms: number): number;
  day(index: number): DemoDay;
  /** An instant at a fractional local hour (9.5 = 09:30) of a day. */
  atHour(index: number, hour: number): number;
  /** A working-hours instant on a working day within [from, to]; anywhere in [from, to] if there is none. */
  workTime(rng: Rng, from: number, to: number): number;
  /** The first working-hours instant at or after `ms` (same day if it still can be). */
  workTimeFrom(rng: Rng, ms: number): number;
};

/** Days off besides weekends: the holidays most of the demo's markets share. */
const HOLIDAYS = new Set(['01-01', '12-25', '12-26']);

/** Sales teams work 8:00–19:00 with a morning and an afternoon peak; weights per starting hour. */
const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  [8, 0.4],
  [9, 1],
  [10, 1.2],
  [11, 1.2],
  [12, 0.6],
  [13, 0.9],
  [14, 1.2],
  [15, 1.1],
  [16, 1],
  [17, 0.6],
  [18, 0.25],
];

/** Share of a working day's activity that lies before a local hour (fractional): 0 before 8:00, 1 from 19:00. */
export function workDayShareBefore(hour: number): number {
  let done = 0;
  let total = 0;
  for (const [start, weight] of HOUR_WEIGHTS) {
    total += weight;
    done += weight * Math.max(0, Math.min(1, hour - start));
  }
  return done / total;
}

/** `YYYY-MM-DD` plus n days, by plain calendar arithmetic (no clock, no zone). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `YYYY-MM` plus n months. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new RangeError(`demo data: unknown time zone "${timeZone}" (expected an IANA zone such as Europe/Berlin)`);
  }
}

export function localMidnight(date: string, timeZone: string): number {
  const ms = localDateToInstant(date, timeZone);
  if (ms === undefined) throw new RangeError(`demo data: cannot place ${date} in ${timeZone}`);
  return ms;
}

/**
 * The local midnight after each date, asking the time-zone database once a week
 * instead of once a day: a week exactly 7 × 24 hours long holds no clock change
 * (no zone changes its clocks twice within a week), so its midnights are 24 h apart.
 */
function nextMidnights(firstDate: string, lastDate: string, timeZone: string): (date: string) => number {
  const exact = new Map<string, number>();
  let weekStart = localMidnight(firstDate, timeZone);
  for (let date = firstDate; date <= lastDate; date = addDays(date, 7)) {
    const weekEnd = localMidnight(addDays(date, 7), timeZone);
    const regular = weekEnd - weekStart === 7 * DAY_MS;
    for (let day = 0; day < 7; day += 1) {
      const current = addDays(date, day);
      exact.set(current, regular ? weekStart + (day + 1) * DAY_MS : localMidnight(addDays(current, 1), timeZone));
    }
    weekStart = weekEnd;
  }
  return (date) => exact.get(date) ?? localMidnight(addDays(date, 1), timeZone);
}

/** Any instant in [from, to], to the second where the range allows (CRMs keep seconds, not ms). */
export function anyTime(rng: Rng, from: number, to: number): number {
  const ms = from + Math.floor(rng.next() * Math.max(0, to - from));
  const second = Math.ceil(ms / 1000) * 1000;
  return second <= to ? second : ms;
}

export function createCalendar(firstDate: string, lastDate: string, timeZone: string): DemoCalendar {
  const days: DemoDay[] = [];
  const midnightAfter = nextMidnights(firstDate, lastDate, timeZone);
  let start = localMidnight(firstDate, timeZone);
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    const end = midnightAfter(date);
    const weekday = weekdayOf(date);
    const working = weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date.slice(5));
    days.push({ date, start, end, weekday, working });
    start = end;
  }
  // workingBefore[i] = number of working days before day i; lets workTime pick a working day in O(log n).
  const workingBefore: number[] = [0];
  const workingDays: number[] = [];
  days.forEach((day, i) => {
    if (day.working) workingDays.push(i);
    workingBefore.push((workingBefore[i] ?? 0) + (day.working ? 1 : 0));
  });

  const dayIndexAt = (ms: number): number => {
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((days[mid] as DemoDay).start <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const day = (index: number): DemoDay => {
    const found = days[Math.max(0, Math.min(days.length - 1, index))];
    if (!found) throw new Error('demo data: empty calendar');
    return found;
  };
  // Counting back from the next midnight keeps daytime hours right on DST days (changes happen at night).
  const atHour = (index: number, hour: number): number => Math.round(day(index).end - (24 - hour) * HOUR);
  const randomHour = (rng: Rng): number => rng.weighted(HOUR_WEIGHTS) + rng.int(0, 59) / 60;

  const workTime = (rng: Rng, from: number, to: number): number => {
    const first = dayIndexAt(from);
    const last = dayIndexAt(to);
    const offset = workingBefore[first] ?? 0;
    const available = (workingBefore[last + 1] ?? 0) - offset;
    for (let attempt = 0; available > 0 && attempt < 4; attempt += 1) {
      const index = workingDays[offset + rng.int(0, available - 1)] ?? first;
      const ms = atHour(index, randomHour(rng));
      if (ms >= from && ms <= to) return ms;
    }
    return anyTime(rng, from, to);
  };

  const workTimeFrom = (rng: Rng, ms: number): number => {
    for (let index = dayIndexAt(ms); index < days.length; index += 1) {
      if (!day(index).working) continue;
      const candidate = atHour(index, randomHour(rng));
      if (candidate >= ms) return candidate;
      const latest = atHour(index, 18.75);
      if (latest >= ms) return anyTime(rng, ms, latest);
    }
    return ms;
  };

  return { timeZone, days, dayIndexAt, day, atHour, workTime, workTimeFrom };
}

export { instantToLocalDate };
