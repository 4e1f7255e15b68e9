import type { DateOrder } from './types';
import { wallTimeToInstant } from './wall-time';

export type DateReadOptions = { timeZone: string; dateOrder: DateOrder };

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; hasTime: boolean };

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?[Mm]\.?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME}\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$`);
const YMD_SLASH = new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})(?:[T ,]+${TIME})?$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:[T ,]+${TIME})?$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:[T ,]+${TIME})?$`);

/**
 * Reads the dates CRM exports and spreadsheets write: ISO 8601 (with a zone it
 * is exact), `YYYY-MM-DD`, `YYYY/MM/DD`, `DD.MM.YYYY` (Russian), and slash dates
 * (`MM/DD/YYYY` unless the order is `dmy`), with or without a time, AM/PM
 * allowed. A value without a zone is wall-clock time in `timeZone`; a date-only
 * value is local midnight there, so a deal closed on 2017-06-30 counts in June
 * for a user in any zone. Returns the instant, or a reason.
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

type DateRead = { ok: true; value: number } | { ok: false; reason: string };
const MAX_CACHED = 20_000;
const readCache = new WeakMap<DateReadOptions, Map<string, DateRead>>();

function parseDate(text: string, options: DateReadOptions): DateRead {
  const value = text.trim();
  const parts = splitDate(value, options.dateOrder);
  if (!parts) return { ok: false, reason: 'is not a date (expected YYYY-MM-DD, DD.MM.YYYY or MM/DD/YYYY, optionally with a time)' };
  if (parts.month < 1 || parts.month > 12) return { ok: false, reason: `is not a date (there is no month ${parts.month}${slashHint(value, options)})` };
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) return { ok: false, reason: 'is not a valid time of day' };
  const zone = ISO.exec(value)?.[9];
  if (zone !== undefined) {
    const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
    const check = new Date(utc);
    if (check.getUTCDate() !== parts.day || check.getUTCMonth() !== parts.month - 1) return { ok: false, reason: 'is not a real date' };
    return { ok: true, value: utc - zoneOffsetMs(zone) };
  }
  const instant = wallTimeToInstant(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.ms, options.timeZone);
  return instant === undefined ? { ok: false, reason: 'is not a real date' } : { ok: true, value: instant };
}

/** Whether the value carries a time of day (a separate time column is then ignored). */
export function hasTimeOfDay(text: string): boolean {
  return /\d{1,2}:\d{2}/.test(text);
}

/** `HH:MM[:SS]` with optional AM/PM to seconds since midnight; undefined when unreadable. */
export function readTimeOfDay(text: string): number | undefined {
  const match = new RegExp(`^${TIME}$`).exec(text.trim());
  if (!match) return undefined;
  const hour = to24(Number(match[1]), match[5]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return hour * 3600 + minute * 60 + second;
}

function splitDate(value: string, order: DateOrder): Parts | undefined {
  let match = ISO.exec(value) ?? YMD_SLASH.exec(value);
  if (match) return build(match[1], match[2], match[3], match, 4);
  match = DOTTED.exec(value);
  if (match) return build(fullYear(match[3]), match[2], match[1], match, 4);
  match = SLASHED.exec(value);
  if (match) {
    const [first, second] = [match[1], match[2]];
    return order === 'mdy' ? build(fullYear(match[3]), first, second, match, 4) : build(fullYear(match[3]), second, first, match, 4);
  }
  return undefined;
}

function build(year: string | undefined, month: string | undefined, day: string | undefined, match: RegExpExecArray, at: number): Parts {
  const hasTime = match[at] !== undefined;
  const fraction = match[at + 3] ?? '';
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: hasTime ? to24(Number(match[at]), match[at + 4]) : 0,
    minute: hasTime ? Number(match[at + 1]) : 0,
    second: Number(match[at + 2] ?? 0),
    ms: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
    hasTime,
  };
}

/** Two-digit years: 00–69 are 2000s, 70–99 are 1900s (the spreadsheet convention). */
function fullYear(text: string | undefined): string {
  if (text === undefined || text.length !== 2) return text ?? '';
  const year = Number(text);
  return String(year < 70 ? 2000 + year : 1900 + year);
}

function to24(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return 99; // not a 12-hour clock value: rejected by the caller
  const pm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (pm ? 12 : 0);
}

function zoneOffsetMs(zone: string): number {
  if (zone === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
}

function slashHint(value: string, options: DateReadOptions): string {
  if (!value.includes('/')) return '';
  return options.dateOrder === 'mdy' ? '; slash dates are read as MM/DD/YYYY, set the date order to dmy for DD/MM/YYYY' : '; slash dates are read as DD/MM/YYYY';
}
