import type { SyncJob, SyncProblem } from './engine';
import { runSync, type RunResult, type SyncProgress } from './runner';

export type SchedulerDeps = {
  /** Runs `task` only if nobody holds the named lock; resolves false when it was held. */
  withLock: (name: string, task: () => Promise<void>) => Promise<boolean>;
  /** Builds the job for a source (adapter, credentials, store); null when the source is not connected. */
  jobFor: (source: string) => Promise<SyncJob | null>;
  sleep: (ms: number) => Promise<void>;
  /** Wakes the worker at `when` to go on (browser alarms survive the worker being stopped). */
  wakeAt: (source: string, when: number) => Promise<void>;
  cancelWake: (source: string) => Promise<void>;
  /** A run took the source's lock and starts now. */
  onStarted?: (source: string) => void;
  onProgress?: (source: string, progress: SyncProgress) => void;
  onFinished?: (source: string, result: RunResult | { status: 'stopped'; problem: SyncProblem }) => void;
};

/**
 * Waits longer than this are not slept through in the worker (which the browser
 * may stop at any time); an alarm resumes the sync instead.
 */
export const MAX_IN_WORKER_WAIT_MS = 20_000;

/**
 * Runs syncs in the background service worker: one per source at a time (a
 * Web Lock, so several CRM tabs asking at once start exactly one), resumed by an
 * alarm after rate limits and after the worker was stopped mid-run.
 */
export function createSyncScheduler(deps: SchedulerDeps) {
  /** Runs in progress in this worker, so they can be stopped (the rep deletes the data or disconnects). */
  const running = new Map<string, { controller: AbortController; finished: Promise<void> }>();

  async function kick(source: string, options: { full?: boolean } = {}): Promise<'started' | 'already-running' | 'not-connected'> {
    const job = await deps.jobFor(source);
    if (!job) return 'not-connected';
    const ran = await deps.withLock(`kpi-lens-sync:${source}`, async () => {
      await deps.cancelWake(source);
      deps.onStarted?.(source);
      const controller = new AbortController();
      let finish = () => {};
      running.set(source, { controller, finished: new Promise<void>((resolve) => (finish = resolve)) });
      let result: RunResult | { status: 'stopped'; problem: SyncProblem };
      try {
        result = await runSync(job, {
          full: options.full,
          sleep: deps.sleep,
          maxWaitMs: MAX_IN_WORKER_WAIT_MS,
          signal: controller.signal,
          onProgress: (progress) => deps.onProgress?.(source, progress),
        });
      } catch (error) {
        result = {
          status: 'stopped',
          problem: {
            kind: 'internal',
            message: error instanceof Error ? error.message : String(error),
            userAction: 'Try "Sync now" again; if it repeats, reload the extension.',
          },
        };
      } finally {
        running.delete(source);
        finish();
      }
      if (result.status === 'waiting' && !controller.signal.aborted) await deps.wakeAt(source, result.until);
      deps.onFinished?.(source, result);
    });
    return ran ? 'started' : 'already-running';
  }

  /**
   * Stops runs after the step in flight and resolves once they have let go, so
   * nothing is written after the rep deleted the data. (A stopped run is resumed
   * from its cursor by the next kick, as after a crash.)
   */
  async function stop(source?: string): Promise<void> {
    const targets = source === undefined ? [...running.values()] : [running.get(source)].filter((run) => run !== undefined);
    for (const run of targets) run.controller.abort();
    await Promise.all(targets.map((run) => run.finished));
  }

  return { kick, stop };
}
