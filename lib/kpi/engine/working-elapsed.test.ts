/** Where a straight line to a target stands "today": working days done by the end of today ÷ working days of the period. */
import { describe, expect, it } from 'vitest';
import { periodContaining } from '../../period';
import { periodInfo } from './build-plans';

const calendar = { timeZone: 'Europe/Berlin', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
/** A Berlin wall-clock time in Nov/Dec 2026 (UTC+1). */
const berlin = (month: 11 | 12, day: number, hour: number) => Date.UTC(2026, month - 1, day, hour - 1);

describe('working days elapsed (pace and "where you should be today")', () => {
  // December 2026: Tue 1 Dec, 23 working days. The week of Mon 30 Nov – Sun 6 Dec: 5.
  const rows: [string, 'week' | 'month', number, number, number][] = [
    // name, window, at, working days done (today included when it is a working day), of
    ['Sunday night: the week is done by the end of Friday', 'week', berlin(12, 6, 23), 5, 5],
    ['Sunday night: December to Friday 4 Dec', 'month', berlin(12, 6, 23), 4, 23], // 1–4 Dec; 6 of 31 days by the clock
    ['Saturday: the same as Friday night', 'month', berlin(12, 5, 12), 4, 23],
    ['Monday morning: today counts', 'month', berlin(12, 7, 9), 5, 23], // 1–4 and 7 Dec
    ['Monday morning, the new week', 'week', berlin(12, 7, 9), 1, 5],
    ['Wednesday of the week', 'week', berlin(12, 2, 15), 3, 5], // Mon 30 Nov, Tue 1, Wed 2 Dec
  ];
  for (const [name, window, at, done, of] of rows) {
    it(`${name}: ${done} of ${of}`, () => {
      const info = periodInfo(periodContaining(window, at, calendar), at, calendar);
      expect([info.workingDaysElapsed, info.workingDays]).toEqual([done, of]);
      expect(info.workingElapsed).toBeCloseTo(done / of, 12);
    });
  }

  it('is 0 before the period starts and 1 once it is over', () => {
    const december = periodContaining('month', berlin(12, 10, 12), calendar);
    expect(periodInfo(december, berlin(11, 20, 12), calendar).workingElapsed).toBe(0);
    expect(periodInfo(december, Date.UTC(2027, 0, 5), calendar).workingElapsed).toBe(1); // 23 of 23
  });
});
