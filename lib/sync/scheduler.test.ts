import 'fake-indexeddb/auto';
import { countAll } from '../db/records';
import { describe, expect, it } from 'vitest';
import { KpiLensDb } from '../db/db';
import { SCHEMA_VERSIONS } from '../db/schema';
import { dexieSyncStore } from './dexie-store';
import { createSyncScheduler } from './scheduler';
import { fakeClock, sandboxJob, smallDataset } from './test-support';

/** The semantics of navigator.locks.request(name, { ifAvailable: true }). */
function locks() {
  const held = new Set<string>();
  return async (name: string, task: () => Promise<void>) => {
    if (held.has(name)) return false;
    held.add(name);
    try {
      await task();
    } finally {
      held.delete(name);
    }
    return true;
  };
}

describe('sync scheduler', () => {
  it('runs exactly one sync when several tabs ask at once; no duplicates', async () => {
    const db = new KpiLensDb('scheduler-1', SCHEMA_VERSIONS);
    const clock = fakeClock();
    let jobsBuilt = 0;
    const scheduler = createSyncScheduler({
      withLock: locks(),
      jobFor: async () => {
        jobsBuilt += 1;
        return sandboxJob(smallDataset(), dexieSyncStore(db), clock.env);
      },
      sleep: clock.sleep,
      wakeAt: async () => {},
      cancelWake: async () => {},
    });
    const outcomes = await Promise.all([scheduler.kick('s'), scheduler.kick('s'), scheduler.kick('s')]);
    expect(outcomes.filter((o) => o === 'started')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already-running')).toHaveLength(2);
    expect(jobsBuilt).toBe(3);
    expect(await countAll(db, 'deal')).toBe(50);
    expect(await countAll(db, 'activity')).toBe(200);
    db.close();
  });

  it('says when a run starts (it holds the lock), before its first step, and not for a kick that found one running', async () => {
    const db = new KpiLensDb('scheduler-4', SCHEMA_VERSIONS);
    const clock = fakeClock();
    const events: string[] = [];
    const store = dexieSyncStore(db, { onCommitted: () => events.push('commit') });
    const scheduler = createSyncScheduler({
      withLock: locks(),
      jobFor: async () => sandboxJob(smallDataset(), store, clock.env),
      sleep: clock.sleep,
      wakeAt: async () => {},
      cancelWake: async () => {},
      onStarted: (source) => events.push(`started ${source}`),
      onFinished: (source, result) => events.push(`finished ${source} ${result.status}`),
    });
    const outcomes = await Promise.all([scheduler.kick('s'), scheduler.kick('s')]);
    expect(outcomes.sort()).toEqual(['already-running', 'started']);
    expect(events[0]).toBe('started s');
    expect(events.filter((event) => event.startsWith('started'))).toHaveLength(1);
    expect(events.at(-1)).toBe('finished s done');
    expect(events.filter((event) => event === 'commit').length).toBeGreaterThan(0);
    db.close();
  });

  it('leaves a long rate-limit wait to an alarm instead of sleeping in the worker', async () => {
    const db = new KpiLensDb('scheduler-2', SCHEMA_VERSIONS);
    const clock = fakeClock();
    const wakes: number[] = [];
    const finished: string[] = [];
    const scheduler = createSyncScheduler({
      withLock: locks(),
      jobFor: async () => sandboxJob(smallDataset(), dexieSyncStore(db), clock.env, { rateLimitEvery: 3, retryAfterSeconds: 120 }),
      sleep: clock.sleep,
      wakeAt: async (_source, when) => {
        wakes.push(when);
      },
      cancelWake: async () => {},
      onFinished: (_source, result) => finished.push(result.status),
    });
    await scheduler.kick('s');
    expect(finished).toEqual(['waiting']);
    expect(wakes).toHaveLength(1);
    expect(wakes[0]! - clock.env.now()).toBe(120_000);
    db.close();
  });
});

describe('stopping a sync', () => {
  it('lets the step in flight finish, writes nothing after, and resolves once the run let go', async () => {
    const db = new KpiLensDb('scheduler-3', SCHEMA_VERSIONS);
    const clock = fakeClock();
    const finished: string[] = [];
    let commits = 0;
    let stopped: Promise<void> | undefined;
    let commitsAfterStop = 0;
    const scheduler = createSyncScheduler({
      withLock: locks(),
      jobFor: async () =>
        sandboxJob(
          smallDataset(),
          dexieSyncStore(db, {
            onCommitted: () => {
              commits += 1;
              if (stopped) commitsAfterStop += 1;
              // The rep deletes everything while the 12th page is being written.
              else if (commits === 12) stopped = scheduler.stop();
            },
          }),
          clock.env,
        ),
      sleep: clock.sleep,
      wakeAt: async () => {},
      cancelWake: async () => {},
      onFinished: (_source, result) => finished.push(result.status),
    });
    await scheduler.kick('s');
    await stopped;
    expect(commitsAfterStop).toBe(0);
    expect(finished).toEqual(['sliced']);
    expect(await countAll(db, 'activity')).toBeLessThan(200);
    db.close();
  });
});
