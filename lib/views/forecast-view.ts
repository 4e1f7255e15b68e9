/**
 * The forecast as the sidebar shows it (lib/forecast computes it): where the period will end, the
 * plan to quota, the deals to work, the live deals at risk and the dead ones to clean up, each number
 * with its explain panel. What a page receives is lean: the lists are cut to what fits on screen (with
 * their totals), and each explain panel says how many deals are behind it instead of carrying their
 * ids; the deals themselves are paged by `forecastRecordPage` from the full result kept in memory.
 */
import {
  backtestSteps,
  forecast,
  ownersInScope,
  type Backtest,
  type DealAlert,
  type DealOutlook,
  type Explain,
  type ExplainId,
  type Forecast,
  type ForecastResult,
  type Note,
  type OwnerOutlook,
  type Plan,
  type Quantiles,
} from '../forecast';
import { computeKpis, hasValue } from '../kpi';
import type { KpiData, KpiQuery, KpiScope } from '../kpi/types';
import type { Period } from '../period/types';
import { recordPage, type RecordPage } from './records';

/** Deals each list shows in the sidebar; the explain panel pages through all of them. */
export const FORECAST_LIST_SIZE = 6;
/** Past periods of the track record. */
export const TRACK_PERIODS = 6;

/** An explain panel without its deal ids (they are paged on demand): how many deals are behind it. */
export type ShownExplain = Omit<Explain, 'dealIds'> & { deals: number };

/** One rep's own outlook in a team forecast, its explain panel lean like the others. */
export type ShownOwner = Omit<OwnerOutlook, 'explain'> & { explain: ShownExplain };

/** The first deals of a list, how many there are, and what they are expected to bring. */
export type ShownAlerts = { total: number; expected: number; deals: DealAlert[] };

export type ForecastShown = {
  status: 'ok';
  period: { start: number; end: number; label: string };
  /** The instant the forecast is made at: the same for every view of one data version (shared fit). */
  asOf: number;
  currency: string;
  wonSoFar: { amount: number; deals: number };
  revenue: Quantiles;
  wonDeals: Quantiles;
  quota: number | null;
  probabilityOfQuota: number | null;
  pipeline: ForecastResult['pipeline'];
  newDeals: ForecastResult['newDeals'];
  topDeals: DealOutlook[];
  /** Open deals in scope (the ranking the top deals are the head of). */
  openDeals: number;
  atRisk: ShownAlerts;
  cleanUp: ShownAlerts;
  plan: Plan;
  /** Each rep's own range and chance of their quota (team view of a lead, or when peers' numbers are shared). */
  byOwner?: readonly ShownOwner[];
  explain: Record<ExplainId, ShownExplain>;
  notes: readonly Note[];
  draws: number;
};

export type ForecastNeeds = {
  status: 'needs-data';
  period: { start: number; end: number; label: string };
  asOf: number;
  missing: readonly ('deals' | 'history')[];
  notes: readonly Note[];
};

export type ForecastResponse = (ForecastShown | ForecastNeeds) & {
  view: 'personal' | 'team';
  ownerName?: string;
  /** The team view was asked for, but peers' numbers are private: this is the rep's own. */
  peersHidden: boolean;
};

/** The track record: the same forecast made for past periods on the same day, against how they ended. */
export type TrackResponse = {
  currency: string;
  periods: { label: string; asOf: number; p10: number | null; p50: number | null; p90: number | null; actual: number; inside: boolean | null }[];
  forecast: number;
  inside: number;
  coverage: number | null;
  medianAbsError: number | null;
  medianRelativeError: number | null;
  explain: ShownExplain;
};

export type ForecastComputeInput = {
  data: KpiData;
  period: Period;
  asOf: number;
  scope: KpiScope;
  basics: Pick<KpiQuery, 'calendar' | 'currency' | 'settings'>;
  byOwner: boolean;
};

/** The scope's quota for the period, as the quota card has it (lib/kpi quotaAttainment); undefined without one. */
export function quotaOf(input: Omit<ForecastComputeInput, 'byOwner'>): number | undefined {
  const result = computeKpis(input.data, {
    ...input.basics,
    asOf: input.asOf,
    scope: input.scope,
    kpis: ['quotaAttainment'],
    period: input.period,
    comparePeriod: null,
  }).quotaAttainment;
  // A quota is a quota however few deals the attainment rests on (low-sample is about the ratio, not the target).
  if (!hasValue(result)) return undefined;
  const quota = result.parts.quota ?? result.denominator;
  return quota !== undefined && quota > 0 ? quota : undefined;
}

