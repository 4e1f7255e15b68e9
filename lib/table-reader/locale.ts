import { dateOrderFor as orderFor } from '../import/formats/locale';
import type { DateOrder } from '../import/types';

/**
 * How `01/02/2017` reads on a page in this language: month first for
 * American English (and the few others Intl writes that way), day first
 * elsewhere. Pages show dates formatted for their audience, so the page's
 * language is the best guess; the rep can change it before reading. The
 * picker offers day or month first: year-first locales (ja: 2017/02/01) put
 * the month before the day.
 */
export function dateOrderFor(locale: string): Extract<DateOrder, 'dmy' | 'mdy'> {
  return (orderFor(locale || 'en-US') ?? 'mdy') === 'dmy' ? 'dmy' : 'mdy';
}
