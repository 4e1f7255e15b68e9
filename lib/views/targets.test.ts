import { describe, expect, it } from 'vitest';
import { periodContaining } from '../period';
import { targetForWindow } from './targets';

const calendar = { timeZone: 'Europe/Berlin', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
/** A Berlin wall-clock time in December 2026 (UTC+1). */
const berlin = (day: number, hour: number) => Date.UTC(2026, 11, day, hour - 1);

describe('activity targets per window count working days only', () => {
  // 10 calls a working day. December 2026 starts on a Tuesday: 23 working days (1–4, 7–11, 14–18, 21–25, 28–31).
  const rows: [string, number, 'day' | 'week' | 'month', number][] = [
    ['Sunday 6 Dec, 21:00, today', berlin(6, 21), 'day', 0], // a Sunday is not a working day: nothing is due today
    ['Saturday 5 Dec, 10:00, today', berlin(5, 10), 'day', 0],
    ['Monday 7 Dec, 09:00, today', berlin(7, 9), 'day', 10], // one working day × 10
    ['Sunday 6 Dec, this week', berlin(6, 21), 'week', 50], // Mon 30 Nov – Fri 4 Dec: 5 × 10
    ['Sunday 6 Dec, this month', berlin(6, 21), 'month', 230], // 23 × 10
    ['Tuesday 1 Dec, this week', berlin(1, 12), 'week', 50], // the week of 30 Nov – 6 Dec still has 5 working days
  ];
  for (const [name, at, window, expected] of rows) {
    it(`${name}: ${expected}`, () => {
      expect(targetForWindow(10, periodContaining(window, at, calendar), calendar)).toBe(expected);
    });
  }

  it('has no target without a daily one', () => {
    expect(targetForWindow(undefined, periodContaining('day', berlin(7, 9), calendar), calendar)).toBeUndefined();
  });
});
