/**
 * Computed views kept in memory, so a page's request is answered without computing: an entry is
 * fresh while its source has not changed (the generation), the settings are the same, and it is
 * younger than `maxAgeMs` ("today" and the pace move with the clock even when no data changes;
 * a heavier view may pass a longer age of its own).
 * Concurrent requests for the same key share one computation.
 */
/** A computed view is served from memory for this long while its source and the settings stay the same. */
export const VIEW_MAX_AGE_MS = 60_000;
/** Views that take long to compute (catalogue, charts, lists) and move little with the clock are kept longer. */
export const HEAVY_VIEW_MAX_AGE_MS = 5 * 60_000;

/** Lets the worker answer other messages (a sidebar opening elsewhere) between steps of a long computation. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export type ViewCacheOptions = { maxAgeMs: number; maxEntries: number; now: () => number };

type Entry<T> = { generation: number; stamp: string; at: number; value: Promise<T>; usedAt: number };

export function createViewCache(options: ViewCacheOptions) {
  const entries = new Map<string, Entry<unknown>>();

  function evict() {
    if (entries.size <= options.maxEntries) return;
    const oldest = [...entries].sort((a, b) => a[1].usedAt - b[1].usedAt).slice(0, entries.size - options.maxEntries);
    for (const [key] of oldest) entries.delete(key);
  }

  return {
    /** The cached value for `key` if fresh, else `compute()`'s (stored; a failure is not kept). */
    get<T>(key: string, generation: number, stamp: string, compute: () => Promise<T> | T, maxAgeMs = options.maxAgeMs): Promise<T> {
      const now = options.now();
      const hit = entries.get(key) as Entry<T> | undefined;
      if (hit && hit.generation === generation && hit.stamp === stamp && now - hit.at < maxAgeMs) {
        hit.usedAt = now;
        return hit.value;
      }
      const value = Promise.resolve().then(compute);
      const entry: Entry<T> = { generation, stamp, at: now, value, usedAt: now };
      entries.set(key, entry);
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      evict();
      return value;
    },
    /** Keys used since `since` whose key starts with `prefix` (to recompute them after a change). */
    recentKeys(prefix: string, since: number): string[] {
      return [...entries].filter(([key, entry]) => key.startsWith(prefix) && entry.usedAt >= since).map(([key]) => key);
    },
    /** Drops every entry whose key starts with `prefix` (all when empty). */
    drop(prefix = '') {
      for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
    },
    size: () => entries.size,
  };
}
export type ViewCache = ReturnType<typeof createViewCache>;
