/**
 * Records sorted by one of their instants, in typed arrays, so the records of a period are found by
 * binary search instead of a scan of every record.
 */
export type TimeIndex = {
  /** Record positions (in the source array) sorted by time; records without that time are absent. */
  order: Uint32Array;
  /** The times, in the same sorted order. */
  times: Float64Array;
};

export function timeIndex(count: number, timeOf: (i: number) => number | undefined): TimeIndex {
  const positions: number[] = [];
  const raw = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const t = timeOf(i);
    if (t === undefined) continue;
    raw[i] = t;
    positions.push(i);
  }
  // Ties keep source order (a stable sort), which keeps the index the same for the same array.
  positions.sort((a, b) => (raw[a] as number) - (raw[b] as number) || a - b);
  const order = Uint32Array.from(positions);
  const times = new Float64Array(order.length);
  for (let k = 0; k < order.length; k += 1) times[k] = raw[order[k] as number] as number;
  return { order, times };
}

/** The slice [lo, hi) of `index.order` whose times lie in [start, end). */
export function rangeOf(index: TimeIndex, start: number, end: number): [number, number] {
  return [lowerBound(index.times, start), lowerBound(index.times, end)];
}

/** First position whose time is ≥ `value`. */
export function lowerBound(times: Float64Array, value: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Owner ids as small integers (-1 for none), so the scope test per record is an array lookup. */
export type OwnerColumn = { ids: Map<string, number>; of: Int32Array };

export function ownerColumn(count: number, ownerOf: (i: number) => string | undefined): OwnerColumn {
  const ids = new Map<string, number>();
  const of = new Int32Array(count);
  for (let i = 0; i < count; i += 1) {
    const owner = ownerOf(i);
    if (owner === undefined) {
      of[i] = -1;
      continue;
    }
    let id = ids.get(owner);
    if (id === undefined) ids.set(owner, (id = ids.size));
    of[i] = id;
  }
  return { ids, of };
}
