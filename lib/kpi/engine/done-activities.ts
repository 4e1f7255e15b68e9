/**
 * Done activities indexed by deal and, for calls and meetings, by owner: every instant, sorted. It does
 * not depend on any "as of" instant (a reader takes the prefix up to its own), so it is built once per
 * activities array (a data version: arrays are replaced on change) and shared by the KPI engine (last
 * activity on a deal) and the forecast (its deal table, at the live instant and at each back-test
 * instant alike). One flat array for all deals: ten thousand small arrays cost more to collect than to read.
 */
import type { Activity } from '../../model';
import { columnTableOf, type ColumnTable } from '../../columns/table';
import { doneActivitiesOf } from './columns-table';
import { lowerBound } from './time-index';

export type DoneActivities = {
  /** Deal id → its code; deal c's done times are times[start[c] .. start[c + 1]), ascending. */
  dealCode: ReadonlyMap<string, number>;
  start: Int32Array;
  times: Float64Array;
  /** Done calls and meetings by owner, ascending. */
  calls: ReadonlyMap<string, Float64Array>;
  meetings: ReadonlyMap<string, Float64Array>;
  /** The earliest instant of any activity, done or not (+Infinity when there is none). */
  firstAt: number;
};

const cache = new WeakMap<readonly Activity[], DoneActivities>();

export function doneActivities(activities: readonly Activity[]): DoneActivities {
  const cached = cache.get(activities);
  if (cached) return cached;
  // The worker's activities are a column table: read its typed arrays, not a record per row.
  const table = columnTableOf(activities);
  const index = table ? doneActivitiesOf(table as ColumnTable<'activity'>) : fromRecords(activities);
  cache.set(activities, index);
  return index;
}

function fromRecords(activities: readonly Activity[]): DoneActivities {
  const n = activities.length;
  const dealCode = new Map<string, number>();
  const codeOf = new Int32Array(n).fill(-1);
  const timeOf = new Float64Array(n);
  const counts: number[] = [];
  const calls = new Map<string, number[]>();
  const meetings = new Map<string, number[]>();
  let firstAt = Infinity;
  // One read of each record (their shapes vary, so reads are what costs).
  for (let k = 0; k < n; k += 1) {
    const a = activities[k] as Activity;
    const at = a.occurredAt;
    if (at < firstAt) firstAt = at;
    if (!a.done) continue;
    const type = a.type;
    if (type === 'call' || type === 'meeting') {
      const byOwner = type === 'call' ? calls : meetings;
      const list = byOwner.get(a.ownerId);
      if (list) list.push(at);
      else byOwner.set(a.ownerId, [at]);
    }
    const dealId = a.dealId;
    if (dealId === undefined) continue;
    let c = dealCode.get(dealId);
    if (c === undefined) {
      c = counts.length;
      dealCode.set(dealId, c);
      counts.push(0);
    }
    codeOf[k] = c;
    timeOf[k] = at;
    counts[c] = (counts[c] as number) + 1;
  }
  const deals = counts.length;
  const start = new Int32Array(deals + 1);
  for (let c = 0; c < deals; c += 1) start[c + 1] = (start[c] as number) + (counts[c] as number);
  const times = new Float64Array(start[deals] as number);
  const fill = start.slice(0, deals);
  for (let k = 0; k < n; k += 1) {
    const c = codeOf[k] as number;
    if (c < 0) continue;
    times[fill[c] as number] = timeOf[k] as number;
    fill[c] = (fill[c] as number) + 1;
  }
  for (let c = 0; c < deals; c += 1) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    if (to - from > 1) times.subarray(from, to).sort();
  }
  const sorted = (lists: Map<string, number[]>) => new Map([...lists].map(([owner, list]) => [owner, new Float64Array(list).sort()]));
  return { dealCode, start, times, calls: sorted(calls), meetings: sorted(meetings), firstAt };
}

/** The slice [from, to) of the index's times on a deal that lie at or before `asOf` (from = to when none). */
export function doneOnDealBy(index: DoneActivities, dealId: string, asOf: number): [number, number] {
  const c = index.dealCode.get(dealId);
  if (c === undefined) return [0, 0];
  const from = index.start[c] as number;
  const to = index.start[c + 1] as number;
  return [from, from + lowerBound(index.times.subarray(from, to), asOf + 1)]; // instants are whole ms
}

/** An owner's done times at or before `asOf`. */
export function doneBy(times: Float64Array, asOf: number): Float64Array {
  return times.subarray(0, lowerBound(times, asOf + 1));
}
