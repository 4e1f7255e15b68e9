/**
 * Runs in headless Chromium (bundled by scripts/bench/browser-page.ts): the real sync engine writing
 * activities from the sandbox API into IndexedDB (records and the column store, one transaction per
 * page with the cursor), against a plain Dexie bulkPut of the same records in the same page-sized
 * chunks into the same (index-free) table. The sandbox API runs in a worker of its own
 * (sandbox-worker.ts): the CRM's records are not the syncing page's. Also: the status a page would show meanwhile (records of
 * the CRM's total, time left), the longest task of this page during the sync, and bytes stored.
 */
import { sandboxAdapter } from '@/lib/adapters';
import type { Activity } from '@/lib/model';
import { countAll, KpiLensDb, SCHEMA_VERSIONS, storedSourceStatus } from '@/lib/db';
import { dexieSyncStore, runSync } from '@/lib/sync';
import { benchActivities } from './bench-activities';
import type { SandboxWorkerAnswer, SandboxWorkerRequest } from './sandbox-worker';

/**
 * The sandbox CRM in its own worker (sandbox-worker.ts), started with `count` activities; what the
 * sync fetches is answered there, as a CRM across the network would answer it.
 */
async function startCrmWorker(count: number): Promise<{ fetch: (url: string, init?: RequestInit) => Promise<Response>; stop: () => void }> {
  const worker = new Worker('/sandbox-worker.js');
  const waiting = new Map<number, { resolve: (response: Response) => void; reject: (error: Error) => void }>();
  let ready!: () => void;
  let failed!: (error: Error) => void;
  const started = new Promise<void>((resolve, reject) => {
    ready = resolve;
    failed = reject;
  });
  // A worker that fails fails every request still waiting, and the start if it had not answered.
  const fail = (error: Error) => {
    failed(error);
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<SandboxWorkerAnswer>) => {
    const answer = event.data;
    if (answer.kind === 'ready') return ready();
    const pending = answer.id === undefined ? undefined : waiting.get(answer.id);
    if (answer.kind === 'failed') {
      if (pending) pending.reject(new Error(answer.message));
      else fail(new Error(answer.message));
    } else pending?.resolve(new Response(answer.body, { status: answer.status, headers: answer.headers }));
    if (answer.id !== undefined) waiting.delete(answer.id);
  });
  worker.addEventListener('error', (event) => fail(new Error(`the CRM's worker failed: ${event.message}`)));
  worker.postMessage({ kind: 'start', count } satisfies SandboxWorkerRequest);
  await started;
  let nextId = 0;
  return {
    fetch: (url, init) =>
      new Promise<Response>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ kind: 'request', id, url, method: init?.method ?? 'GET' } satisfies SandboxWorkerRequest);
      }),
    stop: () => worker.terminate(),
  };
}

let dbCounter = 0;
async function freshDb(): Promise<KpiLensDb> {
  const db = new KpiLensDb(`bench-${Date.now()}-${dbCounter++}`, SCHEMA_VERSIONS);
  await db.open();
  return db;
}

/** Tasks of this page longer than 50 ms, while `during` runs. */
async function longTasksDuring<T>(during: () => Promise<T>): Promise<{ value: T; longest: number; count: number }> {
  // From a task of its own: the observer is told of every task that ends after it observes, and the
  // task that set the run up (its database opened, the CRM started) is not the sync's.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  try {
    const value = await during();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { value, longest: Math.max(0, ...tasks), count: tasks.length };
  } finally {
    observer.disconnect();
  }
}

type Phases = { crmMs: number; writeMs: number };
type StatusSample = { atMs: number; records: number; totalEstimate?: number; timeLeftMs?: number };

