import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import { nextWeeklyNoticeAt } from './schedule';

const HOUR = 3_600_000;

describe('nextWeeklyNoticeAt: Monday 08:30 wall-clock time in the rep zone', () => {
  it('is later the same Monday before 08:30, and a week later from 08:30 on', () => {
    // Mon 24 Mar 2025 08:00 CET (UTC+1) = 07:00Z → 08:30 CET = 07:30Z the same day.
    expect(nextWeeklyNoticeAt(Date.UTC(2025, 2, 24, 7), 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 24, 7, 30));
    // At 08:30 exactly it is not "after now": the next one is Mon 31 Mar, already summer time (UTC+2): 06:30Z.
    expect(nextWeeklyNoticeAt(Date.UTC(2025, 2, 24, 7, 30), 'Europe/Berlin')).toBe(Date.UTC(2025, 2, 31, 6, 30));
  });

  it('stays at 08:30 local across the spring change (a 167-hour week)', () => {
    // Berlin springs forward on Sun 30 Mar 2025 at 01:00Z. From Sun 12:00Z the next notice is Mon 31 Mar 08:30 CEST = 06:30Z.
    const next = nextWeeklyNoticeAt(Date.UTC(2025, 2, 30, 12), 'Europe/Berlin');
    expect(next).toBe(Date.UTC(2025, 2, 31, 6, 30));
    // 24 Mar 07:30Z → 31 Mar 06:30Z: 7 days less the hour the clocks skipped.
    expect(next - Date.UTC(2025, 2, 24, 7, 30)).toBe(7 * DAY_MS - HOUR);
  });

  it('stays at 08:30 local across the autumn change (a 169-hour week)', () => {
    // Berlin falls back on Sun 26 Oct 2025. From Mon 20 Oct 09:00 CEST (07:00Z) the next is Mon 27 Oct 08:30 CET = 07:30Z.
    const next = nextWeeklyNoticeAt(Date.UTC(2025, 9, 20, 7), 'Europe/Berlin');
    expect(next).toBe(Date.UTC(2025, 9, 27, 7, 30));
    // 20 Oct 08:30 CEST was 06:30Z: 7 days plus the hour the clocks repeated.
    expect(next - Date.UTC(2025, 9, 20, 6, 30)).toBe(7 * DAY_MS + HOUR);
  });

  it('follows other zones and their own clock changes', () => {
    // New York springs forward on Sun 9 Mar 2025; from Fri 7 Mar the notice is Mon 10 Mar 08:30 EDT (UTC−4) = 12:30Z.
    expect(nextWeeklyNoticeAt(Date.UTC(2025, 2, 7, 15), 'America/New_York')).toBe(Date.UTC(2025, 2, 10, 12, 30));
    // Kolkata (UTC+5:30, no DST): from Tue 11 Mar 2025 the notice is Mon 17 Mar 08:30 IST = 03:00Z.
    expect(nextWeeklyNoticeAt(Date.UTC(2025, 2, 11, 9), 'Asia/Kolkata')).toBe(Date.UTC(2025, 2, 17, 3, 0));
    // Sun 16 Mar 23:00 in Moscow (UTC+3) is 20:00Z: the notice is Moscow's Monday 08:30 = 05:30Z, 9.5 hours later.
    expect(nextWeeklyNoticeAt(Date.UTC(2025, 2, 16, 20), 'Europe/Moscow')).toBe(Date.UTC(2025, 2, 17, 5, 30));
  });

  it('refuses a non-finite now and an unknown zone', () => {
    expect(() => nextWeeklyNoticeAt(Number.NaN, 'Europe/Berlin')).toThrow();
    expect(() => nextWeeklyNoticeAt(0, 'Mars/Olympus')).toThrow();
  });
});
