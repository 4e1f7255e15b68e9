import { describe, expect, it } from 'vitest';
import { CROSS_FACTS, dateOrderFor, decimalMarkFor, isLocale } from './locale';

/**
 * The facts decide.ts reads one format from another by, checked against what
 * Intl writes in a hundred locales (the languages of Europe, the Americas,
 * Asia and Africa, and regional variants that differ from their language).
 */
const LOCALES = [
  'af',
  'am',
  'ar',
  'az',
  'be',
  'bg',
  'bn',
  'bs',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'de-AT',
  'de-CH',
  'el',
  'en',
  'en-AU',
  'en-CA',
  'en-GB',
  'en-IE',
  'en-IN',
  'en-NZ',
  'en-PH',
  'en-SG',
  'en-US',
  'en-ZA',
  'es',
  'es-AR',
  'es-MX',
  'es-US',
  'et',
  'eu',
  'fa',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'fr-CH',
  'ga',
  'gl',
  'gu',
  'he',
  'hi',
  'hr',
  'hu',
  'hy',
  'id',
  'is',
  'it',
  'it-CH',
  'ja',
  'ka',
  'kk',
  'km',
  'kn',
  'ko',
  'ky',
  'lo',
  'lt',
  'lv',
  'mk',
  'ml',
  'mn',
  'mr',
  'ms',
  'my',
  'nb',
  'ne',
  'nl',
  'nl-BE',
  'pa',
  'pl',
  'pt',
  'pt-BR',
  'pt-PT',
  'ro',
  'ru',
  'si',
  'sk',
  'sl',
  'sq',
  'sr',
  'sr-Latn',
  'sv',
  'sw',
  'ta',
  'te',
  'th',
  'tr',
  'uk',
  'ur',
  'uz',
  'vi',
  'zh',
  'zh-TW',
  'zu',
];

/** How a locale writes 30 June 2017 as a short numeric date: the order of its fields and what separates them. */
function shortDate(locale: string): { order: string; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' }).formatToParts(
    Date.UTC(2017, 5, 30),
  );
  const order = parts
    .filter((part) => part.type === 'year' || part.type === 'month' || part.type === 'day')
    .map((part) => part.type[0])
    .join('');
  const separator =
    parts
      .find((part) => part.type === 'literal')
      ?.value.replace(/[\u200e\u200f]/g, '')
      .trim() ?? '';
  return { order, separator };
}

describe('what Intl writes', () => {
  it('month-first dates only where the decimal mark is a dot', () => {
    const monthFirst = LOCALES.filter((locale) => shortDate(locale).order === 'mdy');
    expect(monthFirst.length).toBeGreaterThan(0);
    expect(monthFirst.map((locale) => [locale, decimalMarkFor(locale)])).toEqual(monthFirst.map((locale) => [locale, CROSS_FACTS.markOfMonthFirst]));
  });

  it('where the comma is the decimal mark, dates with the year last are day first', () => {
    const comma = LOCALES.filter((locale) => decimalMarkFor(locale) === ',' && shortDate(locale).order.endsWith('y'));
    expect(comma.length).toBeGreaterThan(20);
    expect(comma.filter((locale) => shortDate(locale).order === CROSS_FACTS.orderNotWithComma)).toEqual([]);
  });

  it('dotted dates with the year last are day first everywhere', () => {
    const dotted = LOCALES.filter((locale) => shortDate(locale).separator === '.' && shortDate(locale).order.endsWith('y'));
    expect(dotted.length).toBeGreaterThan(10);
    expect(dotted.filter((locale) => shortDate(locale).order !== 'dmy')).toEqual([]);
  });

  it.each([
    ['en-US', '.', 'mdy'],
    ['en-GB', '.', 'dmy'],
    ['de-DE', ',', 'dmy'],
    ['fr-FR', ',', 'dmy'],
    ['ru-RU', ',', 'dmy'],
    ['de-CH', '.', 'dmy'], // Swiss German: dotted dates, but a dot for decimals
    ['en-IN', '.', 'dmy'],
    ['ja', '.', 'ymd'],
  ])('%s writes %s decimals and %s dates', (locale, mark, order) => {
    expect([decimalMarkFor(locale), dateOrderFor(locale)]).toEqual([mark, order]);
  });

  it('knows a language tag from something else', () => {
    expect(['en', 'de-CH', 'ru-RU', 'zh-Hant-TW'].map(isLocale)).toEqual([true, true, true, true]);
    expect(['', 'english please', 'xx-!!'].map(isLocale)).toEqual([false, false, false]);
  });
});