async function timeSync(
  count: number,
  pageSize: number,
  keep = false,
): Promise<{ ms: number; phases: Phases; samples: StatusSample[]; longestTaskMs: number; longTasks: number; usage?: number; db?: KpiLensDb }> {
  const db = await freshDb();
  const crm = await startCrmWorker(count);
  // Where the sync's time goes: the wait for the CRM's answers (from its worker), the database
  // transaction of each step (records, columns, cursor), and the rest (reading JSON, validating, mapping).
  const phases: Phases = { crmMs: 0, writeMs: 0 };
  const store = dexieSyncStore(db);
  const timedStore = {
    ...store,
    commitStep: async (write: Parameters<typeof store.commitStep>[0]) => {
      const at = performance.now();
      try {
        return await store.commitStep(write);
      } finally {
        phases.writeMs += performance.now() - at;
      }
    },
  };
  const job = {
    source: 'bench',
    adapter: sandboxAdapter,
    ctx: {
      fetch: async (input: string, init?: RequestInit) => {
        const at = performance.now();
        try {
          return await crm.fetch(new URL(input, location.href).href, init);
        } finally {
          phases.crmMs += performance.now() - at;
        }
      },
      baseUrl: `${location.origin}/api/v1`,
      auth: { kind: 'session' as const },
      source: 'bench',
      timeZone: 'UTC',
      pageSize,
    },
    store: timedStore,
    env: { now: () => Date.now(), random: Math.random },
  };
  const samples: StatusSample[] = [];
  const started = performance.now();
  // What a page polling the status sees (the options and the sidebar ask every second).
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (!sampling) break;
      const status = await storedSourceStatus(db, 'bench');
      if (status.progress)
        samples.push({
          atMs: Math.round(performance.now() - started),
          records: status.progress.objectRecords ?? status.progress.records,
          totalEstimate: status.progress.totalEstimate,
          timeLeftMs: status.progress.timeLeftMs,
        });
    }
  })();
  // The sync's time ends when it does: the wait after it, for the long-task observer's last entries, is not the sync's.
  let ended = started;
  const {
    value: result,
    longest,
    count: longTasks,
  } = await longTasksDuring(async () => {
    try {
      const value = await runSync(job, { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
      ended = performance.now();
      return value;
    } finally {
      sampling = false;
      crm.stop();
    }
  });
  const ms = ended - started;
  await sampler;
  if (result.status !== 'done' || (await countAll(db, 'activity')) !== count) throw new Error(`sync did not complete: ${JSON.stringify(result)}`);
  if (keep) return { ms, phases, samples, longestTaskMs: longest, longTasks, db };
  db.close();
  await db.delete();
  return { ms, phases, samples, longestTaskMs: longest, longTasks };
}

/** The time of the plain bulkPuts alone: each chunk is made before its write, as the CRM makes the sync's records outside the page. */
async function timeBulkPut(count: number, pageSize: number): Promise<number> {
  const db = await freshDb();
  let ms = 0;
  for (let i = 0; i < count; i += pageSize) {
    const chunk = benchActivities(i, Math.min(count, i + pageSize));
    const started = performance.now();
    await db.activities.bulkPut(chunk);
    ms += performance.now() - started;
  }
  db.close();
  await db.delete();
  return ms;
}

/** Bytes the origin's storage grew by per activity, written as `write` writes them. */
async function bytesPerActivity(records: Activity[], write: (db: KpiLensDb) => Promise<void>): Promise<number | null> {
  if (!navigator.storage?.estimate) return null;
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const db = await freshDb();
  await write(db);
  const after = (await navigator.storage.estimate()).usage ?? 0;
  db.close();
  await db.delete();
  return Math.round((after - before) / records.length);
}

Object.assign(globalThis, {
  benchSync: async (count: number, pageSize: number, runs: number) => {
    const sync: number[] = [];
    const phases: Phases[] = [];
    const bulk: number[] = [];
    let samples: StatusSample[] = [];
    let longestTaskMs = 0;
    let longTasks = 0;
    await timeBulkPut(pageSize, pageSize); // warm-up
    for (let run = 0; run < runs; run++) {
      // Alternate the order so neither write always runs on a warmer database.
      const syncRun = async () => {
        const timed = await timeSync(count, pageSize);
        sync.push(timed.ms);
        phases.push(timed.phases);
        samples = timed.samples;
        longestTaskMs = Math.max(longestTaskMs, timed.longestTaskMs);
        longTasks += timed.longTasks;
      };
      if (run % 2 === 0) {
        await syncRun();
        bulk.push(await timeBulkPut(count, pageSize));
      } else {
        bulk.push(await timeBulkPut(count, pageSize));
        await syncRun();
      }
    }
    // Storage: a sample of the records through the real write path (records and columns, page by page), and the records alone.
    const sample = benchActivities(0, Math.min(count, 100_000));
    const stored = await bytesPerActivity(sample, async (db) => {
      const store = dexieSyncStore(db);
      for (let i = 0; i < sample.length; i += pageSize) {
        await store.commitStep({
          state: {
            key: 'bench/activities',
            source: 'bench',
            object: 'activities',
            cursor: String(i),
            runSince: null,
            highWater: null,
            phase: 'running',
            recordsThisRun: i,
            rejectsThisRun: 0,
            runStartedAt: 0,
            attempts: 0,
            updatedAt: 0,
          },
          batch: { activity: sample.slice(i, i + pageSize) },
          quarantine: [],
        });
      }
    });
    const recordsOnly = await bytesPerActivity(sample, async (db) => {
      for (let i = 0; i < sample.length; i += pageSize) await db.activities.bulkPut(sample.slice(i, i + pageSize));
    });
    return { sync, phases, bulk, bytesPerActivity: stored, recordBytesPerActivity: recordsOnly, samples, longestTaskMs, longTasks };
  },
});
