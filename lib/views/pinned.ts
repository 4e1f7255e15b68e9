import { computeKpis } from '../kpi';
import type { KpiData, KpiQuery, KpiResult, KpiScope } from '../kpi/types';
import { periodContaining, type CalendarUnit } from '../period';
import type { Period } from '../period/types';
import type { Settings } from '../settings/schema';
import type { SidebarUiState } from '../settings/ui-state';
import { queryBasics } from './query';

import { ACTIVITY_WINDOWS, type ActivityWindow } from './activity-windows';

export { ACTIVITY_KINDS, ACTIVITY_WINDOWS, type ActivityKind, type ActivityWindow } from './activity-windows';

/** What the sidebar's pinned cards show; computed once per data change, rendered as is. */
export type PinnedView = {
  asOf: number;
  timeZone: string;
  period: Period;
  /** Done activities per kind for today, this week and this month. */
  activities: Record<ActivityWindow, KpiResult | undefined>;
  quota: KpiResult | undefined;
  pipeline: KpiResult | undefined;
  dealsInPipeline: KpiResult | undefined;
  /** Other pinned KPIs for the selected period. */
  others: KpiResult[];
};

const PERIOD_UNITS: Record<Exclude<SidebarUiState['period'], 'custom' | 'today'>, CalendarUnit> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
  'fiscal-quarter': 'fiscal-quarter',
  'fiscal-year': 'fiscal-year',
};

export function selectedPeriod(choice: SidebarUiState['period'], asOf: number, calendar: KpiQuery['calendar']): Period {
  if (choice === 'today') return periodContaining('day', asOf, calendar);
  if (choice === 'custom') return periodContaining('month', asOf, calendar);
  return periodContaining(PERIOD_UNITS[choice], asOf, calendar);
}

/**
 * The pinned numbers for one scope (the rep, or a team): activity counts for
 * today / this week / this month, and the pinned KPIs for the chosen period.
 */
export function computePinnedView(
  data: KpiData,
  input: { settings: Settings; browserZone: string; asOf: number; scope: KpiScope; period: SidebarUiState['period'] },
): PinnedView {
  const basics = queryBasics(input.settings, input.browserZone);
  const period = selectedPeriod(input.period, input.asOf, basics.calendar);
  const base = { ...basics, asOf: input.asOf, scope: input.scope, comparePeriod: null };
  const activities = {} as Record<ActivityWindow, KpiResult | undefined>;
  for (const window of ACTIVITY_WINDOWS) {
    activities[window] = computeKpis(data, { ...base, kpis: ['activityCounts'], period: periodContaining(window, input.asOf, basics.calendar) }).activityCounts;
  }
  const pinned = input.settings.pinnedKpis;
  const results = computeKpis(data, {
    ...base,
    comparePeriod: undefined,
    kpis: [...new Set([...pinned, 'quotaAttainment', 'pipelineValue', 'dealsInPipeline'] as const)],
    period,
  });
  return {
    asOf: input.asOf,
    timeZone: basics.calendar.timeZone,
    period,
    activities,
    quota: results.quotaAttainment,
    pipeline: results.pipelineValue,
    dealsInPipeline: results.dealsInPipeline,
    others: pinned
      .filter((id) => !['activityCounts', 'quotaAttainment', 'pipelineValue', 'dealsInPipeline'].includes(id))
      .map((id) => results[id])
      .filter((result): result is KpiResult => result !== undefined),
  };
}
