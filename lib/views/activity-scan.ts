import { columnTableOf, type ColumnTable } from '../columns/table';
import { activityColumns } from '../kpi/engine/columns';
import { rangeOf } from '../kpi/engine/time-index';
import { ACTIVITY_TYPES, type ActivityType } from '../model/activity-types';
import type { Activity } from '../model';

/**
 * Every done activity that occurred in [start, end), as (owner, type, instant), for the charts and
 * the heat map. Over the worker's column store it reads the engine's time index and the hot columns
 * (binary search, no record object made); over plain records it looks at each one.
 */
export function eachDoneActivity(
  activities: readonly Activity[],
  start: number,
  end: number,
  visit: (ownerId: string, type: ActivityType, at: number) => void,
): void {
  const table = columnTableOf(activities) as ColumnTable<'activity'> | undefined;
  if (!table) {
    for (const activity of activities) {
      if (activity.done && activity.occurredAt >= start && activity.occurredAt < end) visit(activity.ownerId, activity.type, activity.occurredAt);
    }
    return;
  }
  const columns = activityColumns(activities);
  const owners: string[] = [];
  for (const [id, n] of columns.owners.ids) owners[n] = id;
  const done = table.bytes('done');
  const type = table.bytes('type');
  const [lo, hi] = rangeOf(columns.byOccurred, start, end);
  for (let k = lo; k < hi; k += 1) {
    const i = columns.byOccurred.order[k] as number;
    if (done[i] !== 2) continue; // bool codes: 2 = true
    visit(owners[columns.owners.of[i] as number]!, ACTIVITY_TYPES[(type[i] as number) - 1]!, columns.byOccurred.times[k] as number);
  }
}
