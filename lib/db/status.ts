import { RECORD_TYPES } from '../model';
import type { KpiLensDb } from './db';
import { recordTable } from './records';
import type { SyncObjectState } from './types';

export type StoredSourceStatus = {
  records: number;
  quarantined: number;
  lastSyncAt?: number;
  /** A run is in progress (or waiting to go on). */
  syncing: boolean;
  /** The object being synced and how far along the run is. */
  progress?: { object: string; records: number; totalEstimate?: number; objectIndex: number; objectCount: number };
  problem?: { message: string; userAction: string };
};

export type StoredCounts = { records: number; quarantined: number };

/**
 * How many records and quarantine entries a source has. IndexedDB counts by
 * walking the index, so callers that ask often (status during a sync) cache it.
 */
export async function countStored(db: KpiLensDb, source: string): Promise<StoredCounts> {
  const [counts, quarantined] = await Promise.all([
    Promise.all(RECORD_TYPES.map((type) => recordTable(db, type).where('source').equals(source).count())),
    db.quarantine.where('source').equals(source).count(),
  ]);
  return { records: counts.reduce((sum, n) => sum + n, 0), quarantined };
}

/** What the sidebar and popup show about a source's data: counts, last sync, progress, the last problem. */
export async function storedSourceStatus(db: KpiLensDb, source: string, counts?: StoredCounts): Promise<StoredSourceStatus> {
  const [stored, states] = await Promise.all([counts ?? countStored(db, source), db.syncState.where('source').equals(source).toArray()]);
  return { ...stored, ...summariseStates(states) };
}

export function summariseStates(states: readonly SyncObjectState[]): Omit<StoredSourceStatus, 'records' | 'quarantined'> {
  const active = states.filter((state) => state.phase === 'running' || state.phase === 'waiting' || state.phase === 'paused');
  const completedAt = states.map((state) => state.lastCompletedAt ?? 0);
  const failing = states.find((state) => state.error && state.phase !== 'done');
  const current = active[0];
  return {
    syncing: active.length > 0,
    lastSyncAt: completedAt.some((at) => at > 0) ? Math.max(...completedAt) : undefined,
    progress: current
      ? {
          object: current.object,
          records: states.reduce((sum, state) => sum + state.recordsThisRun, 0),
          totalEstimate: current.totalEstimate,
          objectIndex: states.length - active.length,
          objectCount: states.length,
        }
      : undefined,
    problem: failing?.error ? { message: failing.error.message, userAction: failing.error.userAction } : undefined,
  };
}
