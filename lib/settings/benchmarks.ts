import { KPI_DEFINITIONS } from '../kpi/registry';
import { PACE_AT_RISK, paceStatus } from '../kpi/shared/targets';
import type { KpiId, KpiResult, TargetStatus } from '../kpi/types';
import { majorToMinor } from '../money/minor';
import type { KpiTarget, Settings } from './schema';

/** The LTV:CAC benchmark: a customer should bring at least three times what it cost to win. */
export const LTV_TO_CAC_BENCHMARK = 3;

/**
 * KPIs that build up over the period (counts and amounts of things that
 * happened in it). A target on one of these is judged by pace: by mid-month,
 * half of a monthly target is on track. Every other KPI (rates, averages,
 * ratios, and snapshots such as the open pipeline) is judged as it stands.
 */
const BUILDS_UP: ReadonlySet<KpiId> = new Set([
  'activityCounts',
  'demosBooked',
  'opportunitiesCreated',
  'salesByRegion',
  'salesByContactMethod',
  'productRevenue',
  'quotaAttainment',
]);

export type ShownStatus = {
  status: TargetStatus;
  /** What the status is measured against. `target`: the engine's own target (quota, activity targets). */
  against: 'cold-email' | 'ltv-to-cac' | 'user' | 'target';
  /** The threshold in the result's unit (money in minor units). */
  threshold: number;
};

/**
 * The status the sidebar shows beside a KPI, against the benchmarks the rep
 * left switched on only. A target the rep set on the KPI comes first; then the
 * 30/30/50 rule for `emailBenchmarks` and 3 : 1 for `ltvToCac`; then the
 * engine's own target (quota, activity targets), which is the rep's plan
 * rather than a benchmark and is always shown. Undefined: nothing to judge by.
 */
export function shownStatus(result: KpiResult | undefined, settings: Pick<Settings, 'benchmarks' | 'kpiTargets'>, asOf: number): ShownStatus | undefined {
  // A low-sample figure is a hint: judging it on track or off track would colour noise.
  if (result?.status !== 'ok') return undefined;
  const own = settings.benchmarks.userDefined ? settings.kpiTargets.find((target) => target.kpi === result.id) : undefined;
  if (own) return judgeUserTarget(own, result, asOf);
  if (result.id === 'emailBenchmarks') {
    if (!settings.benchmarks.coldEmail) return undefined;
    const checked = result.denominator ?? 0;
    if (checked === 0) return undefined;
    const status: TargetStatus = result.value >= checked ? 'on-track' : result.value > 0 ? 'at-risk' : 'off-track';
    return { status, against: 'cold-email', threshold: checked };
  }
  if (result.id === 'ltvToCac') {
    if (!settings.benchmarks.ltvToCac) return undefined;
    const status: TargetStatus = result.value >= LTV_TO_CAC_BENCHMARK ? 'on-track' : result.value >= 1 ? 'at-risk' : 'off-track';
    return { status, against: 'ltv-to-cac', threshold: LTV_TO_CAC_BENCHMARK };
  }
  return result.target ? { status: result.target.status, against: 'target', threshold: result.target.value } : undefined;
}

/**
 * A rep's own target. "At least" KPIs that build up over the period are judged
 * by pace (lib/kpi's straight line, at risk from 80 % of it); others against
 * the value as it stands, at risk within 20 % of the threshold ("at most":
 * up to 1/0.8 of it).
 */
export function judgeUserTarget(target: KpiTarget, result: Extract<KpiResult, { status: 'ok' }>, asOf: number): ShownStatus {
  const threshold = thresholdInUnit(target, result);
  if (target.comparison === 'at-least' && BUILDS_UP.has(result.id)) {
    const span = result.period.end - result.period.start;
    const elapsed = span > 0 ? Math.min(1, Math.max(0, (asOf - result.period.start) / span)) : 1;
    return { status: paceStatus(result.value, threshold, elapsed).status, against: 'user', threshold };
  }
  const value = result.value;
  let status: TargetStatus;
  if (target.comparison === 'at-least') status = value >= threshold ? 'on-track' : value >= threshold * PACE_AT_RISK ? 'at-risk' : 'off-track';
  else status = value <= threshold ? 'on-track' : value <= threshold / PACE_AT_RISK ? 'at-risk' : 'off-track';
  return { status, against: 'user', threshold };
}

/** Money targets are typed in major units of the reporting currency; results carry minor units. */
function thresholdInUnit(target: KpiTarget, result: Extract<KpiResult, { status: 'ok' }>): number {
  const unit = KPI_DEFINITIONS[result.id].unit;
  if (unit !== 'money' && unit !== 'money-per-day') return target.value;
  const currency = result.unit.replace('/day', '');
  return majorToMinor(target.value, currency) ?? target.value;
}
