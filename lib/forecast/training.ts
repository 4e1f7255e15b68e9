/**
 * Comparable spans: the data's own past, cut the way this forecast is cut. At snapshot instants before
 * `asOf` (every `snapshotEveryDays`, as far back as `lookbackDays`), every deal then open is an example,
 * with what could be seen of it at that instant, and its outcome is whether it was won within a span
 * placed like the rest of this period (from `lead` to `horizon` after the snapshot). Only windows that
 * have ended by `asOf` are used, so every outcome is known and nothing after `asOf` is read. Slipped
 * close dates are in these outcomes: a deal that was due but closed after the span counts as not won.
 */
import { DAY_MS } from '../period';
import type { DealTable } from './deal-table';
import { AGE_EDGES, AGE_UNKNOWN, IDLE_EDGES, IDLE_UNKNOWN } from './features';

export type Span = {
  /** Milliseconds from the snapshot to the start of the counted span (0 unless the period is ahead). */
  lead: number;
  /** Milliseconds from the snapshot to the end of the counted span. */
  horizon: number;
};

export type Examples = {
  count: number;
  snapshots: Float64Array;
  snap: Int32Array;
  deal: Int32Array;
  age: Int32Array;
  idle: Int32Array;
  stage: Int32Array;
  won: Uint8Array;
};

/** Snapshot instants, latest first: s ≤ asOf − horizon, back to the lookback or the first deal. */
export function snapshotTimes(table: DealTable, asOf: number, span: Span, lookbackDays: number, everyDays: number): number[] {
  const latest = asOf - span.horizon;
  const earliest = latest - lookbackDays * DAY_MS;
  let firstBorn = Infinity;
  for (let i = 0; i < table.born.length; i += 1) {
    const b = table.born[i] as number;
    if (b < firstBorn) firstBorn = b;
  }
  const times: number[] = [];
  for (let s = latest; s >= earliest && s >= firstBorn; s -= everyDays * DAY_MS) times.push(s);
  return times;
}

/** Whether deal i, open at snapshot s, was won within the span after s. */
export function wonInSpan(table: DealTable, i: number, s: number, span: Span): boolean {
  if (!table.won[i]) return false;
  const c = table.closed[i] as number;
  return c > s && c >= s + span.lead && c < s + span.horizon;
}

/** Whether deal i is open at instant s: born by then (or undated) and not closed by then. */
export function openAt(table: DealTable, i: number, s: number): boolean {
  const b = table.born[i] as number;
  const c = table.closed[i] as number;
  return (Number.isNaN(b) || b <= s) && c > s;
}

/**
 * The examples, deal by deal: each deal is open at a run of consecutive snapshots (from its birth to
 * its close), found by arithmetic on the evenly spaced snapshot times, and walked forward in time with
 * pointers into its activities and stage visits, so no example needs a search.
 */
export function buildExamples(table: DealTable, times: readonly number[], span: Span): Examples {
  const n = table.ids.length;
  const k = times.length;
  const latest = times[0] ?? 0;
  const step = k > 1 ? latest - (times[1] as number) : 1;
  let count = 0;
  const ranges = new Int32Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    const b = table.born[i] as number;
    const c = table.closed[i] as number;
    // Open at s_k = latest − k·step when born ≤ s_k < closed: k from kMin to kMax.
    // Both clamped to [−1, k]: the range array holds 32-bit integers.
    const kMin = c === Infinity ? 0 : Number.isNaN(c) ? k : Math.min(k, Math.max(0, Math.floor((latest - c) / step) + 1));
    const kMax = Number.isNaN(b) ? k - 1 : Math.max(-1, Math.min(k - 1, Math.floor((latest - b) / step)));
    ranges[2 * i] = kMin;
    ranges[2 * i + 1] = kMax;
    if (kMax >= kMin) count += kMax - kMin + 1;
  }
  const snap = new Int32Array(count);
  const deal = new Int32Array(count);
  const age = new Int32Array(count);
  const idle = new Int32Array(count);
  const stage = new Int32Array(count);
  const won = new Uint8Array(count);
  const { activityTimes, activityStart, stageTimes, stageCodes, stageStart, lastActivityField } = table;
  let e = 0;
  for (let i = 0; i < n; i += 1) {
    const kMin = ranges[2 * i] as number;
    const kMax = ranges[2 * i + 1] as number;
    if (kMax < kMin) continue;
    const b = table.born[i] as number;
    const c = table.closed[i] as number;
    const isWon = table.won[i] === 1;
    const field = lastActivityField[i] as number;
    let a = activityStart[i] as number; // next activity not yet passed
    const aEnd = activityStart[i + 1] as number;
    let st = stageStart[i] as number; // next stage visit not yet passed
    const stEnd = stageStart[i + 1] as number;
    let last = Number.NaN;
    let currentStage = -1;
    for (let kk = kMax; kk >= kMin; kk -= 1) {
      const s = latest - kk * step;
      while (a < aEnd && (activityTimes[a] as number) <= s) last = activityTimes[a++] as number;
      while (st < stEnd && (stageTimes[st] as number) <= s) currentStage = stageCodes[st++] as number;
      snap[e] = kk;
      deal[e] = i;
      age[e] = Number.isNaN(b) ? AGE_UNKNOWN : band(AGE_EDGES, (s - b) / DAY_MS);
      if (!table.hasActivity) idle[e] = 0;
      else {
        let seen = last;
        if (!Number.isNaN(field) && field <= s && (Number.isNaN(seen) || field > seen)) seen = field;
        if (Number.isNaN(seen) || (!Number.isNaN(b) && b > seen)) seen = b;
        idle[e] = Number.isNaN(seen) ? IDLE_UNKNOWN : band(IDLE_EDGES, (s - seen) / DAY_MS);
      }
      stage[e] = currentStage;
      won[e] = isWon && c > s && c >= s + span.lead && c < s + span.horizon ? 1 : 0;
      e += 1;
    }
  }
  return { count, snapshots: Float64Array.from(times), snap, deal, age, idle, stage, won };
}

function band(edges: readonly number[], days: number): number {
  let b = 0;
  while (b < edges.length && days >= (edges[b] as number)) b += 1;
  return b;
}
