/**
 * computeKpis: index the data once (engine/build-index.ts), then evaluate each requested KPI from the index
 * for the period, the compare period and, when asked, each owner in the view.
 */
import { assertCalendar } from '../period/periods';
import type { Period } from '../period/types';
import type { ClvMethod } from './clv-types';
import { buildIndex } from './engine/build-index';
import { UNASSIGNED, UNASSIGNED_LABEL } from './engine/scope';
import type { EvalInput, KpiBody, KpiIndex, Slice } from './engine/types';
import { EVALUATORS } from './evaluators';
import { KPI_IDS } from './registry';
import { notDefined } from './shared/result';
import type { BreakdownRow, KpiData, KpiId, KpiQuery, KpiResult, KpiResults } from './types';

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
  const index = buildIndex(data, query, { owners: needOwners, clvMethods: options.clvMethods ?? [] });
  const results: KpiResults = {};
  for (const id of ids) results[id] = evaluate(id, index, query);
  return results;
}

function evaluate(id: KpiId, index: KpiIndex, query: KpiQuery): KpiResult {
  const evaluator = EVALUATORS[id];
  const { ctx, scope, owners } = index;
  const run = (slice: Slice, current: boolean, ranked: EvalInput['owners']): KpiBody =>
    guarded(() =>
      evaluator.run({ ctx, slice, w: current ? slice.cur : slice.prev, before: current ? slice.prev : undefined, owners: ranked }),
    );
  const result: KpiResult = stamp(id, scope.cur.info.period, run(scope, true, owners));
  if (result.status === 'ok' && evaluator.comparable && query.comparePeriod !== null) {
    const before = run(scope, false, owners);
    const value = before.status === 'ok' ? before.value : null;
    result.previous = {
      value,
      change: value !== null && value !== 0 ? ((result.value - value) / Math.abs(value)) * 100 : null,
    };
  }
  if (query.breakdownByOwner && owners) {
    const keys = owners.has(UNASSIGNED) ? [...scope.members, UNASSIGNED] : scope.members;
    result.byOwner = keys.flatMap((key) => {
      const slice = owners.get(key);
      if (!slice) return [];
      const ownerName = key === UNASSIGNED ? UNASSIGNED_LABEL : (ctx.ownerNames.get(key) ?? key);
      return [{ ownerId: key, ownerName, result: stamp(id, slice.cur.info.period, run(slice, true, undefined)) }];
    });
  }
  return result;
}

function stamp(id: KpiId, period: Period, body: KpiBody): KpiResult {
  return { id, period: { start: period.start, end: period.end, label: period.label }, ...body } as KpiResult;
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
  for (const [name, period] of [['period', query.period], ['comparePeriod', query.comparePeriod]] as const) {
    if (!period) continue;
    if (!Number.isFinite(period.start) || !Number.isFinite(period.end) || !(period.start < period.end)) {
      throw new Error(`${name} ${period.label} is empty or not finite: it must end after it starts`);
    }
  }
  if (!Number.isFinite(query.asOf)) throw new Error('asOf must be a finite instant in ms');
  if (!/^[A-Z]{3}$/.test(query.currency.reporting)) throw new Error(`Reporting currency "${query.currency.reporting}" is not an ISO code`);
  if (!Number.isFinite(query.settings.staleDays) || query.settings.staleDays < 0) throw new Error('settings.staleDays must be a number of days ≥ 0');
}
