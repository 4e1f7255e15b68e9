import type { KpiLensDb } from '../../lib/db/db';
import { countStored, storedSourceStatus, type StoredCounts, type StoredSourceStatus } from '../../lib/db/status';

/** Record counts during a sync are refreshed at most this often; progress itself is always fresh. */
const COUNTS_MAX_AGE_MS = 10_000;

/** Source status for pages that poll it every second while a sync runs, without recounting every time. */
export function createStatusCache(db: KpiLensDb) {
  const counts = new Map<string, { at: number; value: Promise<StoredCounts> }>();
  return {
    async status(source: string): Promise<StoredSourceStatus> {
      let cached = counts.get(source);
      if (!cached || cached.at < Date.now() - COUNTS_MAX_AGE_MS) {
        cached = { at: Date.now(), value: countStored(db, source) };
        counts.set(source, cached);
        cached.value.catch(() => counts.delete(source));
      }
      return storedSourceStatus(db, source, await cached.value);
    },
    /** The counts are stale now (a run finished, data loaded or deleted). */
    forget(source?: string) {
      if (source === undefined) counts.clear();
      else counts.delete(source);
    },
  };
}
