/**
 * Local calendar days as numbers, so that a cycle length is a whole number of calendar days in the
 * reporting time zone (a deal created on 20 March and won on 30 March took 10 days, whatever the hour,
 * and a daylight-saving change in between makes no 9.96). The zone's offset is looked up once per
 * quarter hour an instant falls in (offsets only ever change on quarter hours), so a query over
 * thousands of deals makes a handful of time-zone calls, not one per record.
 */
import { DAY_MS } from '../../period/units';
import { TZDate } from '@date-fns/tz';

const QUARTER_HOUR = 900_000;
const perZone = new Map<string, (at: number) => number>();

/** The day number (days since 1970-01-01 in the zone's local calendar) of an instant. */
export function dayNumberIn(timeZone: string): (at: number) => number {
  let fn = perZone.get(timeZone);
  if (fn) return fn;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    fn = (at) => Math.floor(at / DAY_MS);
  } else {
    const offsets = new Map<number, number>();
    fn = (at) => {
      const bucket = Math.floor(at / QUARTER_HOUR);
      let offset = offsets.get(bucket);
      if (offset === undefined) {
        if (offsets.size > 100_000) offsets.clear();
        // getTimezoneOffset is minutes behind UTC, as Date's: local = UTC − offset.
        offset = -new TZDate(at, timeZone).getTimezoneOffset() * 60_000;
        offsets.set(bucket, offset);
      }
      return Math.floor((at + offset) / DAY_MS);
    };
  }
  perZone.set(timeZone, fn);
  return fn;
}
