import { KPI_DEFINITIONS } from '../../kpi';
import type { KpiDefinition, KpiId, KpiQuery, KpiResult, KpiResults } from '../../kpi/types';
import { minorToMajor } from '../../money/minor';
import { instantToLocalDate } from '../../period';

/** What a KPI's numerator and denominator count, where it is not records (money and day sums). */
type Measure = 'count' | 'money' | 'days';
const BASIS: Partial<Record<KpiId, readonly [Measure, Measure]>> = {
  salesGrowth: ['money', 'money'],
  quotaAttainment: ['money', 'money'],
  avgPurchaseValue: ['money', 'count'],
  avgProfitMargin: ['money', 'money'],
  cac: ['money', 'count'],
  clv: ['money', 'count'],
  pipelineCoverage: ['money', 'money'],
  avgSalesCycle: ['days', 'count'],
  avgConversionTime: ['days', 'count'],
};

export type JsonKpi = {
  name: string;
  status: KpiResult['status'];
  value: number | null;
  unit: string;
  breakdown: { key: string; label: string; value: number; count: number }[];
  numerator?: number;
  denominator?: number;
  counts?: Readonly<Record<string, number>>;
  reason?: string;
  missing?: readonly string[];
  excluded?: readonly { count: number; reason: string }[];
};

export type JsonReport = {
  period: { start: string; end: string; label: string };
  asOf: string;
  currency: string;
  owner: string | null;
  kpis: Partial<Record<KpiId, JsonKpi>>;
};

/** The unit a KPI is shown in: a currency code for money, `%`, `days`, `count`, `ratio`, `USD/day`. */
export function displayUnit(definition: KpiDefinition, result: KpiResult, currency: string): string {
  if (result.status === 'ok') return result.unit;
  const units: Record<KpiDefinition['unit'], string> = { money: currency, 'money-per-day': `${currency}/day`, percent: '%', count: 'count', days: 'days', ratio: 'ratio' };
  return units[definition.unit];
}

/** The currency of a money unit (`USD`, `USD/day`); undefined for everything else. */
export function moneyCurrency(unit: string): string | undefined {
  return /^[A-Z]{3}(\/day)?$/.test(unit) ? unit.slice(0, 3) : undefined;
}

/** A headline or breakdown value in the unit shown: money from minor to major units, the rest as computed. */
export function shownValue(value: number, unit: string): number {
  const currency = moneyCurrency(unit);
  return currency === undefined ? value : minorToMajor(Math.round(value), currency);
}

/** Numerator and denominator in shown units: money sums in major units, counts and days as they are. */
export function shownBasis(id: KpiId, result: { numerator?: number; denominator?: number }, currency: string) {
  const [top, bottom] = BASIS[id] ?? ['count', 'count'];
  const convert = (value: number | undefined, measure: Measure) =>
    value === undefined ? undefined : measure === 'money' ? minorToMajor(Math.round(value), currency) : value;
  return { numerator: convert(result.numerator, top), denominator: convert(result.denominator, bottom), measures: [top, bottom] as const };
}

/**
 * The `--json` report: one object with the period (start and end as local
 * dates, end inclusive like `START..END`), and per KPI its status, value and
 * unit, breakdown rows and the figures behind it. Money is in major units.
 */
export function jsonReport(results: KpiResults, query: KpiQuery, owner: string | undefined): JsonReport {
  const zone = query.calendar.timeZone;
  const currency = query.currency.reporting;
  const kpis: Partial<Record<KpiId, JsonKpi>> = {};
  for (const [id, result] of Object.entries(results) as [KpiId, KpiResult][]) {
    const definition = KPI_DEFINITIONS[id];
    const unit = displayUnit(definition, result, currency);
    const entry: JsonKpi = { name: definition.name.en, status: result.status, value: null, unit, breakdown: [] };
    if (result.status === 'ok') {
      entry.value = shownValue(result.value, unit);
      entry.breakdown = (result.breakdown ?? []).map((row) => ({ key: row.key, label: row.label, value: shownValue(row.value, unit), count: row.count }));
      if (result.excluded?.length) entry.excluded = result.excluded;
    } else if (result.status === 'not-defined') {
      entry.reason = result.reason;
    } else {
      entry.reason = result.message;
      entry.missing = result.missing;
    }
    if (result.status !== 'needs-data') {
      const basis = shownBasis(id, result, currency);
      if (basis.numerator !== undefined) entry.numerator = basis.numerator;
      if (basis.denominator !== undefined) entry.denominator = basis.denominator;
      if (result.counts) entry.counts = result.counts;
    }
    kpis[id] = entry;
  }
  const { period } = query;
  return {
    period: { start: instantToLocalDate(period.start, zone), end: instantToLocalDate(period.end - 1, zone), label: period.label },
    asOf: instantToLocalDate(query.asOf, zone),
    currency,
    owner: owner ?? null,
    kpis,
  };
}
