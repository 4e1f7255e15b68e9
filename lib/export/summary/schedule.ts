import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

/** When the weekly summary notification goes out: Monday 08:30 in the rep's time zone. */
export const WEEKLY_NOTICE = { weekday: 1, hour: 8, minute: 30 } as const;

/**
 * The first Monday 08:30 (wall-clock time in `timeZone`) strictly after `now`. Wall-clock, not a fixed
 * 7 × 24 hours: across a daylight-saving change the notice still comes at 08:30 local time. Should
 * 08:30 not exist that day (no zone skips it today), the zone's own resolution of the gap is used.
 */
export function nextWeeklyNoticeAt(now: number, timeZone: string, when: { weekday: number; hour: number; minute: number } = WEEKLY_NOTICE): number {
  if (!Number.isFinite(now)) throw new Error('now must be a finite instant');
  const local = new TZDate(now, timeZone);
  const daysAhead = (when.weekday - local.getDay() + 7) % 7;
  for (const extra of [0, 7]) {
    const day = addDays(local, daysAhead + extra);
    const at = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), when.hour, when.minute, 0, 0, timeZone).getTime();
    if (at > now) return at;
  }
  throw new Error('no next notice time found');
}
