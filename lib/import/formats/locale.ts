import type { DateOrder } from './date-text';
import type { DecimalMark } from './number-text';

/** Whether Intl knows the tag (`de`, `en-IN`, `ru-RU`). */
export function isLocale(tag: string): boolean {
  try {
    return tag.trim() !== '' && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The decimal mark numbers are written with in a locale (`de` → `,`, `de-CH` → `.`); undefined for a tag Intl rejects. */
export function decimalMarkFor(locale: string): DecimalMark | undefined {
  if (!isLocale(locale)) return undefined;
  const mark = new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return mark === ',' ? ',' : mark === '.' ? '.' : undefined;
}

/**
 * How a locale orders the fields of a short numeric date: `en-US` month first,
 * `en-GB` and `ru` day first, `ja` and `sv` year first. Pages and exports show
 * dates formatted for their audience, so a locale is the best guess of an
 * ambiguous column's order when nothing in the file tells.
 */
export function dateOrderFor(locale: string): DateOrder | undefined {
  if (!isLocale(locale)) return undefined;
  const parts = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', numberingSystem: 'latn' }).formatToParts(
    Date.UTC(2017, 1, 1),
  );
  const at = (type: string) => parts.findIndex((part) => part.type === type);
  const [year, month, day] = [at('year'), at('month'), at('day')];
  if (year >= 0 && year < month && year < day) return 'ymd';
  return month >= 0 && day >= 0 && month < day ? 'mdy' : 'dmy';
}

/**
 * What one kind of format says about the other, as every locale Intl knows
 * writes them (locale-facts.test.ts checks both claims over a hundred of them):
 * month-first dates are written only where the decimal mark is a dot, and
 * where it is a comma, dates with the year last are day first.
 */
export const CROSS_FACTS = {
  markOfMonthFirst: '.' as DecimalMark,
  orderNotWithComma: 'mdy' as DateOrder,
} as const;
