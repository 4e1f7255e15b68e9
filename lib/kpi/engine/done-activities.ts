/**
 * Done activities indexed by deal (every instant, sorted) and, for calls and meetings, by owner. It does
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
  /**
   * Done calls and meetings by owner, in record order (not sorted: their only reader, the forecast's plan,
   * counts those in a window, and sorting forty thousand instants cost more than the count).
   */
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
  const read = readRecords(activities);
  const { start, times } = groupByDeal(read);
  const typed = (lists: Map<string, number[]>) => new Map([...lists].map(([owner, list]) => [owner, Float64Array.from(list)]));
  return { dealCode: read.dealCode, start, times, calls: typed(read.calls), meetings: typed(read.meetings), firstAt: read.firstAt };
}

/**
 * Each step is its own small function with one loop: the index is built once per array, so V8 compiles
 * these loops while they run (on-stack replacement), and a loop that follows another in one function would
 * start without type feedback and fall back to the interpreter on every new array.
 */
type Read = {
  dealCode: Map<string, number>;
  /** Per record: its deal's code (-1: not done or on no deal) and instant. */
  codeOf: Int32Array;
  timeOf: Float64Array;
  counts: Int32Array;
  deals: number;
  calls: Map<string, number[]>;
  meetings: Map<string, number[]>;
  firstAt: number;
};

function readRecords(activities: readonly Activity[]): Read {
  const n = activities.length;
  const dealCode = new Map<string, number>();
  const codeOf = new Int32Array(n).fill(-1);
  const timeOf = new Float64Array(n);
  let counts: Int32Array = new Int32Array(1024);
  let deals = 0;
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
      c = deals;
      deals += 1;
      dealCode.set(dealId, c);
      if (c === counts.length) counts = grown(counts);
    }
    codeOf[k] = c;
    timeOf[k] = at;
    counts[c] = (counts[c] as number) + 1;
  }
  return { dealCode, codeOf, timeOf, counts, deals, calls, meetings, firstAt };
}

function grown(counts: Int32Array): Int32Array {
  const out = new Int32Array(2 * counts.length);
  out.set(counts);
  return out;
}

function groupByDeal(read: Read): { start: Int32Array; times: Float64Array } {
  const { codeOf, timeOf, counts, deals } = read;
  const start = offsets(counts, deals);
  const times = new Float64Array(start[deals] as number);
  const fill = start.slice(0, deals);
  for (let k = 0; k < codeOf.length; k += 1) {
    const c = codeOf[k] as number;
    if (c < 0) continue;
    times[fill[c] as number] = timeOf[k] as number;
    fill[c] = (fill[c] as number) + 1;
  }
  sortRanges(times, start, deals);
  return { start, times };
}

function offsets(counts: Int32Array, deals: number): Int32Array {
  const start = new Int32Array(deals + 1);
  for (let c = 0; c < deals; c += 1) start[c + 1] = (start[c] as number) + (counts[c] as number);
  return start;
}

function sortRanges(times: Float64Array, start: Int32Array, deals: number): void {
  for (let c = 0; c < deals; c += 1) sortRange(times, start[c] as number, start[c + 1] as number);
}

/**
 * Sorts times[from, to) ascending as Float64Array#sort does: a deal has a handful of activities, so an
 * insertion sort in place beats a view and a call per deal; a long or NaN-holding range takes the builtin.
 */
function sortRange(times: Float64Array, from: number, to: number): void {
  if (to - from < 2) return;
  if (to - from > 32) {
    times.subarray(from, to).sort();
    return;
  }
  for (let k = from; k < to; k += 1) {
    if (Number.isNaN(times[k] as number)) {
      times.subarray(from, to).sort();
      return;
    }
  }
  for (let k = from + 1; k < to; k += 1) {
    const v = times[k] as number;
    let j = k - 1;
    while (j >= from && (times[j] as number) > v) {
      times[j + 1] = times[j] as number;
      j -= 1;
    }
    times[j + 1] = v;
  }
}

/** The slice [from, to) of the index's times on a deal that lie at or before `asOf` (from = to when none). */
export function doneOnDealBy(index: DoneActivities, dealId: string, asOf: number): [number, number] {
  const c = index.dealCode.get(dealId);
  if (c === undefined) return [0, 0];
  const from = index.start[c] as number;
  // The first time after asOf within the deal's slice (instants are whole ms), without a view per deal.
  const times = index.times;
  let lo = from;
  let hi = index.start[c + 1] as number;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < asOf + 1) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

/** An owner's done times at or before `asOf`. */
export function doneBy(times: Float64Array, asOf: number): Float64Array {
  return times.subarray(0, lowerBound(times, asOf + 1));
}
