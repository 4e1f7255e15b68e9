/**
 * Comparable spans: the data's own past, cut the way this forecast is cut. At snapshot instants before
 * `asOf` (every `snapshotEveryDays`, as far back as `lookbackDays`), every deal then open is an example,
 * with what could be seen of it at that instant, and its outcome is whether it was won within a window
 * placed like the rest of this period (from `lead` to `horizon` after the snapshot). Only windows that
 * have ended by `asOf` are used, so every outcome is known and nothing after `asOf` is read. Slipped
 * close dates are in these outcomes: a deal that was due but closed after the window counts as not won.
 */
import { ageBand, DAY, idleBand, stageAt, type DealTable } from './deal-table';

export type Window = {
  /** Milliseconds from the snapshot to the start of the counted window (0 unless the period is ahead). */
  lead: number;
  /** Milliseconds from the snapshot to the end of the counted window. */
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
export function snapshotTimes(table: DealTable, asOf: number, window: Window, lookbackDays: number, everyDays: number): number[] {
  const latest = asOf - window.horizon;
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

/** Whether deal i, open at snapshot s, was won within the window after s. */
export function wonInWindow(table: DealTable, i: number, s: number, window: Window): boolean {
  if (!table.won[i]) return false;
  const c = table.closed[i] as number;
  return c > s && c >= s + window.lead && c < s + window.horizon;
}

/** Whether deal i is open at instant s: born by then (or undated) and not closed by then. */
export function openAt(table: DealTable, i: number, s: number): boolean {
  const b = table.born[i] as number;
  const c = table.closed[i] as number;
  return (Number.isNaN(b) || b <= s) && c > s;
}

export function buildExamples(table: DealTable, times: readonly number[], window: Window): Examples {
  const snap: number[] = [];
  const deal: number[] = [];
  const age: number[] = [];
  const idle: number[] = [];
  const stage: number[] = [];
  const won: number[] = [];
  const order = table.byBorn;
  times.forEach((s, k) => {
    for (let j = 0; j < order.length; j += 1) {
      const i = order[j] as number;
      const b = table.born[i] as number;
      if (b > s) break; // sorted by birth: the rest are born later
      const c = table.closed[i] as number;
      if (!(c > s)) continue; // closed by then, or closed without a date (NaN)
      snap.push(k);
      deal.push(i);
      age.push(ageBand(table, i, s));
      idle.push(idleBand(table, i, s));
      stage.push(stageAt(table, i, s));
      won.push(wonInWindow(table, i, s, window) ? 1 : 0);
    }
  });
  return {
    count: deal.length,
    snapshots: Float64Array.from(times),
    snap: Int32Array.from(snap),
    deal: Int32Array.from(deal),
    age: Int32Array.from(age),
    idle: Int32Array.from(idle),
    stage: Int32Array.from(stage),
    won: Uint8Array.from(won),
  };
}
