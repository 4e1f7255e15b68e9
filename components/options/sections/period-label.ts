import { DAY_MS } from '@/lib/period';
import { intlTag, type Locale } from '@/lib/i18n';
import { quotaPeriodDates, type QuotaPeriodChoice } from '@/lib/settings';

/**
 * How a quota period reads in the form and the list: a month by its name
 * ("June 2017", "июнь 2017 г."), any other period by its key and the months it
 * spans ("FY2018 (Apr 2017 – Mar 2018)"), so a fiscal year is never ambiguous.
 */
export function periodLabel(kind: QuotaPeriodChoice | 'custom', key: string, fiscalYearStartMonth: number, locale: Locale): string {
  const dates = kind === 'custom' ? undefined : quotaPeriodDates(kind, key, fiscalYearStartMonth);
  if (!dates) return key;
  return datesLabel(kind, key, dates.startDate, dates.endDate, locale);
}

/** A quota's dates (end exclusive) as a label; `key` is shown first unless the period is a single month. */
export function datesLabel(kind: string, key: string, startDate: string, endDate: string, locale: Locale): string {
  const month = new Intl.DateTimeFormat(intlTag(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  const start = Date.parse(`${startDate}T00:00:00Z`);
  const end = Date.parse(`${endDate}T00:00:00Z`);
  const whole = startDate.endsWith('-01') && endDate.endsWith('-01');
  if (kind === 'month' && whole) return new Intl.DateTimeFormat(intlTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(start);
  const last = end - DAY_MS;
  const span = whole ? `${month.format(start)} – ${month.format(last)}` : `${day.format(start)} – ${day.format(last)}`;
  return key ? `${key} (${span})` : span;
}
