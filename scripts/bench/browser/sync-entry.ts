/**
 * Runs in headless Chromium (bundled by scripts/bench/browser-page.ts): the real
 * sync engine writing activities from the sandbox API into IndexedDB, against a
 * plain Dexie bulkPut of the same records in the same page-sized chunks.
 */
import { sandboxAdapter } from '@/lib/adapters';
import { KpiLensDb, SCHEMA_VERSIONS } from '@/lib/db';
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
    ownerId: `u${i % 20}`,
    type: types[i % 3]!,
    direction: i % 4 === 0 ? 'inbound' : 'outbound',
    title: `Follow-up ${i}`,
    occurredAt: start + i * 60_000,
    createdAt: start + i * 60_000 - 3_600_000,
    done: true,
    dealId: `d${i % 2000}`,
    durationSec: i % 600,
  }));
}

let dbCounter = 0;
async function freshDb(): Promise<KpiLensDb> {
  const db = new KpiLensDb(`bench-${Date.now()}-${dbCounter++}`, SCHEMA_VERSIONS);
  await db.open();
  return db;
}

async function timeSync(records: Activity[], pageSize: number): Promise<number> {
  const db = await freshDb();
  const api = createSandboxApi({ activity: records, currentOwnerId: 'u0', currentOwnerName: 'Rep' });
  const job = {
    source: 'bench',
    adapter: sandboxAdapter,
    ctx: {
      fetch: (input: string, init?: RequestInit) => api(new Request(new URL(input, location.href), init)),
      baseUrl: `${location.origin}/api/v1`,
      auth: { kind: 'session' as const },
      source: 'bench',
      timeZone: 'UTC',
      pageSize,
    },
    store: dexieSyncStore(db),
    env: { now: () => Date.now(), random: Math.random },
  };
  const started = performance.now();
  const result = await runSync(job, { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) });
  const ms = performance.now() - started;
  if (result.status !== 'done' || (await db.activities.count()) !== records.length) throw new Error(`sync did not complete: ${JSON.stringify(result)}`);
  db.close();
  await db.delete();
  return ms;
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

async function bytesPerActivity(records: Activity[]): Promise<number | null> {
  if (!navigator.storage?.estimate) return null;
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const db = await freshDb();
  await db.activities.bulkPut(records);
  const after = (await navigator.storage.estimate()).usage ?? 0;
  db.close();
  await db.delete();
  return Math.round((after - before) / records.length);
}

Object.assign(globalThis, {
  benchSync: async (count: number, pageSize: number, runs: number) => {
    const records = activities(count);
    const sync: number[] = [];
    const bulk: number[] = [];
    await timeBulkPut(records.slice(0, pageSize), pageSize); // warm-up
    for (let run = 0; run < runs; run++) {
      // Alternate the order so neither write always runs on a warmer database.
      if (run % 2 === 0) {
        sync.push(await timeSync(records, pageSize));
        bulk.push(await timeBulkPut(records, pageSize));
      } else {
        bulk.push(await timeBulkPut(records, pageSize));
        sync.push(await timeSync(records, pageSize));
      }
    }
    return { sync, bulk, bytesPerActivity: await bytesPerActivity(records) };
  },
});
