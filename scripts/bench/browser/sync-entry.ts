/**
 * Runs in headless Chromium (bundled by scripts/bench/browser-page.ts): the real sync engine writing
 * activities from the sandbox API into IndexedDB (records and the column store, one transaction per
 * page with the cursor), against a plain Dexie bulkPut of the same records in the same page-sized
 * chunks into the same (index-free) table. Also: the status a page would show meanwhile (records of
 * the CRM's total, time left), the longest task of this page during the sync, and bytes stored.
 */
import { sandboxAdapter } from '@/lib/adapters';
import { countAll, KpiLensDb, SCHEMA_VERSIONS, storedSourceStatus } from '@/lib/db';
import type { Activity } from '@/lib/model';
import { dexieSyncStore, runSync } from '@/lib/sync';
import { createSandboxApi } from '../../../test/sandbox-crm/api';

function activities(count: number): Activity[] {
  const types = ['call', 'email', 'meeting'] as const;
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => ({
    source: 'bench',
    externalId: `a${i}`,
    updatedAt: start + i,
    ownerId: `u${i % 50}`,
    type: types[i % 3]!,
    direction: i % 4 === 0 ? 'inbound' : 'outbound',
    title: `Follow-up ${i}`,
    url: `https://crm.example.test/activities/a${i}`,
    occurredAt: start + i * 60_000,
    createdAt: start + i * 60_000 - 3_600_000,
    done: true,
    dealId: `d${i % 100_000}`,
    durationSec: i % 600,
  }));
}

let dbCounter = 0;
async function freshDb(): Promise<KpiLensDb> {
  const db = new KpiLensDb(`bench-${Date.now()}-${dbCounter++}`, SCHEMA_VERSIONS);
  await db.open();
  return db;
}

/** Tasks of this page longer than 50 ms, while `during` runs. */
async function longTasksDuring<T>(during: () => Promise<T>): Promise<{ value: T; longest: number; count: number }> {
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
  records: Activity[],
  pageSize: number,
  keep = false,
): Promise<{ ms: number; phases: Phases; samples: StatusSample[]; longestTaskMs: number; longTasks: number; usage?: number; db?: KpiLensDb }> {
  const db = await freshDb();
  const api = createSandboxApi({ activity: records, currentOwnerId: 'u0', currentOwnerName: 'Rep' });
  // Where the sync's time goes: the CRM answering (the sandbox API runs in this page), the database
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
          return await api(new Request(new URL(input, location.href), init));
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
    count,
  } = await longTasksDuring(async () => {
    const value = await runSync(job, { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
    ended = performance.now();
    return value;
  });
  const ms = ended - started;
  sampling = false;
  await sampler;
  if (result.status !== 'done' || (await countAll(db, 'activity')) !== records.length) throw new Error(`sync did not complete: ${JSON.stringify(result)}`);
  if (keep) return { ms, phases, samples, longestTaskMs: longest, longTasks: count, db };
  db.close();
  await db.delete();
  return { ms, phases, samples, longestTaskMs: longest, longTasks: count };
}

async function timeBulkPut(records: Activity[], pageSize: number): Promise<number> {
  const db = await freshDb();
  const started = performance.now();
  for (let i = 0; i < records.length; i += pageSize) await db.activities.bulkPut(records.slice(i, i + pageSize));
  const ms = performance.now() - started;
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
    const records = activities(count);
    const sync: number[] = [];
    const phases: Phases[] = [];
    const bulk: number[] = [];
    let samples: StatusSample[] = [];
    let longestTaskMs = 0;
    let longTasks = 0;
    await timeBulkPut(records.slice(0, pageSize), pageSize); // warm-up
    for (let run = 0; run < runs; run++) {
      // Alternate the order so neither write always runs on a warmer database.
      const syncRun = async () => {
        const timed = await timeSync(records, pageSize);
        sync.push(timed.ms);
        phases.push(timed.phases);
        samples = timed.samples;
        longestTaskMs = Math.max(longestTaskMs, timed.longestTaskMs);
        longTasks += timed.longTasks;
      };
      if (run % 2 === 0) {
        await syncRun();
        bulk.push(await timeBulkPut(records, pageSize));
      } else {
        bulk.push(await timeBulkPut(records, pageSize));
        await syncRun();
      }
    }
    // Storage: a sample of the records through the real write path (records and columns, page by page), and the records alone.
    const sample = records.slice(0, Math.min(records.length, 100_000));
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
