import type { ApiBudget } from '../adapters/types';
import { RECORD_TYPES, type RecordType } from '../model';
import type { KpiLensDb } from './db';
import { buildProgress } from './columns';
import { countRecords, tablesOf } from './records';
import type { SyncObjectState } from './types';

export type StoredSourceStatus = {
  records: number;
  quarantined: number;
  lastSyncAt?: number;
  /** A run is in progress (or waiting to go on). */
  syncing: boolean;
  /**
   * The object being synced and how far along the run is: records written this run (all objects),
   * the CRM's total for the current object and how many of it are in, and the time the current
   * object still needs at the run's pace so far (when the CRM tells its total).
   */
  progress?: { object: string; records: number; totalEstimate?: number; objectRecords?: number; objectIndex: number; objectCount: number; timeLeftMs?: number };
  /** Columns being made from records stored by an earlier version (the v3 migration): records done of all. */
  preparing?: { records: number; total: number };
  problem?: { message: string; userAction: string };
};

export type StoredCounts = { records: number; quarantined: number };

/**
 * How many records and quarantine entries a source has. IndexedDB counts by
 * walking the index, so callers that ask often (status during a sync) cache it.
 */
export async function countStored(db: KpiLensDb, source: string): Promise<StoredCounts> {
  // One read transaction for the sixteen reads, not one each (a cold worker counts while it reads the source).
  return db.transaction('r', [...tablesOf(db, RECORD_TYPES), db.quarantine], async () => {
    const [counts, quarantined] = await Promise.all([
      Promise.all(RECORD_TYPES.map((type) => countRecords(db, source, type))),
      db.quarantine.where('source').equals(source).count(),
    ]);
    return { records: counts.reduce((sum, n) => sum + n, 0), quarantined };
  });
}

/** What the sidebar and popup show about a source's data: counts, last sync, progress, the last problem. */
export async function storedSourceStatus(db: KpiLensDb, source: string, counts?: StoredCounts, now = Date.now()): Promise<StoredSourceStatus> {
  const [stored, states, preparing] = await Promise.all([
    counts ?? countStored(db, source),
    db.syncState.where('source').equals(source).toArray(),
    buildProgress(db, source),
  ]);
  return { ...stored, ...summariseStates(states, now), ...(preparing ? { preparing } : {}) };
}

export function summariseStates(states: readonly SyncObjectState[], now?: number): Omit<StoredSourceStatus, 'records' | 'quarantined'> {
  const active = states.filter((state) => state.phase === 'running' || state.phase === 'waiting' || state.phase === 'paused');
  const completedAt = states.map((state) => state.lastCompletedAt ?? 0);
  // The newest problem is the one that matters now (an older one may be about an object that moved on).
  const failing = states.filter((state) => state.error && state.phase !== 'done').sort((a, b) => b.error!.at - a.error!.at)[0];
  // A run stopped on the rep's credentials or a full disk goes nowhere until they act: it is not "syncing".
  const blocked = states.some((state) => state.phase === 'error' && (state.error?.kind === 'auth' || state.error?.kind === 'storage-full'));
  const current = active[0];
  return {
    syncing: active.length > 0 && !blocked,
    lastSyncAt: completedAt.some((at) => at > 0) ? Math.max(...completedAt) : undefined,
    progress: current && !blocked ? progressOf(states, current, active.length, now) : undefined,
    problem: failing?.error ? { message: failing.error.message, userAction: failing.error.userAction } : undefined,
  };
}

/** How far a run is, and (given the time) how long the current object still needs at the run's pace. */
function progressOf(
  states: readonly SyncObjectState[],
  current: SyncObjectState,
  activeCount: number,
  now: number | undefined,
): NonNullable<StoredSourceStatus['progress']> {
  const records = states.reduce((sum, state) => sum + state.recordsThisRun, 0);
  const progress: NonNullable<StoredSourceStatus['progress']> = {
    object: current.object,
    records,
    totalEstimate: current.totalEstimate,
    objectRecords: current.recordsThisRun,
    objectIndex: states.length - activeCount,
    objectCount: states.length,
  };
  const elapsed = now !== undefined && current.runStartedAt !== null ? now - current.runStartedAt : 0;
  if (current.totalEstimate !== undefined && records > 0 && elapsed > 0) {
    const left = Math.max(0, current.totalEstimate - current.recordsThisRun);
    progress.timeLeftMs = Math.round((left / records) * elapsed);
  }
  return progress;
}

/** One synced object of a source, for the options' connection details. */
export type ObjectStatus = {
  object: string;
  phase: SyncObjectState['phase'];
  /** Records written by the latest (or current) run of this object. */
  records: number;
  rejects: number;
  totalEstimate?: number;
  lastCompletedAt?: number;
  waitUntil?: number;
  budget?: ApiBudget;
  problem?: { message: string; userAction: string };
  updatedAt: number;
};

/** Where each object of a source's sync stands, in the adapter's order when given. */
export async function objectStatuses(db: KpiLensDb, source: string, order: readonly string[] = []): Promise<ObjectStatus[]> {
  const states = await db.syncState.where('source').equals(source).toArray();
  const rank = (object: string) => (order.includes(object) ? order.indexOf(object) : order.length);
  return states
    .sort((a, b) => rank(a.object) - rank(b.object) || (a.object < b.object ? -1 : 1))
    .map((state) => ({
      object: state.object,
      phase: state.phase,
      records: state.recordsThisRun,
      rejects: state.rejectsThisRun,
      totalEstimate: state.totalEstimate,
      lastCompletedAt: state.lastCompletedAt,
      waitUntil: state.waitUntil,
      budget: state.budget,
      problem: state.error && state.phase !== 'done' ? { message: state.error.message, userAction: state.error.userAction } : undefined,
      updatedAt: state.updatedAt,
    }));
}

/** The CRM's API allocation as last reported by any object (the most recent report wins). */
export function latestBudget(objects: readonly ObjectStatus[]): ApiBudget | undefined {
  return objects.filter((object) => object.budget).sort((a, b) => b.updatedAt - a.updatedAt)[0]?.budget;
}

/** Stored records of a source per record type (only the types it has). */
export async function countByType(db: KpiLensDb, source: string): Promise<Partial<Record<RecordType, number>>> {
  const counts = await Promise.all(RECORD_TYPES.map((type) => countRecords(db, source, type)));
  const out: Partial<Record<RecordType, number>> = {};
  RECORD_TYPES.forEach((type, index) => {
    if (counts[index]) out[type] = counts[index];
  });
  return out;
}
