/**
 * computeKpis: index the data once (engine/build-index.ts), then evaluate each requested KPI from the index
 * for the period, the compare period and, when asked, each owner in the view.
 */
import { isColdRowsNeeded } from '../columns/table';
import { assertCalendar } from '../period/periods';
import type { ClvMethod } from './clv-types';
import { buildIndex } from './engine/build-index';
import { ALL_PLACEMENTS, placementsFor } from './engine/placements';
import { UNASSIGNED, UNASSIGNED_LABEL } from './engine/scope';
import type { EvalInput, KpiBody, KpiIndex, Slice } from './engine/types';
import { EVALUATORS } from './evaluators';
import { KPI_DEFINITIONS, KPI_IDS } from './registry';
import { notDefined } from './shared/result';
import { isLowSample } from './shared/sample';
import { hasValue, type BreakdownRow, type KpiChange, type KpiData, type KpiId, type KpiQuery, type KpiResult, type KpiResults } from './types';

export type ComputeOptions = {
  /** Extra CLV methods (e.g. a fitted BG/NBD model from lib/clv), chosen with `settings.clvMethod`. */
  clvMethods?: readonly ClvMethod[];
};

/**
 * Computes the requested KPIs (all of them by default) over `data` for `query`. Never reads the clock:
 * "now" is `query.asOf`. Throws only for a malformed query (unknown KPI id, empty period, bad calendar);
 * problems in the data become "needs data", "not defined" or `excluded` counts in the results.
 */
export function computeKpis(data: KpiData, query: KpiQuery, options: ComputeOptions = {}): KpiResults {
  validateQuery(query);
  const ids = [...new Set(query.kpis ?? KPI_IDS)];
  const needOwners = Boolean(query.breakdownByOwner) || ids.includes('repLeaderboard');
  // With owners' slices, any record without an owner in a window adds the "Unassigned" row to every
  // breakdown: there every list is placed, as the rows a team lead sees do not depend on what was asked.
  const placements = needOwners ? ALL_PLACEMENTS : placementsFor(ids);
  const index = buildIndex(data, query, { owners: needOwners, clvMethods: options.clvMethods ?? [], placements });
  const results: KpiResults = {};
  for (const id of ids) results[id] = evaluate(id, index, query);
  return results;
}

function evaluate(id: KpiId, index: KpiIndex, query: KpiQuery): KpiResult {
  const evaluator = EVALUATORS[id];
  const { ctx, scope, owners } = index;
  const run = (slice: Slice, current: boolean, ranked: EvalInput['owners']): KpiBody =>
    guarded(() => evaluator.run({ ctx, slice, w: current ? slice.cur : slice.prev, before: current ? slice.prev : undefined, owners: ranked }));
  const compared = query.comparePeriod !== null || id === 'salesGrowth';
  const stamped = (body: KpiBody, slice: Slice) => stamp(id, slice, settle(body), ctx.partial, compared);
  const result: KpiResult = stamped(run(scope, true, owners), scope);
  if (hasValue(result) && evaluator.comparable && query.comparePeriod !== null) {
    const before = settle(run(scope, false, owners));
    result.previous = changeOf(result.value, before, KPI_DEFINITIONS[id].unit === 'percent' ? 'pp' : '%');
  }
  if (query.breakdownByOwner && owners) {
    const keys = owners.has(UNASSIGNED) ? [...scope.members, UNASSIGNED] : scope.members;
    result.byOwner = keys.flatMap((key) => {
      const slice = owners.get(key);
      if (!slice) return [];
      const ownerName = key === UNASSIGNED ? UNASSIGNED_LABEL : (ctx.ownerNames.get(key) ?? key);
      return [{ ownerId: key, ownerName, result: stamped(run(slice, true, undefined), slice) }];
    });
  }
  return result;
}

type Settled = Exclude<KpiResult, 'byOwner'> extends infer R ? DistributiveOmit<R, 'id' | 'period' | 'byOwner'> : never;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A rate or average below its minimum sample becomes `low-sample`: the value is kept (shared/sample.ts). */
function settle(body: KpiBody): Settled {
  if (body.status === 'ok' && body.sample && isLowSample(body.sample)) return { ...body, status: 'low-sample', sample: body.sample };
  return body;
}

