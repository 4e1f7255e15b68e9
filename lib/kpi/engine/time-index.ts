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
  // Many records (a cold worker indexing a big source): a radix sort, linear in the records.
  if (n >= RADIX_FROM && whole && max - min < 2 ** 53) {
    radixOrder(raw, has, min, max - min, order);
    for (let k = 0; k < n; k += 1) times[k] = raw[order[k] as number] as number;
    return { order, times };
  }
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

/** From this many records on, sortTimes sorts by radix (the native sort's n log n shows at a million). */
const RADIX_FROM = 20_000;

/**
 * Positions of the records that have a time, ordered by time (ties by position): a least-significant-
 * digit radix sort of the whole offsets from `min` (below 2^53), 16 bits of the low word a pass, then
 * 11 bits of the high word as far as the span needs. Each pass is stable, so ties keep position order.
 */
function radixOrder(raw: Float64Array, has: Uint8Array, min: number, span: number, out: Uint32Array): void {
  const count = raw.length;
  const n = out.length;
  const lo = new Uint32Array(count);
  const hi = span >= 2 ** 32 ? new Uint32Array(count) : undefined;
  let order = new Uint32Array(n);
  for (let i = 0, k = 0; i < count; i += 1) {
    if (!has[i]) continue;
    order[k++] = i;
    const offset = (raw[i] as number) - min;
    lo[i] = offset % 4_294_967_296;
    if (hi) hi[i] = Math.floor(offset / 4_294_967_296);
  }
  let spare = new Uint32Array(n);
  const pass = (keys: Uint32Array, shift: number, bits: number) => {
    const mask = (1 << bits) - 1;
    const starts = new Uint32Array(mask + 2);
    for (let k = 0; k < n; k += 1) {
      const bucket = (((keys[order[k] as number] as number) >>> shift) & mask) + 1;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    for (let b = 0; b <= mask; b += 1) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
    for (let k = 0; k < n; k += 1) {
      const i = order[k] as number;
      const bucket = ((keys[i] as number) >>> shift) & mask;
      spare[starts[bucket] as number] = i;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    [order, spare] = [spare, order];
  };
  pass(lo, 0, 16);
  if (span >= 2 ** 16) pass(lo, 16, 16);
  if (hi) {
    pass(hi, 0, 11);
    if (span >= 2 ** 43) pass(hi, 11, 11);
  }
  out.set(order);
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
