import type { KpiLensDb } from '../../lib/db/db';
import { storageProblemOf } from '../../lib/db/failure';
import { countStored, storedSourceStatus, type StoredCounts, type StoredSourceStatus } from '../../lib/db/status';

/** Record counts during a sync are refreshed at most this often; progress itself is always fresh. */
const COUNTS_MAX_AGE_MS = 10_000;

/** Source status for pages that poll it every second while a sync runs, without recounting every time. */
export function createStatusCache(db: KpiLensDb) {
  const counts = new Map<string, { at: number; value: Promise<StoredCounts> }>();
  const lastCounts = new Map<string, StoredCounts>();
  return {
    async status(source: string): Promise<StoredSourceStatus> {
      let cached = counts.get(source);
      if (!cached || cached.at < Date.now() - COUNTS_MAX_AGE_MS) {
        cached = { at: Date.now(), value: countStored(db, source) };
        counts.set(source, cached);
        cached.value.catch(() => counts.delete(source));
      }
      try {
        const stored = await cached.value;
        lastCounts.set(source, stored);
        return await storedSourceStatus(db, source, stored);
      } catch (error) {
        // A full disk closes the browser's database: the status says so (with the last counts seen) instead of failing.
        const problem = storageProblemOf(error);
        if (!problem) throw error;
        return { ...(lastCounts.get(source) ?? { records: 0, quarantined: 0 }), syncing: false, problem: { message: problem.message, userAction: problem.userAction } };
      }
    },
    /** The counts are stale now (a run finished, data loaded or deleted). */
    forget(source?: string) {
      if (source === undefined) counts.clear();
      else counts.delete(source);
    },
  };
}
