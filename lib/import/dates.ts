import { dateParts, dateShape, serialParts, zoneOffsetMs, type DateOrder, type DateParts, type SerialEpoch } from './formats/date-text';
import { wallTimeToInstant } from './wall-time';

export { hasTimeOfDay, readTimeOfDay } from './formats/date-text';

/**
 * How one date column reads: its zone, the order of its `a/b/c` dates (decided
 * for the column, see formats/decide.ts) and, for a column of Excel serial
 * numbers, their day count.
 */
export type DateReadOptions = { timeZone: string; dateOrder?: DateOrder; serial?: SerialEpoch };

type DateRead = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A date cell to an instant: ISO 8601 (a zone or offset makes it exact, so
 * `2017-06-30T14:05+03:00` keeps its instant), year-first dates, `DD.MM.YYYY`,
 * `a/b/c` in the column's order, with or without a time and AM/PM, or an Excel
 * serial day in a serial column. A value without a zone is wall-clock time in
 * `timeZone`; a date-only value is local midnight there, so a deal closed on
 * 2017-06-30 counts in June for a user in any zone.
 */
export function readDate(text: string, options: DateReadOptions): DateRead {
  // Exports repeat the same dates thousands of times: each distinct text is read once per options object.
  let cache = readCache.get(options);
  if (cache === undefined || cache.size >= MAX_CACHED) {
    cache = new Map();
    readCache.set(options, cache);
  }
  let read = cache.get(text);
  if (read === undefined) {
    read = parseDate(text, options);
    cache.set(text, read);
  }
  return read;
}

const MAX_CACHED = 20_000;
const readCache = new WeakMap<DateReadOptions, Map<string, DateRead>>();

function parseDate(text: string, options: DateReadOptions): DateRead {
  const shape = dateShape(text);
  let parts: DateParts | undefined;
  if (shape.kind === 'serial') {
    if (options.serial === undefined)
      return { ok: false, reason: 'is a number, not a date (a column of Excel serial dates is read as such only when all its values are)' };
    parts = serialParts(text, options.serial);
  } else if (shape.kind === 'fields' && !shape.dotted && options.dateOrder === undefined) {
    return { ok: false, reason: 'is not a date in the format of the rest of its column' };
  } else if (options.serial !== undefined && shape.kind !== 'none') {
    return { ok: false, reason: 'is a date in a column of Excel serial numbers' };
  } else {
    parts = shape.kind === 'none' ? undefined : dateParts(text, options.dateOrder);
  }
  if (!parts) return { ok: false, reason: 'is not a date (expected YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY, MM/DD/YYYY, optionally with a time)' };
  if (parts.month < 1 || parts.month > 12) return { ok: false, reason: `is not a date (there is no month ${parts.month}${orderHint(shape, options)})` };
  if (parts.timeError) return { ok: false, reason: 'is not a valid time of day' };
  if (parts.zone !== undefined) {
    const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
    const check = new Date(utc);
    if (check.getUTCDate() !== parts.day || check.getUTCMonth() !== parts.month - 1) return { ok: false, reason: 'is not a real date' };
    return { ok: true, value: utc - zoneOffsetMs(parts.zone) };
  }
  const instant = wallTimeToInstant(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.ms, options.timeZone);
  return instant === undefined ? { ok: false, reason: 'is not a real date' } : { ok: true, value: instant };
}

function orderHint(shape: ReturnType<typeof dateShape>, options: DateReadOptions): string {
  if (shape.kind !== 'fields') return '';
  if (shape.dotted) return '; dotted dates are day first';
  const order = { dmy: 'day first', mdy: 'month first', ymd: 'year first' }[options.dateOrder ?? 'mdy'];
  return `; this column's dates are read ${order}`;
}
