/**
 * Comparable spans: the data's own past, cut the way this forecast is cut. At snapshot instants before
 * `asOf` (every `snapshotEveryDays`, as far back as `lookbackDays`), every deal then open is an example,
 * with what could be seen of it at that instant, and its outcome is whether it was won within a span
 * placed like the rest of this period (from `lead` to `horizon` after the snapshot). Only windows that
 * have ended by `asOf` are used, so every outcome is known and nothing after `asOf` is read. Slipped
 * close dates are in these outcomes: a deal that was due but closed after the span counts as not won.
 */
import { ageBand, DAY, idleBand, stageAt, type DealTable } from './deal-table';

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
  const earliest = latest - lookbackDays * DAY;
  let firstBorn = Infinity;
  for (let i = 0; i < table.born.length; i += 1) {
    const b = table.born[i] as number;
    if (b < firstBorn) firstBorn = b;
  }
  const times: number[] = [];
  for (let s = latest; s >= earliest && s >= firstBorn; s -= everyDays * DAY) times.push(s);
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

export function buildExamples(table: DealTable, times: readonly number[], span: Span): Examples {
  const n = table.deals.length;
  let capacity = Math.max(1024, n * 4);
  let snap = new Int32Array(capacity);
  let deal = new Int32Array(capacity);
  let age = new Int32Array(capacity);
  let idle = new Int32Array(capacity);
  let stage = new Int32Array(capacity);
  let won = new Uint8Array(capacity);
  let count = 0;
  const grow = () => {
    capacity *= 2;
    const bigger = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(capacity);
      b.set(a);
      return b;
    };
    [snap, deal, age, idle, stage, won] = [bigger(snap), bigger(deal), bigger(age), bigger(idle), bigger(stage), bigger(won)];
  };
  for (let k = 0; k < times.length; k += 1) {
    const s = times[k] as number;
    for (let i = 0; i < n; i += 1) {
      // Open at s: born by then (an undated deal, NaN, always was) and not closed (NaN: closed, date unknown).
      if ((table.born[i] as number) > s || !((table.closed[i] as number) > s)) continue;
      if (count === capacity) grow();
      snap[count] = k;
      deal[count] = i;
      age[count] = ageBand(table, i, s);
      idle[count] = idleBand(table, i, s);
      stage[count] = stageAt(table, i, s);
      won[count] = wonInSpan(table, i, s, span) ? 1 : 0;
      count += 1;
    }
  }
  return {
    count,
    snapshots: Float64Array.from(times),
    snap: snap.subarray(0, count),
    deal: deal.subarray(0, count),
    age: age.subarray(0, count),
    idle: idle.subarray(0, count),
    stage: stage.subarray(0, count),
    won: won.subarray(0, count),
  };
}
