import { type KpiLensDb, storageProblemOf, countStored, storedSourceStatus, summariseStates, type StoredCounts, type StoredSourceStatus } from '@/lib/db';

/** Record counts during a sync are refreshed at most this often; progress itself is always fresh. */
const COUNTS_MAX_AGE_MS = 10_000;

/**
 * Source status for pages that poll it every second while a sync runs, without recounting every time.
 * Counting walks every record index (a second or more for 100,000 records), so a stale count is
 * answered at once and recounted behind it; only the very first ask of a source waits for a count.
 */
export function createStatusCache(db: KpiLensDb) {
  const counts = new Map<string, { at: number; value: Promise<StoredCounts> }>();
  const lastCounts = new Map<string, StoredCounts>();
  const recount = (source: string) => {
    const entry = { at: Date.now(), value: countStored(db, source) };
    counts.set(source, entry);
    entry.value.then(
      (stored) => {
        if (counts.get(source) === entry) lastCounts.set(source, stored);
      },
      () => {
        if (counts.get(source) === entry) counts.delete(source);
      },
    );
    return entry;
  };
  return {
    async status(source: string): Promise<StoredSourceStatus> {
      let cached = counts.get(source);
      if (!cached || cached.at < Date.now() - COUNTS_MAX_AGE_MS) cached = recount(source);
      try {
        const last = lastCounts.get(source);
        const stored = last ?? (await cached.value);
        lastCounts.set(source, stored);
        return await storedSourceStatus(db, source, stored);
      } catch (error) {
        // A full disk closes the browser's database: the status says so (with the last counts seen) instead of failing.
        const problem = storageProblemOf(error);
        if (!problem) throw error;
        return {
          ...(lastCounts.get(source) ?? { records: 0, quarantined: 0 }),
          syncing: false,
          problem: { message: problem.message, userAction: problem.userAction },
        };
      }
    },
    /** Whether a source syncs, when it last did, its problem: the sync states only, no counting (for a page that just opened). */
    async syncSummary(source: string): Promise<SyncSummary> {
      return summariseStates(await db.syncState.where('source').equals(source).toArray());
    },
    /** The counts are stale now (a run finished, data loaded or deleted). */
    forget(source?: string) {
      if (source === undefined) {
        counts.clear();
        lastCounts.clear();
      } else {
        counts.delete(source);
        lastCounts.delete(source);
      }
    },
  };
}

export type SyncSummary = ReturnType<typeof summariseStates>;
