import { isCrmError, type CrmErrorKind } from '../adapters/errors';
import { advancePager, type PagerTrail } from '../adapters/pager';
import type { AdapterContext, CrmAdapter, FetchedPage, RecordBatch } from '../adapters/types';
import { capRawPayload } from '../db/schema';
import type { QuarantineEntry, SyncObjectState } from '../db/types';
import { RECORD_TYPES } from '../model';
import { backoffDelay, MAX_TRANSIENT_ATTEMPTS } from './backoff';
import { stateKey, type SyncStore } from './store';

/**
 * The next incremental run asks for records updated since this long before the
 * previous run started: records changed while that run was paging are fetched
 * again (an upsert, harmless) instead of being missed, and small clock
 * differences between this machine and the CRM are absorbed.
 */
export const SINCE_OVERLAP_MS = 15 * 60_000;

/** A page that cannot be read is retried this often before the object is given up for this run. */
const MAX_BAD_PAGE_ATTEMPTS = 3;

export type SyncEnv = { now: () => number; random: () => number };

/** The adapter context a job carries; its clock is the job's own (`env.now`), added at each request. */
export type SyncContext = Omit<AdapterContext, 'now'>;

export type SyncJob = {
  source: string;
  adapter: CrmAdapter;
  ctx: SyncContext;
  store: SyncStore;
  env: SyncEnv;
  /** Pages one object's chain may take in a run (pager.ts); tests lower it. */
  maxPages?: number;
};

export type SyncProblem = { kind: CrmErrorKind | 'internal' | 'storage-full'; message: string; userAction: string };

export type StepOutcome =
  | { kind: 'progress'; object: string; written: number; rejected: number; objectDone: boolean; state: SyncObjectState }
  | { kind: 'wait'; object: string; until: number; reason: string }
  | { kind: 'stopped'; object: string; problem: SyncProblem }
  | { kind: 'idle' };

const ACTIVE: ReadonlySet<SyncObjectState['phase']> = new Set(['running', 'waiting', 'paused']);

export function isRunActive(states: readonly SyncObjectState[]): boolean {
  return states.some((state) => ACTIVE.has(state.phase));
}

/**
 * Starts a run over every object of the adapter: incremental from each object's
 * high-water mark unless `full`. Objects the CRM cannot filter by date are
 * always fetched whole.
 */
export async function startRun(job: SyncJob, options: { full?: boolean } = {}): Promise<void> {
  const existing = new Map((await job.store.getStates(job.source)).map((state) => [state.object, state]));
  const now = job.env.now();
  for (const spec of job.adapter.objects) {
    const previous = existing.get(spec.name);
    const highWater = previous?.highWater ?? null;
    await job.store.saveState({
      key: stateKey(job.source, spec.name),
      source: job.source,
      object: spec.name,
      cursor: null,
      runSince: options.full || !spec.incremental ? null : highWater,
      highWater,
      runStartedAt: now,
      phase: 'running',
      recordsThisRun: 0,
      rejectsThisRun: 0,
      attempts: 0,
      lastCompletedAt: previous?.lastCompletedAt,
      budget: previous?.budget,
      carry: previous?.carry,
      updatedAt: now,
    });
  }
}

/**
 * Does one step of the active run: fetches one page of the first unfinished
 * object and commits its records together with the next cursor. A crash before
 * the commit loses only this step; the next call fetches the same page again.
 */
export async function runSyncStep(job: SyncJob): Promise<StepOutcome> {
  const states = new Map((await job.store.getStates(job.source)).map((state) => [state.object, state]));
  const spec = job.adapter.objects.find((candidate) => ACTIVE.has(states.get(candidate.name)?.phase ?? 'idle'));
  if (!spec) return { kind: 'idle' };
  const state = states.get(spec.name)!;
  const now = job.env.now();
  if (state.waitUntil !== undefined && state.waitUntil > now) {
    return { kind: 'wait', object: spec.name, until: state.waitUntil, reason: state.error?.message ?? 'waiting' };
  }

  let page: FetchedPage;
  let pager: PagerTrail | undefined;
  try {
    // What the previous run left goes with the chain's first page; the adapter carries it on in its cursor.
    const carried = state.cursor === null ? (state.carry ?? null) : null;
    page = await job.adapter.fetchPage({ ...job.ctx, now: job.env.now }, spec.name, state.cursor, state.runSince, carried);
    // Every adapter's chain goes through the one guard: a repeated position or an endless "more" stops it.
    if (page.nextCursor !== null) pager = advancePager(state.pager, page.pageKey ?? page.nextCursor, job.adapter.label, spec.name, job.maxPages);
  } catch (error) {
    return handleFailure(job, state, error);
  }
  return commitPage(job, state, page, pager);
}

