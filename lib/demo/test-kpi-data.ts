/**
 * The demo data set as the KPI engine takes it, for lib/kpi's tests that check a rule over realistic
 * data (here, not in lib/kpi: the demo generator imports lib/kpi, and lib's folders import no cycle).
 */
import type { KpiData, KpiQuery, KpiScope } from '../kpi/types';
import { parsePeriodSpec } from '../period';
import { generateDemoData } from './generate';

const AS_OF = Date.parse('2026-11-20T12:00:00Z');
const CALENDAR = { timeZone: 'Europe/Berlin', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };

/** The demo data of `seed` (Berlin, 20 November 2026), and a query of it for a period spec and a scope. */
export function demoKpiData(seed: number) {
  const demo = generateDemoData({ seed, asOf: AS_OF, timeZone: CALENDAR.timeZone, source: 'demo', urlBase: 'https://demo.invalid' });
  const query = (spec: string, scope: KpiScope, settings: KpiQuery['settings'] = { demoKeywords: [], staleDays: 14 }): KpiQuery => ({
    period: parsePeriodSpec(spec, CALENDAR),
    asOf: AS_OF,
    scope,
    calendar: CALENDAR,
    currency: { reporting: 'USD', rates: { EUR: 1.1, RUB: 0.011 } },
    settings,
  });
  return { demo, data: demo as unknown as KpiData, query };
}
