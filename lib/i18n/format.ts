import { minorToMajor } from '../money/minor';
import { intlTag, type Locale } from './locale';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale), options);
    cache.set(key, format);
  }
  return format;
}

/** Money from minor units, e.g. 12345600 USD → "$123,456" (en) / "123 456 $" (ru). */
export function formatMoney(minor: number, currency: string, locale: Locale, options: { compact?: boolean } = {}): string {
  const major = minorToMajor(minor, currency);
  const compact = options.compact && Math.abs(major) >= 10_000;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    notation: compact ? 'compact' : 'standard',
    maximumFractionDigits: compact ? 1 : Math.abs(major) >= 1000 ? 0 : 2,
  }).format(major);
}

/** A percentage given as 0–100. */
export function formatPercent(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value / 100);
}

export function formatNumber(value: number, locale: Locale, digits = 0): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A relative change (%) with its sign, e.g. "+12.5 %". */
export function formatChange(value: number, locale: Locale): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value / 100);
}

/** A change of a percentage in percentage points with its sign, e.g. "+1.5 pp" (en) / "+1,5 п. п." (ru). */
export function formatPoints(value: number, locale: Locale): string {
  const number = numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
  return `${number}\u00a0${locale === 'ru' ? 'п.\u00a0п.' : 'pp'}`;
}

/**
 * The days a span covers, short and localised: "1–6 Nov" (en), "1–6 нояб." (ru), "28 Nov – 2 Dec".
 * `end` is exclusive: the last day is the one holding end − 1.
 */
export function formatDayRange(start: number, end: number, timeZone: string, locale: Locale): string {
  const last = Math.max(start, end - 1);
  const format = new Intl.DateTimeFormat(intlTag(locale), { timeZone, day: 'numeric', month: 'short' });
  return format.formatRange(start, last);
}

export function formatDateTime(ms: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

export function formatDate(ms: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { timeZone, dateStyle: 'medium' }).format(ms);
}

/**
 * A period [start, end) in words, never as an ISO code: a whole month "December 2026" / "декабрь 2026 г.",
 * whole months "Oct – Dec 2026", a whole year "2026", anything else its days "Nov 30 – Dec 6"
 * (with the years when the days span two of them: "Dec 28, 2026 – Jan 3, 2027").
 */
export function formatPeriod(start: number, end: number, timeZone: string, locale: Locale): string {
  const last = Math.max(start, end - 1);
  const parts = (ms: number) => {
    const fields = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(ms);
    const get = (type: string) => Number(fields.find((f) => f.type === type)?.value);
    return { year: get('year'), month: get('month'), day: get('day'), midnight: get('hour') === 0 && get('minute') === 0 };
  };
  const from = parts(start);
  const to = parts(end);
  const tag = intlTag(locale);
  const wholeMonths = from.midnight && to.midnight && from.day === 1 && to.day === 1;
  if (wholeMonths) {
    const months = (to.year - from.year) * 12 + (to.month - from.month);
    if (months === 1) return new Intl.DateTimeFormat(tag, { timeZone, month: 'long', year: 'numeric' }).format(start);
    if (months === 12 && from.month === 1) return String(from.year);
    return new Intl.DateTimeFormat(tag, { timeZone, month: 'short', year: 'numeric' }).formatRange(start, last);
  }
  const sameYear = from.year === parts(last).year;
  return new Intl.DateTimeFormat(
    tag,
    sameYear ? { timeZone, day: 'numeric', month: 'short' } : { timeZone, day: 'numeric', month: 'short', year: 'numeric' },
  ).formatRange(start, last);
}

/** A day with its weekday, short: "Sun, Dec 6" (en), "вс, 6 дек." (ru). */
export function formatWeekday(ms: number, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(ms);
}
