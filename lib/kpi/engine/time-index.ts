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
  const column = timeColumn(count);
  for (let i = 0; i < count; i += 1) setTime(column, i, timeOf(i));
  return sortTimes(column);
}

/** Raw instants of a record array, filled in one pass over the records, then sorted by `sortTimes`. */
export type TimeColumn = { raw: Float64Array; has: Uint8Array };

export function timeColumn(count: number): TimeColumn {
  return { raw: new Float64Array(count), has: new Uint8Array(count) };
}

export function setTime(column: TimeColumn, i: number, t: number | undefined): void {
  if (t === undefined) return;
  column.raw[i] = t;
  column.has[i] = 1;
}

export function sortTimes({ raw, has }: TimeColumn): TimeIndex {
  const count = raw.length;
  let n = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let i = 0; i < count; i += 1) {
    if (!has[i]) continue;
    const t = raw[i] as number;
    n += 1;
    if (t < min) min = t;
    if (t > max) max = t;
    if (!Number.isInteger(t)) whole = false;
  }
  const order = new Uint32Array(n);
  const times = new Float64Array(n);
  // Fast path: pack (time − min, position) into one exact double and let the native numeric sort order
  // them; ties fall back on the position, so the order never depends on the sort's stability.
  const slots = 2 ** Math.max(1, Math.ceil(Math.log2(count + 1)));
  if (n > 0 && whole && (max - min + 1) * slots <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0, k = 0; i < count; i += 1) if (has[i]) packed[k++] = ((raw[i] as number) - min) * slots + i;
    packed.sort();
    for (let k = 0; k < n; k += 1) {
      const i = (packed[k] as number) % slots;
      order[k] = i;
      times[k] = raw[i] as number;
    }
    return { order, times };
  }
  // General path (spans of centuries, fractional instants): sort positions with a comparator.
  const positions: number[] = [];
  for (let i = 0; i < count; i += 1) if (has[i]) positions.push(i);
  positions.sort((a, b) => (raw[a] as number) - (raw[b] as number) || a - b);
  positions.forEach((i, k) => {
    order[k] = i;
    times[k] = raw[i] as number;
  });
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
  const column = emptyOwnerColumn(count);
  for (let i = 0; i < count; i += 1) setOwner(column, i, ownerOf(i));
  return column;
}

export function emptyOwnerColumn(count: number): OwnerColumn {
  return { ids: new Map(), of: new Int32Array(count) };
}

export function setOwner(column: OwnerColumn, i: number, owner: string | undefined): void {
  if (owner === undefined) {
    column.of[i] = -1;
    return;
  }
  let id = column.ids.get(owner);
  if (id === undefined) column.ids.set(owner, (id = column.ids.size));
  column.of[i] = id;
}
