/**
 * The shapes of date cells in exports, and what each shape allows:
 * - exact: ISO 8601 (`2017-06-30`, with a time, an offset), year first
 *   (`2017/06/30`, `2017.06.30`, `2017. 06. 30.`), `20170630`: one reading only;
 * - fields: `a/b/c`, `a-b-c` with the year last (or, with two-digit years,
 *   possibly first): day-month-year, month-day-year or year-month-day, as the
 *   values allow. Dotted dates (`30.06.2017`) are day first: no locale writes
 *   them month first (checked against Intl in locale-facts.test.ts);
 * - serial: a bare number, an Excel serial day when the column holds only those.
 */
import { DAY_MS } from '../../period/units';
export const DATE_ORDERS = ['dmy', 'mdy', 'ymd'] as const;
/** `mdy`: 01/02/2017 is January 2nd (US); `dmy`: February 1st; `ymd`: 17/02/01 is 2017-02-01. */
export type DateOrder = (typeof DATE_ORDERS)[number];
/** Excel's two day counts: from 1899-12-30 (Windows, the default) or from 1904-01-01 (old Mac workbooks). */
export type SerialEpoch = 1900 | 1904;

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp])\.?\s?[Mm]\.?)?`;
const ZONE = String.raw`\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME}(?:${ZONE})?)?$`);
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})(/|\.|\. )(\d{1,2})\2(\d{1,2})\.?(?:[T ,]+${TIME})?$`);
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})$/;
const FIELDS = new RegExp(String.raw`^(\d{1,2})(/|-|\.|\. )(\d{1,2})\2(\d{4}|\d{2})(?:\.|\s*г\.)?(?:[T ,]+${TIME})?$`);
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
/** Serial days from 1970-01-01 (1904 count) to 2100-01-01 (1900 count): a column of these under a date header is Excel's. */
export const SERIAL_RANGE = { min: 24_107, max: 73_051 } as const;

export type DateShape =
  { kind: 'exact' } | { kind: 'fields'; orders: readonly DateOrder[]; dotted: boolean } | { kind: 'serial'; inRange: boolean } | { kind: 'none' };

/** The wall-clock parts of a date cell and the zone it names, if any. */
export type DateParts = { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number; zone?: string; timeError?: true };

/** The shape of a cell and the orders under which it is a real date. */
export function dateShape(text: string): DateShape {
  const value = text.trim();
  if (ISO.test(value) || YEAR_FIRST.test(value) || COMPACT.test(value)) return { kind: 'exact' };
  const fields = FIELDS.exec(value);
  if (fields) {
    const dotted = fields[2] !== '/' && fields[2] !== '-';
    const orders = (dotted ? (['dmy'] as const) : DATE_ORDERS).filter((order) => {
      const parts = fieldParts(fields, order);
      return parts !== undefined && isRealDay(parts.year, parts.month, parts.day);
    });
    return { kind: 'fields', orders, dotted };
  }
  if (SERIAL.test(value)) {
    const serial = Number(value);
    return { kind: 'serial', inRange: serial >= SERIAL_RANGE.min && serial < SERIAL_RANGE.max };
  }
  return { kind: 'none' };
}

/** A cell's parts under `order` (ignored by exact shapes); undefined when the text is no date of that order. */
export function dateParts(text: string, order: DateOrder | undefined): DateParts | undefined {
  const value = text.trim();
  let match = ISO.exec(value);
  if (match) return withTime({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, match, 4, match[9]);
  match = YEAR_FIRST.exec(value);
  if (match) return withTime({ year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) }, match, 5);
  match = COMPACT.exec(value);
  if (match) return withTime({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }, match, 99);
  match = FIELDS.exec(value);
  if (!match) return undefined;
  const dotted = match[2] !== '/' && match[2] !== '-';
  const day = fieldParts(match, dotted ? 'dmy' : (order ?? 'mdy'));
  return day && withTime(day, match, 5);
}

/** Serial days (and the fraction, the time of day) to wall-clock parts in Excel's 1900 or 1904 count. */
export function serialParts(text: string, epoch: SerialEpoch): DateParts | undefined {
  const value = text.trim();
  if (!SERIAL.test(value)) return undefined;
  const serial = Number(value);
  const days = Math.floor(serial);
  // 1900 count: day 1 is 1900-01-01 and Excel keeps Lotus's 1900-02-29, so from day 61 on, day 0 is 1899-12-30.
  const base = epoch === 1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  const wall = new Date(base + days * DAY_MS + Math.round((serial - days) * DAY_MS));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    ms: wall.getUTCMilliseconds(),
  };
}

function fieldParts(match: RegExpExecArray, order: DateOrder): { year: number; month: number; day: number } | undefined {
  const [a, b, c] = [Number(match[1]), Number(match[3]), match[4] ?? ''];
  if (order === 'ymd') return c.length === 2 && match[1]!.length === 2 ? { year: fullYear(a), month: b, day: Number(c) } : undefined;
  const year = c.length === 2 ? fullYear(Number(c)) : Number(c);
  return order === 'dmy' ? { year, month: b, day: a } : { year, month: a, day: b };
}

function withTime(day: { year: number; month: number; day: number }, match: RegExpExecArray, at: number, zone?: string): DateParts {
  const parts: DateParts = { ...day, hour: 0, minute: 0, second: 0, ms: 0 };
  if (zone !== undefined) parts.zone = zone;
  if (match[at] === undefined) return parts;
  const hour = to24(Number(match[at]), match[at + 4]);
  const fraction = match[at + 3] ?? '';
  Object.assign(parts, {
    hour,
    minute: Number(match[at + 1]),
    second: Number(match[at + 2] ?? 0),
    ms: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
  });
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) parts.timeError = true;
  return parts;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two-digit years: 00–69 are 2000s, 70–99 are 1900s (the spreadsheet convention). */
function fullYear(year: number): number {
  return year < 70 ? 2000 + year : 1900 + year;
}

/** 12-hour clock values to 24; 99 (rejected by the caller) for an hour no 12-hour clock shows. */
function to24(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  if (hour < 1 || hour > 12) return 99;
  return (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
}

export function zoneOffsetMs(zone: string): number {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return (match[1] === '-' ? -1 : 1) * minutes * 60_000;
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

/** Whether the value carries a time of day (a separate time column is then ignored). */
export function hasTimeOfDay(text: string): boolean {
  return /\d{1,2}:\d{2}/.test(text);
}

/** Cells that mean "no date" in a date column (amoCRM writes `не закрыта` for open deals): empty, not unreadable. */
const NO_DATE = new Set([
  'не закрыта',
  'не закрыто',
  'не закрыт',
  'не завершена',
  'не завершено',
  'не указана',
  'не указано',
  'нет даты',
  'без даты',
  'нет',
  'not closed',
  'not set',
  'no date',
  'never',
  'open',
  'tbd',
  'n/a',
  '0000-00-00',
  '0000-00-00 00:00:00',
  '00.00.0000',
  '00.00.0000 00:00:00',
]);

export function isNoDateWord(text: string): boolean {
  if (text.length > 40) return false;
  // Most cells are dates: a digit other than the 0 of `0000-00-00` rules the words out at once.
  const first = text.charCodeAt(0);
  if (first >= 49 && first <= 57) return false;
  return NO_DATE.has(text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ё/g, 'е'));
}
