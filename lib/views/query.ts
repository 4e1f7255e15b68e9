import type { KpiQuery } from '../kpi/types';
import type { CalendarOptions, Weekday } from '../period/types';
import { kpiSettingsOf } from '../settings/kpi-settings';
import type { Settings } from '../settings/schema';
import { effectiveTimeZone } from '../settings/schema';

/** The calendar a rep's settings describe. */
export function calendarOf(settings: Settings, browserZone: string): CalendarOptions {
  return {
    timeZone: effectiveTimeZone(settings, browserZone),
    weekStartsOn: settings.weekStartsOn as Weekday,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
  };
}

/** The parts of a KPI query that come from settings alone (what counts as a demo or an SQL stage is per source). */
export function queryBasics(settings: Settings, browserZone: string, source?: string): Pick<KpiQuery, 'calendar' | 'currency' | 'settings'> {
  return {
    calendar: calendarOf(settings, browserZone),
    currency: { reporting: settings.reportingCurrency, rates: settings.rates },
    settings: kpiSettingsOf(settings, source),
  };
}
