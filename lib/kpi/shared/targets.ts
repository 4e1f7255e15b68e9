/**
 * Targets and pace. A KPI shown against a target is on track when the actual figure is at least what a
 * straight line from 0 to the target would have reached by `asOf`, at risk from 80 % of that, off track
 * below. Before the period starts nothing is expected yet, so it is on track.
 */
import type { Owner, Target, TargetMetric } from '../../model';
import type { EvalContext, PeriodInfo } from '../engine/types';
import { indexById } from '../engine/records';
import type { TargetStatus } from '../types';

/** Share of the expected-by-now figure below which a target is off track rather than at risk. */
export const PACE_AT_RISK = 0.8;

export type Pace = {
  status: TargetStatus;
  /** The figure a straight line would have reached by now. */
  expected: number;
  /** actual ÷ expected × 100 (100 = exactly on pace); undefined before anything is expected. */
  pacePct: number | undefined;
};

export function paceStatus(actual: number, target: number, elapsed: number): Pace {
  const expected = target * elapsed;
  if (!(expected > 0)) return { status: 'on-track', expected: 0, pacePct: undefined };
  const ratio = actual / expected;
  const status: TargetStatus = ratio >= 1 ? 'on-track' : ratio >= PACE_AT_RISK ? 'at-risk' : 'off-track';
  return { status, expected, pacePct: ratio * 100 };
}

type TargetLookup = { general: Target | undefined; byOwner: Map<string, Target>; owners: Map<string, Owner> };
const lookups = new WeakMap<EvalContext, Map<TargetMetric, TargetLookup>>();

/**
 * The target of a metric for a set of reps over a period: each rep's own target, or the target set
 * for everyone when the rep has none, summed over the reps (inactive owners have none).
 * Scaled to the period: per-day targets count working days (Mon–Fri), per-week targets count working
 * days ÷ 5, per-month targets count calendar months (a week in June is 7/30 of a month).
 * Undefined when no rep in the set has a target for the metric.
 */
export function targetFor(ctx: EvalContext, members: readonly string[], info: PeriodInfo, metric: TargetMetric): { value: number; reps: number } | undefined {
  const lookup = lookupOf(ctx, metric);
  if (!lookup.general && lookup.byOwner.size === 0) return undefined;
  let value = 0;
  let reps = 0;
  for (const ownerId of members) {
    if (lookup.owners.get(ownerId)?.active === false) continue;
    const target = lookup.byOwner.get(ownerId) ?? lookup.general;
    if (!target) continue;
    value += target.value * scale(target.per, info);
    reps += 1;
  }
  return reps > 0 ? { value, reps } : undefined;
}

function scale(per: Target['per'], info: PeriodInfo): number {
  if (per === 'day') return info.workingDays;
  if (per === 'week') return info.workingDays / 5;
  return info.months;
}

/** When several targets apply to one rep, the most recently updated one wins (ties: the larger id). */
function lookupOf(ctx: EvalContext, metric: TargetMetric): TargetLookup {
  let byMetric = lookups.get(ctx);
  if (!byMetric) lookups.set(ctx, (byMetric = new Map()));
  let lookup = byMetric.get(metric);
  if (lookup) return lookup;
  lookup = { general: undefined, byOwner: new Map(), owners: indexById(ctx.data.owners) };
  for (const target of ctx.data.targets) {
    if (target.metric !== metric) continue;
    if (target.ownerId === undefined) {
      if (newer(target, lookup.general)) lookup.general = target;
    } else if (newer(target, lookup.byOwner.get(target.ownerId))) {
      lookup.byOwner.set(target.ownerId, target);
    }
  }
  byMetric.set(metric, lookup);
  return lookup;
}

function newer(candidate: Target, current: Target | undefined): boolean {
  if (!current) return true;
  if (candidate.updatedAt !== current.updatedAt) return candidate.updatedAt > current.updatedAt;
  return candidate.externalId > current.externalId;
}
