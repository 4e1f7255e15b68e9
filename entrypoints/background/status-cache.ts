import {
  type KpiLensDb,
  storageProblemOf,
  countStored,
  storedSourceStatus,
  summariseStates,
  STORAGE_FULL_PROBLEM,
  type StoredCounts,
  type StoredSourceStatus,
} from '@/lib/db';
import type { SyncProblem } from '@/lib/sync';
import { createFullDiskStops, type FullDiskStops } from './full-disk-stops';

/** Record counts during a sync are refreshed at most this often; progress itself is always fresh. */
const COUNTS_MAX_AGE_MS = 10_000;

/**
 * Source status for pages that poll it every second while a sync runs, without recounting every time.
 * Counting walks every record index (a second or more for 100,000 records), so a stale count is
 * answered at once and recounted behind it; only the very first ask of a source waits for a count.
 */
export function createStatusCache(db: KpiLensDb, fullDisk: FullDiskStops = createFullDiskStops()) {
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
        const [status, fullAt] = await Promise.all([storedSourceStatus(db, source, stored), fullDisk.stoppedAt(source)]);
        return stoppedOnFullDisk(status, fullAt);
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
      const [states, fullAt] = await Promise.all([db.syncState.where('source').equals(source).toArray(), fullDisk.stoppedAt(source)]);
      return stoppedOnFullDisk(summariseStates(states), fullAt);
    },
    /** A run of `source` starts: a full disk it stopped on before is for this run to find again. */
    runStarted(source: string): void {
      void fullDisk.runStarted(source).catch(() => undefined);
    },
    /** A run of `source` ended: its counts are stale, and a stop on a full disk is kept (see full-disk-stops.ts). */
    async runFinished(source: string, result: { status: string; problem?: SyncProblem }): Promise<void> {
      counts.delete(source);
      lastCounts.delete(source);
      if (result.status === 'stopped' && result.problem?.kind === 'storage-full') await fullDisk.noteStopped(source, Date.now());
    },
    /** Whether the last run of `source` stopped on a full disk: it is not resumed by itself (the rep makes room, then syncs). */
    async stoppedOnFullDisk(source: string): Promise<boolean> {
      return (await fullDisk.stoppedAt(source)) !== undefined;
    },
    /** The counts are stale now (a run finished, data loaded or deleted). */
    forget(source?: string) {
      if (source === undefined) {
        counts.clear();
        lastCounts.clear();
        fullDisk.forget();
      } else {
        counts.delete(source);
        lastCounts.delete(source);
      }
    },
  };
}

export type SyncSummary = ReturnType<typeof summariseStates>;

/**
 * A status as the rep must see it after a run stopped on a full disk whose sync state could not be
 * written: not syncing, with the storage problem and what to do. A problem the states hold wins.
 */
function stoppedOnFullDisk<T extends SyncSummary>(status: T, stoppedAt: number | undefined): T {
  if (stoppedAt === undefined || status.problem) return status;
  const { progress: _progress, ...rest } = status;
  return { ...rest, syncing: false, problem: { message: STORAGE_FULL_PROBLEM.message, userAction: STORAGE_FULL_PROBLEM.userAction } } as T;
}
