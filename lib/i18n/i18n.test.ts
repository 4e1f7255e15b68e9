import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatPeriod } from './format';
import { resolveLocale } from './locale';
import { translator } from './messages';

describe('i18n', () => {
  it('picks Russian from the browser language unless the rep chose', () => {
    expect(resolveLocale('auto', 'ru-RU')).toBe('ru');
    expect(resolveLocale('auto', 'de-DE')).toBe('en');
    expect(resolveLocale('en', 'ru')).toBe('en');
  });

  it('uses Russian plural forms', () => {
    const t = translator('ru');
    expect([1, 3, 5, 21].map((count) => t('pipeline.openDeals', { count }))).toEqual([
      '1 открытая сделка',
      '3 открытые сделки',
      '5 открытых сделок',
      '21 открытая сделка',
    ]);
    expect(translator('en')('pipeline.openDeals', { count: 1 })).toBe('1 open deal');
  });

  it('formats money from minor units for the locale', () => {
    expect(formatMoney(12_345_600, 'USD', 'en')).toBe('$123,456');
    expect(formatMoney(12_345_600, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('123 456 ₽');
    expect(formatMoney(1999, 'USD', 'en')).toBe('$19.99');
    expect(formatPercent(42.25, 'en')).toBe('42.3%');
  });

  it('names a period in words, never as an ISO code', () => {
    const berlin = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - 3_600_000; // local midnight, UTC+1 in winter
    const rows: [number, number, 'en' | 'ru', string][] = [
      [berlin(2026, 12, 1), berlin(2027, 1, 1), 'en', 'December 2026'], // one whole month
      [berlin(2026, 12, 1), berlin(2027, 1, 1), 'ru', 'декабрь 2026 г.'],
      [berlin(2026, 11, 30), berlin(2026, 12, 7), 'en', 'Nov 30 – Dec 6'], // ISO week 2026-W49, Monday to Sunday
      [berlin(2026, 11, 30), berlin(2026, 12, 7), 'ru', '30 нояб. – 6 дек.'],
      [berlin(2026, 1, 1), berlin(2027, 1, 1), 'en', '2026'], // a calendar year
      [berlin(2026, 12, 28), berlin(2027, 1, 4), 'en', 'Dec 28, 2026 – Jan 3, 2027'], // a week across two years names both
    ];
    for (const [start, end, locale, words] of rows) expect(formatPeriod(start, end, 'Europe/Berlin', locale).replace(/\s/g, ' ')).toBe(words);
  });
});
