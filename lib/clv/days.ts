/**
 * Calendar days as integers (days since 1970-01-01), the clock of the purchase
 * models: purchases are counted per day, so a date needs no time zone here; the
 * caller decides which calendar day an instant falls on.
 */

import { DAY_MS } from '../period/units';
import { tzOffset } from '@date-fns/tz';

const PATTERNS: readonly { pattern: RegExp; order: 'ymd' | 'dmy' }[] = [
  { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' }, // 19970101 (CDNOW)
  { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, order: 'ymd' }, // ISO date, time ignored
  { pattern: /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, order: 'ymd' },
  { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' }, // 01.02.2024 (ru)
];

/**
 * The day of a written date: `YYYYMMDD`, `YYYY-MM-DD` (a time after it is ignored: the
 * date is taken as written), `YYYY/MM/DD` or `DD.MM.YYYY`. Undefined for anything else,
 * including impossible dates such as 2017-02-30; `MM/DD/YYYY` is refused as ambiguous.
 */
export function parseDay(text: string): number | undefined {
  const trimmed = text.trim();
  for (const { pattern, order } of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const [first, second, third] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const [year, month, day] = order === 'ymd' ? [first, second, third] : [third, second, first];
    return dayFromParts(year, month, day);
  }
  return undefined;
}

export function dayFromParts(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return ms / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dayToIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The calendar day an instant falls on in a time zone, as a day number; made for
 * many instants at once. The zone's offset is looked up once per UTC day and reused
 * when it is the same at both ends of that day (everywhere but on a DST change day,
 * which is looked up per instant). Throws RangeError for an unknown zone.
 */
export function dayOfInstant(timeZone: string): (ms: number) => number {
  if (!Number.isFinite(tzOffset(timeZone, new Date(0)))) throw new RangeError(`unknown time zone "${timeZone}"`);
  const offsetAt = (ms: number) => tzOffset(timeZone, new Date(ms)) * 60_000;
  const byUtcDay = new Map<number, number>();
  return (ms) => {
    const utcDay = Math.floor(ms / DAY_MS);
    let offset = byUtcDay.get(utcDay);
    if (offset === undefined) {
      const start = offsetAt(utcDay * DAY_MS);
      offset = start === offsetAt((utcDay + 1) * DAY_MS - 1) ? start : Number.NaN;
      byUtcDay.set(utcDay, offset);
    }
    return Math.floor((ms + (Number.isNaN(offset) ? offsetAt(ms) : offset)) / DAY_MS);
  };
}
