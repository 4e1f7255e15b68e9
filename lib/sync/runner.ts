import { isStorageFull, STORAGE_FULL_PROBLEM } from '../db/failure';
import type { SyncObjectState } from '../db/types';
import { isRunActive, runSyncStep, startRun, type SyncJob, type SyncProblem } from './engine';

export type SyncProgress = {
  object: string;
  objectIndex: number;
  objectCount: number;
  /** Records written so far in this run, all objects. */
  records: number;
  rejected: number;
  /** The CRM's total for the current object, where it tells. */
  totalEstimate?: number;
  waitingUntil?: number;
  reason?: string;
};

export type RunOptions = {
  full?: boolean;
  /** Waits between steps (rate limits, backoff, `requestsPerSecond`). */
  sleep: (ms: number) => Promise<void>;
  onProgress?: (progress: SyncProgress) => void;
  /** Stop after this many steps (the background runs in bounded slices). */
  maxSteps?: number;
  /** Longest single wait the caller accepts; a longer one ends the call with `waiting`. */
  maxWaitMs?: number;
  signal?: AbortSignal;
};

export type RunResult =
  | { status: 'done'; records: number; rejected: number }
  | { status: 'stopped'; problem: SyncProblem }
  | { status: 'waiting'; until: number; reason: string }
  | { status: 'sliced' };

/**
 * Drives a run step by step: resumes the active run (after a crash, from its
 * cursors) or starts a new one, spaces requests by the adapter's rate, and
 * waits out rate limits and backoff.
 */
export async function runSync(job: SyncJob, options: RunOptions): Promise<RunResult> {
  const states = await job.store.getStates(job.source);
  if (isRunActive(states)) await reviveStoppedObjects(job, states);
  else await startRun(job, { full: options.full });
  const minGapMs = job.adapter.requestsPerSecond ? Math.ceil(1000 / job.adapter.requestsPerSecond) : 0;
  const objectNames = job.adapter.objects.map((spec) => spec.name);
  let records = 0;
  let rejected = 0;
  let lastRequestAt = -Infinity;
  for (let step = 0; options.maxSteps === undefined || step < options.maxSteps; step += 1) {
    if (options.signal?.aborted) return { status: 'sliced' };
    const gap = lastRequestAt + minGapMs - job.env.now();
    if (gap > 0) await options.sleep(gap);
    lastRequestAt = job.env.now();
    let outcome: Awaited<ReturnType<typeof runSyncStep>>;
    try {
      outcome = await runSyncStep(job);
    } catch (error) {
      if (isStorageFull(error)) {
        await markStorageFull(job).catch(() => undefined); // on a truly full disk even this may not fit
        return { status: 'stopped', problem: STORAGE_FULL };
      }
      throw error;
    }
    switch (outcome.kind) {
      case 'idle':
        return { status: 'done', records, rejected };
      case 'stopped':
        return { status: 'stopped', problem: outcome.problem };
      case 'wait': {
        const ms = outcome.until - job.env.now();
        options.onProgress?.({
          object: outcome.object,
          objectIndex: objectNames.indexOf(outcome.object),
          objectCount: objectNames.length,
          records,
          rejected,
          waitingUntil: outcome.until,
          reason: outcome.reason,
        });
        if (options.maxWaitMs !== undefined && ms > options.maxWaitMs) return { status: 'waiting', until: outcome.until, reason: outcome.reason };
        if (ms > 0) await options.sleep(ms);
        break;
      }
      case 'progress':
        records += outcome.written;
        rejected += outcome.rejected;
        options.onProgress?.({
          object: outcome.object,
          objectIndex: objectNames.indexOf(outcome.object),
          objectCount: objectNames.length,
          records,
          rejected,
          totalEstimate: outcome.state.totalEstimate,
        });
        break;
    }
  }
  return { status: 'sliced' };
}

/**
 * A new call is a new attempt: objects of the interrupted run that stopped on an
 * error (an expired session the rep has since renewed, a network outage) go on
 * from their cursor instead of being skipped until the next run.
 */
async function reviveStoppedObjects(job: SyncJob, states: readonly SyncObjectState[]): Promise<void> {
  for (const state of states) {
    if (state.phase === 'error') await job.store.saveState({ ...state, phase: 'running', attempts: 0, waitUntil: undefined });
  }
}

const STORAGE_FULL: SyncProblem = { ...STORAGE_FULL_PROBLEM, kind: 'storage-full' };

/**
 * The object that could not be written stops with the storage problem, so the status says so and
 * does not show a sync in progress; the next run (after the rep made room) goes on from its cursor.
 */
async function markStorageFull(job: SyncJob): Promise<void> {
  const states = new Map((await job.store.getStates(job.source)).map((state) => [state.object, state]));
  const current = job.adapter.objects.map((spec) => states.get(spec.name)).find((state) => state && (state.phase === 'running' || state.phase === 'waiting'));
  if (!current) return;
  const now = job.env.now();
  await job.store.saveState({ ...current, phase: 'error', error: { ...STORAGE_FULL, at: now }, updatedAt: now });
}
