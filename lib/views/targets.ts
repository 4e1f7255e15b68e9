import type { KpiData } from '../kpi/types';
import type { Target, TargetMetric } from '../model';
import { workingDaysIn } from '../period';
import type { CalendarOptions, Period } from '../period/types';
import type { ActivityKind } from './activity-windows';

const METRIC: Record<ActivityKind, TargetMetric> = { call: 'calls', email: 'emails', meeting: 'meetings' };

/**
 * A rep's target per working day for an activity kind: the rep's own target if
 * set, else the team-wide one (a target without owner). Weekly and monthly
 * targets are spread over the working days of their period.
 */
export function dailyActivityTarget(targets: KpiData['targets'], kind: ActivityKind, ownerId: string | undefined): number | undefined {
  const metric = METRIC[kind];
  const candidates = targets.filter((target) => target.metric === metric);
  const own = ownerId === undefined ? undefined : candidates.find((target) => target.ownerId === ownerId);
  const chosen: Target | undefined = own ?? candidates.find((target) => target.ownerId === undefined);
  if (!chosen) return undefined;
  if (chosen.per === 'day') return chosen.value;
  return chosen.value / (chosen.per === 'week' ? 5 : 21);
}

/**
 * The target for a window: the daily target × the working days in it. A Saturday or a Sunday has none,
 * so "today" on a weekend has a target of 0 (the card says it is not a working day), not a day's worth.
 */
export function targetForWindow(perDay: number | undefined, window: Period, calendar: CalendarOptions): number | undefined {
  if (perDay === undefined) return undefined;
  return Math.round(perDay * workingDaysIn(window, calendar));
}
