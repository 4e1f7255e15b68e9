/**
 * What the model reads about a deal at an instant, from the deal table: its age band, days since its
 * last activity, and its stage from its stage history (never its current stage, which may be later).
 */
import { DAY_MS } from '../period';
import type { DealTable } from './deal-table';

/** Upper edges (days) of the age bands; a ninth band holds deals with no created date. */
export const AGE_EDGES = [7, 14, 30, 60, 90, 180, 365] as const;

export const AGE_UNKNOWN = AGE_EDGES.length + 1;

export const AGE_LEVELS = AGE_EDGES.length + 2;

/** Upper edges (days) of the idle bands; a sixth band holds deals whose idle time is unknown. */
export const IDLE_EDGES = [7, 14, 30, 90] as const;

export const IDLE_UNKNOWN = IDLE_EDGES.length + 1;

export const IDLE_LEVELS = IDLE_EDGES.length + 2;

/** How many of the sorted instants fall in [from, to]. */
export function countBetween(sorted: Float64Array, from: number, to: number): number {
  return lastAtOrBefore(sorted, 0, sorted.length, to) - lastAtOrBefore(sorted, 0, sorted.length, from - 1);
}

/** Age band of a deal at instant `at`. */
export function ageBand(table: DealTable, i: number, at: number): number {
  const b = table.born[i] as number;
  if (Number.isNaN(b)) return AGE_UNKNOWN;
  const days = (at - b) / DAY_MS;
  let band = 0;
  while (band < AGE_EDGES.length && days >= (AGE_EDGES[band] as number)) band += 1;
  return band;
}

/** Days since the last done activity on the deal at or before `at`, else since it was born; NaN when unknown. */
export function idleDaysAt(table: DealTable, i: number, at: number): number {
  let last = Number.NaN;
  const k = lastAtOrBefore(table.activityTimes, table.activityStart[i] as number, table.activityStart[i + 1] as number, at);
  if (k >= 0) last = table.activityTimes[k] as number;
  const field = table.lastActivityField[i] as number;
  if (!Number.isNaN(field) && field <= at && (Number.isNaN(last) || field > last)) last = field;
  const b = table.born[i] as number;
  if (Number.isNaN(last) || (!Number.isNaN(b) && b > last)) last = b;
  return Number.isNaN(last) ? Number.NaN : Math.max(0, (at - last) / DAY_MS);
}

export function idleBand(table: DealTable, i: number, at: number): number {
  if (!table.hasActivity) return 0;
  const days = idleDaysAt(table, i, at);
  if (Number.isNaN(days)) return IDLE_UNKNOWN;
  let band = 0;
  while (band < IDLE_EDGES.length && days >= (IDLE_EDGES[band] as number)) band += 1;
  return band;
}

/** Stage code at `at` from the stage history, -1 when the history does not say. */
export function stageAt(table: DealTable, i: number, at: number): number {
  const k = lastAtOrBefore(table.stageTimes, table.stageStart[i] as number, table.stageStart[i + 1] as number, at);
  return k >= 0 ? (table.stageCodes[k] as number) : -1;
}

/** Index of the last value ≤ at in the sorted slice [from, to), -1 when none. */
export function lastAtOrBefore(sorted: Float64Array, from: number, to: number, at: number): number {
  let lo = from;
  let hi = to - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
