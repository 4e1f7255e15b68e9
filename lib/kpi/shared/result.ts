/** Small builders shared by the KPI evaluators, so every result has the same honest shape. */
import { DAY_MS } from '../../period/units';
import { tally, type ExclusionTally } from '../../money/convert';
import type { DealRow, KpiBody, OkBody, Slice } from '../engine/types';
import type { DataNeed } from '../types';

/** Elapsed time in days of 24 hours (idle time, time in a stage): a duration, not calendar days. */
export function msToDays(ms: number): number {
  return ms / DAY_MS;
}

export function ok(body: Omit<OkBody, 'status' | 'counts' | 'parts'> & Partial<Pick<OkBody, 'counts' | 'parts'>>): KpiBody {
  return { status: 'ok', counts: {}, parts: {}, ...body };
}

export function needsData(missing: readonly DataNeed[], message: string): KpiBody {
  return { status: 'needs-data', missing, message };
}

export function notDefined(
  reason: string,
  extra: { numerator?: number; denominator?: number; counts?: Readonly<Record<string, number>>; code?: 'not-for-one-rep' } = {},
): KpiBody {
  return { status: 'not-defined', reason, ...extra };
}

/** The `excluded` list of a result from one or more tallies; undefined when nothing was left out. */
export function excludedList(...tallies: ExclusionTally[]): { count: number; reason: string }[] | undefined {
  const merged: ExclusionTally = new Map();
  for (const t of tallies) for (const [reason, count] of t) if (count > 0) tally(merged, reason, count);
  if (!merged.size) return undefined;
  // Most frequent first, then by reason, so the list never depends on the order of the records.
  return [...merged]
    .map(([reason, count]) => ({ count, reason }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

/** Sum of deal amounts in the reporting currency; deals without one are tallied, not counted as 0. */
export function sumDeals(rows: readonly DealRow[], excluded: ExclusionTally): { total: number; counted: number; ids: string[] } {
  let total = 0;
  let counted = 0;
  const ids: string[] = [];
  for (const row of rows) {
    ids.push(row.deal.externalId);
    if (row.minor === undefined) {
      tally(excluded, row.issue ?? 'no amount');
      continue;
    }
    total += row.minor;
    counted += 1;
  }
  return { total, counted, ids };
}

/** Sales KPIs say how many won deals no period could claim because the CRM gave no close date. */
export function noteUndatedSales(slice: Slice, excluded: ExclusionTally): ExclusionTally {
  if (slice.wonWithoutCloseDate) tally(excluded, 'won with no close date', slice.wonWithoutCloseDate);
  return excluded;
}

/** n / d × 100. Callers check d > 0 first and return "not defined" otherwise. */
export function percent(numerator: number, denominator: number): number {
  return (numerator / denominator) * 100;
}

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function mean(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Parts only with finite numbers: a sub-figure that cannot be computed is left out, never NaN. */
export function finiteParts(parts: Record<string, number | undefined>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(parts)) if (value !== undefined && Number.isFinite(value)) out[key] = value;
  return out;
}

/**
 * Rows sorted by value (desc, ties by key so the order never depends on input order), with their
 * share of the total (0–100) where the total is positive.
 */
export function rankRows<T extends { key: string; value: number; share?: number }>(rows: T[], total: number): T[] {
  rows.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (total > 0) for (const row of rows) row.share = percent(row.value, total);
  return rows;
}