/** Each owner's own quota in a scope (those who have one), for their chance of reaching it in the team view. */
export function ownerQuotasOf(input: Omit<ForecastComputeInput, 'byOwner'>): Record<string, number> {
  const { includes } = ownersInScope(input.scope, input.data);
  const quotas: Record<string, number> = {};
  for (const owner of input.data.owners) {
    if (!includes(owner.externalId)) continue;
    const quota = quotaOf({ ...input, scope: { ownerIds: [owner.externalId] } });
    if (quota !== undefined) quotas[owner.externalId] = quota;
  }
  return quotas;
}

/** The forecast of a scope for a period, at an instant, with the quota the KPI engine finds for it (and each owner's, by owner). */
export function computeForecast(input: ForecastComputeInput): Forecast {
  const quota = quotaOf(input);
  return forecast({
    data: input.data,
    period: input.period,
    asOf: input.asOf,
    scope: input.scope,
    calendar: input.basics.calendar,
    currency: input.basics.currency,
    ...(quota !== undefined ? { quota } : {}),
    ...(input.byOwner ? { byOwner: true, ownerQuotas: ownerQuotasOf(input) } : {}),
  });
}

function shownExplain(explain: Explain): ShownExplain {
  const { dealIds, ...rest } = explain;
  return { ...rest, deals: dealIds.length };
}

function alerts(list: readonly DealAlert[]): ShownAlerts {
  return { total: list.length, expected: list.reduce((sum, deal) => sum + deal.expected, 0), deals: list.slice(0, FORECAST_LIST_SIZE) };
}

/** What a page receives of a forecast. */
export function leanForecast(result: Forecast): ForecastShown | ForecastNeeds {
  if (result.status !== 'ok') return result;
  const explain = Object.fromEntries(Object.entries(result.explain).map(([id, e]) => [id, shownExplain(e)])) as Record<ExplainId, ShownExplain>;
  return {
    status: 'ok',
    period: result.period,
    asOf: result.asOf,
    currency: result.currency,
    wonSoFar: { amount: result.wonSoFar.amount, deals: result.wonSoFar.deals },
    revenue: result.revenue,
    wonDeals: result.wonDeals,
    quota: result.quota,
    probabilityOfQuota: result.probabilityOfQuota,
    pipeline: result.pipeline,
    newDeals: result.newDeals,
    topDeals: result.topDeals.slice(0, FORECAST_LIST_SIZE),
    openDeals: result.deals.length,
    atRisk: alerts(result.atRisk),
    cleanUp: alerts(result.cleanUp),
    plan: result.plan,
    ...(result.byOwner ? { byOwner: result.byOwner.map((o) => ({ ...o, explain: shownExplain(o.explain) })) } : {}),
    explain,
    notes: result.notes,
    draws: result.draws,
  };
}

/** What a forecast's explain panel shows the deals of: one of its numbers, or one rep's range in a team forecast. */
export type ForecastExplainRef = { explain: ExplainId } | { explain: 'rep'; rep: string };

/** A page of the deals behind one forecast number, for its explain panel. */
export function forecastRecordPage(data: KpiData, result: Forecast, ref: ForecastExplainRef, offset: number, limit: number): RecordPage {
  if (result.status !== 'ok') return recordPage(data, 'deal', [], offset, limit);
  if (ref.explain !== 'rep') return recordPage(data, 'deal', result.explain[ref.explain].dealIds, offset, limit);
  const owner = result.byOwner?.find((o) => o.ownerId === ref.rep);
  if (!owner) throw new Error(`This forecast has no range of its own for rep ${ref.rep}`);
  return recordPage(data, 'deal', owner.explain.dealIds, offset, limit);
}

/** The track record, one past period at a time (`between` lets the background answer others meanwhile). */
export async function computeTrack(input: Omit<ForecastComputeInput, 'byOwner'>, between: () => Promise<void>): Promise<TrackResponse> {
  const steps = backtestSteps({
    data: input.data,
    period: input.period,
    asOf: input.asOf,
    scope: input.scope,
    calendar: input.basics.calendar,
    currency: input.basics.currency,
    periods: TRACK_PERIODS,
  });
  let result: Backtest;
  for (;;) {
    const step = steps.next();
    if (step.done) {
      result = step.value;
      break;
    }
    await between();
  }
  return {
    currency: input.basics.currency.reporting,
    periods: result.periods.map((p) => ({
      label: p.label,
      asOf: p.asOf,
      p10: p.revenue?.p10 ?? null,
      p50: p.revenue?.p50 ?? null,
      p90: p.revenue?.p90 ?? null,
      actual: p.actual,
      inside: p.inside,
    })),
    forecast: result.forecast,
    inside: result.inside,
    coverage: result.coverage,
    medianAbsError: result.medianAbsError,
    medianRelativeError: result.medianRelativeError,
    explain: shownExplain(result.explain),
  };
}
