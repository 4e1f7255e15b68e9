import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent } from './format';
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
});
