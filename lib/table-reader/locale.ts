import type { DateOrder } from '../import/types';

/**
 * How `01/02/2017` reads on a page in this language: month first for
 * American English (and the few others Intl writes that way), day first
 * elsewhere. Pages show dates formatted for their audience, so the page's
 * language is the best guess; the rep can change it before reading.
 */
export function dateOrderFor(locale: string): DateOrder {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale || 'en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(Date.UTC(2017, 1, 1));
  } catch {
    return 'mdy';
  }
  const month = parts.findIndex((part) => part.type === 'month');
  const day = parts.findIndex((part) => part.type === 'day');
  return month >= 0 && day >= 0 && month < day ? 'mdy' : 'dmy';
}
