import { buildColumnsStep, pendingBuilds } from './columns';
import type { KpiLensDb } from './db';

export type ColumnBuilderDeps = {
  db: KpiLensDb;
  /** Lets the worker answer pages between two steps. */
  pause: () => Promise<void>;
  /** A step committed (progress for the status). */
  onProgress?: (source: string) => void | Promise<void>;
  /** Every type of the source has its columns now: its data can be read from them. */
  onReady?: (source: string) => void;
  /** Records per step (one transaction each); BUILD_STEP unless a test wants many steps of little data. */
  step?: number;
};

/**
 * Runs the migration that makes the column store of records stored before it existed (schema v3):
 * step after step (each one transaction, so a stopped worker resumes where it was), one source and
 * type after the other, pausing between steps. `run()` while running returns the running one.
 */
export function createColumnBuilder(deps: ColumnBuilderDeps) {
  let running: Promise<void> | undefined;
  async function work(): Promise<void> {
    for (let builds = await pendingBuilds(deps.db); builds.length; builds = await pendingBuilds(deps.db)) {
      const { source, type } = builds[0]!;
      for (let step = await buildColumnsStep(deps.db, source, type, deps.step); ; step = await buildColumnsStep(deps.db, source, type, deps.step)) {
        await deps.onProgress?.(source);
        if (step.done) break;
        await deps.pause();
      }
      if (!(await pendingBuilds(deps.db, source)).length) deps.onReady?.(source);
    }
  }
  return {
    run(): Promise<void> {
      running ??= work().finally(() => (running = undefined));
      return running;
    },
  };
}
