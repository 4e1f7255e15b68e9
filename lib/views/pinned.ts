import { collectColdNeeds } from '../columns/table';
import { computeKpis, type ComputeOptions } from '../kpi';
import type { KpiData, KpiId, KpiQuery, KpiResult, KpiResults, KpiScope } from '../kpi/types';
import { monthsIn, periodContaining, previousPeriod } from '../period';
import type { CalendarOptions, Period } from '../period/types';
import type { Settings } from '../settings/schema';
import { ACTIVITY_WINDOWS, type ActivityWindow } from './activity-windows';
import { queryBasics } from './query';
import { resolvePeriods, type CompareChoice, type DateRange, type PeriodChoice } from './selection';

export { ACTIVITY_KINDS, ACTIVITY_WINDOWS, type ActivityKind, type ActivityWindow } from './activity-windows';
export { selectedPeriod } from './selection';

/** The KPIs the pinned cards always show, whatever else is pinned: the sidebar's default three cards. */
export const CARD_KPIS: readonly KpiId[] = ['activityCounts', 'quotaAttainment', 'pipelineValue', 'dealsInPipeline'];

/** Every KPI the pinned view computes: the cards' and the rep's pinned ones. */
export const pinnedKpiIds = (settings: Pick<Settings, 'pinnedKpis'>): KpiId[] => [...new Set([...CARD_KPIS, ...settings.pinnedKpis])];

/** What the sidebar's pinned cards show; computed once per data change, rendered as is. */
export type PinnedView<R = KpiResult> = {
  asOf: number;
  timeZone: string;
  period: Period;
  /** The period the changes are measured against; null when the rep compares with nothing. */
  compare: Period | null;
  /** Done activities per kind for today, this week and this month. */
  activities: Record<ActivityWindow, R | undefined>;
  quota: R | undefined;
  pipeline: R | undefined;
  dealsInPipeline: R | undefined;
  /** Other pinned KPIs for the selected period, in the rep's order. */
  others: R[];
  /** Every KPI computed for the selected period (the cards' and the pinned ones), by id, for the explain panel. */
  results: Partial<Record<KpiId, R>>;
};

export type PinnedInput = {
  settings: Settings;
  /** The source the data comes from (its SQL stages apply); all sources' when absent. */
  source?: string;
  browserZone: string;
  asOf: number;
  scope: KpiScope;
  period: PeriodChoice;
  range?: DateRange;
  compare?: CompareChoice;
  /** KpiSettings beyond the rep's settings (CLV method, leaderboard metric). */
  kpiSettings?: Partial<KpiQuery['settings']>;
  computeOptions?: ComputeOptions;
};

/**
 * The periods a view of `selection` at `at` looks up first (its period and the one it is compared with,
 * their months, today, this week and this month), found ahead: periodContaining remembers them, and a
 * cold worker's first query then finds them made. Called while the worker waits for the source's data.
 * A selection that cannot be resolved (a custom range backwards) is left for its view to report.
 */
export function warmPeriods(selection: Pick<PinnedInput, 'period' | 'range' | 'compare'>, at: number, calendar: CalendarOptions): void {
  try {
    const { period, compare } = resolvePeriods(selection, at, calendar);
    for (const each of [period, compare ?? previousPeriod(period, calendar)]) monthsIn(each, calendar);
    activityWindowPeriods(at, calendar);
  } catch {
    // The view resolves the same selection and says what is wrong with it.
  }
}

/** Today, this week and this month at `asOf`: the activity card's windows, for its counts and its targets. */
export function activityWindowPeriods(asOf: number, calendar: CalendarOptions): Record<ActivityWindow, Period> {
  return {
    day: periodContaining('day', asOf, calendar),
    week: periodContaining('week', asOf, calendar),
    month: periodContaining('month', asOf, calendar),
  };
}

/**
 * The pinned numbers for one scope (the rep, or a team): activity counts for today / this week /
 * this month, and the pinned KPIs (plus quota, pipeline and open deals) for the chosen period,
 * compared with the chosen comparison period. The engine indexes the data once per call, so the
 * pinned KPIs go in one call, and an activity window that is the selected period (this month, the
 * default) is read from that call instead of being computed again.
 */
export function computePinnedView(data: KpiData, input: PinnedInput): PinnedView {
  const basics = queryBasics(input.settings, input.browserZone, input.source);
  const settings = { ...basics.settings, ...input.kpiSettings };
  const { period, compare } = resolvePeriods(input, input.asOf, basics.calendar);
  const pinned = input.settings.pinnedKpis;
  // Over the column store, each computation below may stop at the chunks its windows need: all name
  // theirs before any is read (one read, one run again; see collectColdNeeds).
  const needs = collectColdNeeds();
  const computed = needs.attempt(() =>
    computeKpis(
      data,
      { ...basics, settings, asOf: input.asOf, scope: input.scope, kpis: pinnedKpiIds(input.settings), period, comparePeriod: compare },
      input.computeOptions,
    ),
  );
  const windows = new Map<ActivityWindow, KpiResult | undefined>();
  const windowPeriods = activityWindowPeriods(input.asOf, basics.calendar);
  for (const window of ACTIVITY_WINDOWS) {
    const windowPeriod = windowPeriods[window];
    if (windowPeriod.start === period.start && windowPeriod.end === period.end) continue; // the selected period's own counts
    const query = { ...basics, settings, asOf: input.asOf, scope: input.scope, kpis: ['activityCounts' as const], period: windowPeriod, comparePeriod: null };
    windows.set(
      window,
      needs.attempt(() => computeKpis(data, query).activityCounts),
    );
  }
  needs.settle();
  const results = computed as KpiResults;
  const activities = {} as Record<ActivityWindow, KpiResult | undefined>;
  for (const window of ACTIVITY_WINDOWS) activities[window] = windows.has(window) ? windows.get(window) : results.activityCounts;
  return {
    asOf: input.asOf,
    timeZone: basics.calendar.timeZone,
    period,
    compare,
    activities,
    quota: results.quotaAttainment,
    pipeline: results.pipelineValue,
    dealsInPipeline: results.dealsInPipeline,
    others: pinned
      .filter((id) => !CARD_KPIS.includes(id))
      .map((id) => results[id])
      .filter((result): result is KpiResult => result !== undefined),
    results,
  };
}

/** The same view with every result made lean for a page (see lean.ts). */
export function mapPinnedView<A, B>(view: PinnedView<A>, map: (result: A) => B): PinnedView<B> {
  const opt = (result: A | undefined) => (result === undefined ? undefined : map(result));
  const results: Partial<Record<KpiId, B>> = {};
  for (const [id, result] of Object.entries(view.results) as [KpiId, A | undefined][]) if (result !== undefined) results[id] = map(result);
  return {
    ...view,
    activities: { day: opt(view.activities.day), week: opt(view.activities.week), month: opt(view.activities.month) },
    quota: opt(view.quota),
    pipeline: opt(view.pipeline),
    dealsInPipeline: opt(view.dealsInPipeline),
    others: view.others.map(map),
    results,
  };
}