/**
 * The change against the compare period's value: in percentage points for percentages ("31.8 % → 33.3 %"
 * is +1.5 pp, not +4.8 %), relative per cent for amounts, counts and everything else (none from 0).
 */
function changeOf(value: number, before: Settled, unit: KpiChange['unit']): KpiChange {
  const previous = before.status === 'ok' || before.status === 'low-sample' ? before.value : null;
  let change: number | null = null;
  if (previous !== null) change = unit === 'pp' ? value - previous : previous !== 0 ? ((value - previous) / Math.abs(previous)) * 100 : null;
  const out: KpiChange = { value: previous, change, unit };
  if (before.status === 'low-sample') out.lowSample = true;
  return out;
}

function stamp(id: KpiId, slice: Slice, body: Settled, partial: boolean, compared: boolean): KpiResult {
  const { period } = slice.cur.info;
  const result = { id, period: { start: period.start, end: period.end, label: period.label }, ...body } as KpiResult;
  if (partial) {
    result.partial = true;
    result.span = { start: slice.cur.info.span.start, end: slice.cur.info.span.end };
  }
  if (compared) {
    const { span, period: before } = slice.prev.info;
    result.comparison = { start: span.start, end: span.end, label: before.label };
  }
  return result;
}

/**
 * Last line of defence: a KPI that throws or yields a non-finite number becomes "not defined" naming
 * the problem, so one bad record can never put NaN on screen or take the other KPIs down with it.
 */
function guarded(run: () => KpiBody): KpiBody {
  let body: KpiBody;
  try {
    body = run();
  } catch (error) {
    // Records the worker has not read yet (lib/columns): the caller reads them and computes again.
    if (isColdRowsNeeded(error)) throw error;
    return notDefined(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bad = nonFinitePath(body);
  return bad === undefined ? body : notDefined(`internal error: ${bad} is not a finite number`);
}

/** The first number of a result that is NaN or infinite, by path; recordIds (strings) are skipped. */
function nonFinitePath(body: KpiBody): string | undefined {
  const bad = (value: number | undefined) => value !== undefined && !Number.isFinite(value);
  const inRecord = (record: Readonly<Record<string, number>> | undefined, name: string) => {
    if (record) for (const key in record) if (bad(record[key])) return `${name}.${key}`;
    return undefined;
  };
  if (body.status === 'needs-data') return undefined;
  if (bad(body.numerator)) return 'numerator';
  if (bad(body.denominator)) return 'denominator';
  const inCounts = inRecord(body.counts, 'counts');
  if (inCounts || body.status !== 'ok') return inCounts;
  if (bad(body.value)) return 'value';
  if (bad(body.target?.value)) return 'target.value';
  const inParts = inRecord(body.parts, 'parts');
  if (inParts) return inParts;
  const rows = body.breakdown ?? [];
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as BreakdownRow;
    if (bad(row.value) || bad(row.count) || bad(row.share)) return `breakdown[${i}]`;
    const inExtra = inRecord(row.extra, `breakdown[${i}].extra`);
    if (inExtra) return inExtra;
  }
  return undefined;
}

function validateQuery(query: KpiQuery): void {
  assertCalendar(query.calendar);
  const unknown = (query.kpis ?? []).filter((id) => !(KPI_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new Error(`Unknown KPI id: ${unknown.join(', ')}`);
  for (const [name, period] of [
    ['period', query.period],
    ['comparePeriod', query.comparePeriod],
  ] as const) {
    if (!period) continue;
    if (!Number.isFinite(period.start) || !Number.isFinite(period.end) || !(period.start < period.end)) {
      throw new Error(`${name} ${period.label} is empty or not finite: it must end after it starts`);
    }
  }
  if (!Number.isFinite(query.asOf)) throw new Error('asOf must be a finite instant in ms');
  if (!/^[A-Z]{3}$/.test(query.currency.reporting)) throw new Error(`Reporting currency "${query.currency.reporting}" is not an ISO code`);
  if (!Number.isFinite(query.settings.staleDays) || query.settings.staleDays < 0) throw new Error('settings.staleDays must be a number of days ≥ 0');
}