async function commitPage(job: SyncJob, state: SyncObjectState, page: FetchedPage, pager: PagerTrail | undefined): Promise<StepOutcome> {
  const now = job.env.now();
  const written = countBatch(page.records);
  const objectDone = page.nextCursor === null;
  const next: SyncObjectState = {
    ...state,
    cursor: page.nextCursor,
    pager,
    phase: objectDone ? 'done' : 'running',
    recordsThisRun: state.recordsThisRun + written,
    rejectsThisRun: state.rejectsThisRun + page.rejects.length,
    totalEstimate: page.totalEstimate ?? state.totalEstimate,
    budget: page.budget ?? state.budget,
    attempts: 0,
    waitUntil: undefined,
    error: undefined,
    updatedAt: now,
  };
  if (objectDone) {
    next.carry = page.carry;
    next.highWater = state.runStartedAt !== null ? maxOf(state.highWater, state.runStartedAt - SINCE_OVERLAP_MS) : state.highWater;
    next.lastCompletedAt = now;
  }
  const quarantine: QuarantineEntry[] = page.rejects.map((reject) => ({
    source: job.source,
    recordType: reject.recordType,
    externalId: reject.externalId,
    rawJson: capRawPayload(reject.raw),
    reason: reject.reason,
    at: now,
  }));
  await job.store.commitStep({ state: next, batch: page.records, deleted: page.deleted, quarantine });
  return { kind: 'progress', object: state.object, written, rejected: page.rejects.length, objectDone, state: next };
}

async function handleFailure(job: SyncJob, state: SyncObjectState, error: unknown): Promise<StepOutcome> {
  const now = job.env.now();
  const attempts = state.attempts + 1;
  const problem: SyncProblem & { kind: CrmErrorKind | 'internal' } = isCrmError(error)
    ? { kind: error.kind, message: error.message, userAction: error.userAction }
    : {
        kind: 'internal',
        message: `could not read ${state.object}: ${error instanceof Error ? error.message : String(error)}`,
        userAction: 'KPI Lens retries; if this repeats, the CRM answered in a way KPI Lens does not understand yet. The other data keeps syncing.',
      };
  const save = async (patch: Partial<SyncObjectState>) => {
    const next = { ...state, ...patch, error: { ...problem, at: now }, updatedAt: now };
    await job.store.saveState(next);
    return next;
  };

  switch (problem.kind) {
    case 'rate-limit': {
      const until = now + (isCrmError(error) ? (error.retryAfterMs ?? 10_000) : 10_000);
      await save({ phase: 'waiting', waitUntil: until });
      return { kind: 'wait', object: state.object, until, reason: problem.message };
    }
    case 'budget-exhausted': {
      const until = now + (isCrmError(error) ? (error.retryAfterMs ?? 3_600_000) : 3_600_000);
      await save({ phase: 'paused', waitUntil: until });
      return { kind: 'wait', object: state.object, until, reason: problem.message };
    }
    case 'transient': {
      if (attempts >= MAX_TRANSIENT_ATTEMPTS) {
        await save({ phase: 'error', attempts });
        return { kind: 'stopped', object: state.object, problem };
      }
      const until = now + Math.max(backoffDelay(attempts, job.env.random), isCrmError(error) ? (error.retryAfterMs ?? 0) : 0);
      await save({ phase: 'waiting', attempts, waitUntil: until });
      return { kind: 'wait', object: state.object, until, reason: problem.message };
    }
    case 'auth':
      // Every object needs the same credentials: stop the run and tell the rep.
      await save({ phase: 'error', attempts });
      return { kind: 'stopped', object: state.object, problem };
    case 'forbidden': {
      // This object is off limits for the rep's CRM user; the rest still syncs.
      const next = await save({ phase: 'done', attempts: 0, cursor: null, pager: undefined });
      return { kind: 'progress', object: state.object, written: 0, rejected: 0, objectDone: true, state: next };
    }
    case 'bad-response':
    case 'internal': {
      // Keep a trace of the unreadable page in quarantine, then retry a few times;
      // past that, give this object up for this run and go on with the others.
      const givingUp = attempts >= MAX_BAD_PAGE_ATTEMPTS;
      const until = givingUp ? undefined : now + backoffDelay(attempts, job.env.random);
      const next: SyncObjectState = {
        ...state,
        phase: givingUp ? 'error' : 'waiting',
        attempts,
        waitUntil: until,
        error: { ...problem, at: now },
        updatedAt: now,
      };
      await job.store.commitStep({
        state: next,
        batch: {},
        quarantine: [
          {
            source: job.source,
            recordType: 'unknown',
            rawJson: capRawPayload({ object: state.object, cursor: state.cursor }),
            reason: problem.message,
            at: now,
          },
        ],
      });
      if (givingUp) return { kind: 'progress', object: state.object, written: 0, rejected: 0, objectDone: true, state: next };
      return { kind: 'wait', object: state.object, until: until!, reason: problem.message };
    }
  }
}

function countBatch(batch: RecordBatch): number {
  let written = 0;
  for (const type of RECORD_TYPES) written += batch[type]?.length ?? 0;
  return written;
}

function maxOf(a: number | null, b: number): number {
  return a === null ? b : Math.max(a, b);
}
