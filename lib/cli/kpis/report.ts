import { KPI_DEFINITIONS } from '../../kpi';
import { hasValue, type KpiDefinition, type KpiId, type KpiQuery, type KpiResult, type KpiResults, type Measure, type PartUnit } from '../../kpi/types';
import { minorToMajor } from '../../money/minor';
import { instantToLocalDate } from '../../period';

export type JsonKpi = {
  name: string;
  status: KpiResult['status'];
  value: number | null;
  unit: string;
  breakdown: { key: string; label: string; value: number; count: number }[];
  numerator?: number;
  denominator?: number;
  counts?: Readonly<Record<string, number>>;
  /** Named sub-figures (weighted pipeline, median, pace, projection...), money in major units. */
  parts?: Readonly<Record<string, number>>;
  /** Against the comparison: the previous value (same unit as `value`) and the change, in pp for percentages. */
  previous?: { value: number | null; change: number | null; unit: 'pp' | '%'; lowSample?: true };
  /** The period is in progress: figures to `asOf`, compared with the same elapsed part of the comparison. */
  partial?: true;
  comparison?: { start: string; end: string; label: string };
  /** The n a rate or average rests on; below `min` the status is low-sample. */
  sample?: { n: number; min: number; unit: string };
  coverage?: { have: number; of: number; what: string };
  notes?: readonly { code: string; count: number; text: string }[];
  method?: string;
  target?: { value: number; status: string };
  reason?: string;
  /** `not-for-one-rep`: the KPI applies to a team, not one rep (CAC, LTV : CAC). */
  code?: string;
  missing?: readonly string[];
  excluded?: readonly { count: number; reason: string }[];
};

export type JsonReport = {
  period: { start: string; end: string; label: string };
  asOf: string;
  currency: string;
  owner: string | null;
  /** The period asked for is in progress at `asOf`; every comparison is of the same elapsed span. */
  partial: boolean;
  /** What the changes are measured against (local dates, end inclusive); null with no comparison. */
  comparison: { start: string; end: string; label: string } | null;
  kpis: Partial<Record<KpiId, JsonKpi>>;
};

/** The unit a KPI is shown in: a currency code for money, `%`, `days`, `count`, `ratio`, `USD/day`. */
export function displayUnit(definition: KpiDefinition, result: KpiResult, currency: string): string {
  if (hasValue(result)) return result.unit;
  const units: Record<KpiDefinition['unit'], string> = {
    money: currency,
    'money-per-day': `${currency}/day`,
    percent: '%',
    count: 'count',
    days: 'days',
    ratio: 'ratio',
  };
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

/** What a KPI's numerator and denominator measure (its definition says where they are not counts). */
export function basisOf(id: KpiId): readonly [Measure, Measure] {
  return KPI_DEFINITIONS[id].basis ?? ['count', 'count'];
}

/** Numerator and denominator in shown units: money sums in major units, counts and days as they are. */
export function shownBasis(id: KpiId, result: { numerator?: number; denominator?: number }, currency: string) {
  const [top, bottom] = basisOf(id);
  const convert = (value: number | undefined, measure: Measure) =>
    value === undefined ? undefined : measure === 'money' ? minorToMajor(Math.round(value), currency) : value;
  return { numerator: convert(result.numerator, top), denominator: convert(result.denominator, bottom), measures: [top, bottom] as const };
}

/** Parts in shown units: money parts (declared by the KPI's definition, or in the headline's money unit) in major units. */
export function shownParts(id: KpiId, parts: Readonly<Record<string, number>>, unit: string, currency: string): Record<string, number> {
  const units: Readonly<Record<string, PartUnit>> = KPI_DEFINITIONS[id].parts ?? {};
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(parts)) {
    const partUnit = units[key];
    out[key] = partUnit === 'money' ? minorToMajor(Math.round(value), currency) : partUnit === 'value' ? shownValue(value, unit) : value;
  }
  return out;
}

/** A span [start, end) as local dates, the end inclusive (the day holding end − 1), as periods are shown. */
function localDays(span: { start: number; end: number }, zone: string) {
  return { start: instantToLocalDate(span.start, zone), end: instantToLocalDate(Math.max(span.start, span.end - 1), zone) };
}

/**
 * The `--json` report: one object with the period (start and end as local dates, end inclusive like
 * `START..END`), whether it is in progress and what it is compared with, and per KPI its status, value
 * and unit, breakdown rows and every figure behind it. Money is in major units everywhere.
 */
export function jsonReport(results: KpiResults, query: KpiQuery, owner: string | undefined): JsonReport {
  const zone = query.calendar.timeZone;
  const currency = query.currency.reporting;
  const kpis: Partial<Record<KpiId, JsonKpi>> = {};
  let comparison: JsonReport['comparison'] = null;
  let partial = false;
  for (const [id, result] of Object.entries(results) as [KpiId, KpiResult][]) {
    const definition = KPI_DEFINITIONS[id];
    const unit = displayUnit(definition, result, currency);
    const entry: JsonKpi = { name: definition.name.en, status: result.status, value: null, unit, breakdown: [] };
    if (result.partial) entry.partial = partial = true;
    if (result.comparison) {
      entry.comparison = { ...localDays(result.comparison, zone), label: result.comparison.label };
      if (id !== 'salesGrowth' || query.comparePeriod !== null) comparison ??= entry.comparison;
    }
    if (hasValue(result)) {
      entry.value = shownValue(result.value, unit);
      entry.breakdown = (result.breakdown ?? []).map((row) => ({ key: row.key, label: row.label, value: shownValue(row.value, unit), count: row.count }));
      if (Object.keys(result.parts).length) entry.parts = shownParts(id, result.parts, unit, currency);
      if (result.previous) {
        const { value, change, unit: changeUnit, lowSample } = result.previous;
        entry.previous = { value: value === null ? null : shownValue(value, unit), change, unit: changeUnit, ...(lowSample ? { lowSample } : {}) };
      }
      if (result.sample) entry.sample = result.sample;
      if (result.coverage) entry.coverage = result.coverage;
      if (result.notes?.length) entry.notes = result.notes;
      if (result.method) entry.method = result.method;
      // A target in a money unit (the quota) is in minor units like the value.
      if (result.target)
        entry.target = { value: shownValue(result.target.value, unit === '%' && id === 'quotaAttainment' ? currency : unit), status: result.target.status };
      if (result.excluded?.length) entry.excluded = result.excluded;
    } else if (result.status === 'not-defined') {
      entry.reason = result.reason;
      if (result.code) entry.code = result.code;
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
    partial,
    comparison,
    kpis,
  };
}
