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
