import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  formatChange,
  formatDate,
  formatDateTime,
  formatDayRange,
  formatWeekday,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPeriod,
  formatPoints,
  type Locale,
  translator,
  type Translate,
} from '@/lib/i18n';

export type I18n = {
  locale: Locale;
  /** The zone dates are shown in (the rep's setting, else the browser's). */
  timeZone: string;
  t: Translate;
  money: (minor: number, currency: string, options?: { compact?: boolean }) => string;
  percent: (value: number, digits?: number) => string;
  number: (value: number, digits?: number) => string;
  change: (value: number) => string;
  /** A change of a percentage, in percentage points: "+1.5 pp". */
  points: (value: number) => string;
  /** The days of a span [start, end), short: "Nov 1 – 6" / "1–6 нояб.". */
  dayRange: (start: number, end: number) => string;
  /** A period [start, end) in words: "December 2026", "Nov 30 – Dec 6", "2026"; never "2026-12" or "2026-W49". */
  period: (start: number, end: number) => string;
  date: (ms: number) => string;
  /** A day with its weekday, short: "Sun, Dec 6" / "вс, 6 дек.". */
  weekday: (ms: number) => string;
  dateTime: (ms: number) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function makeI18n(locale: Locale, timeZone: string): I18n {
  return {
    locale,
    timeZone,
    t: translator(locale),
    money: (minor, currency, options) => formatMoney(minor, currency, locale, options),
    percent: (value, digits) => formatPercent(value, locale, digits),
    number: (value, digits) => formatNumber(value, locale, digits),
    change: (value) => formatChange(value, locale),
    points: (value) => formatPoints(value, locale),
    dayRange: (start, end) => formatDayRange(start, end, timeZone, locale),
    period: (start, end) => formatPeriod(start, end, timeZone, locale),
    date: (ms) => formatDate(ms, timeZone, locale),
    weekday: (ms) => formatWeekday(ms, timeZone, locale),
    dateTime: (ms) => formatDateTime(ms, timeZone, locale),
  };
}

export function I18nProvider({ locale, timeZone, children }: { locale: Locale; timeZone: string; children: ReactNode }) {
  const value = useMemo(() => makeI18n(locale, timeZone), [locale, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
