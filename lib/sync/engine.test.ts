import 'fake-indexeddb/auto';
import { countAll } from '../db/records';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiLensDb } from '../db/db';
import { SCHEMA_VERSIONS } from '../db/schema';
import { readRecordsById } from '../db/whole-records';
import { dexieSyncStore } from './dexie-store';
import { runSyncStep, SINCE_OVERLAP_MS, startRun } from './engine';
import { runSync } from './runner';
import type { SyncStepWrite, SyncStore } from './store';
import { fakeClock, sandboxJob, smallDataset, stepsBefore } from './test-support';

let dbCount = 0;
const opened: KpiLensDb[] = [];
function freshDbName() {
  dbCount += 1;
  return `sync-test-${dbCount}`;
}
function open(name: string) {
  const db = new KpiLensDb(name, SCHEMA_VERSIONS);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

async function storedCounts(db: KpiLensDb) {
  return { owners: await db.owners.count(), deals: await countAll(db, 'deal'), activities: await countAll(db, 'activity') };
}

describe('sync engine over IndexedDB', () => {
  it('syncs every object to the end, one page per step', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const job = sandboxJob(smallDataset(), dexieSyncStore(db), clock.env);
    const result = await runSync(job, { sleep: clock.sleep });
    // 3 owners + 50 deals + 200 activities = 253 records.
    expect(result).toEqual({ status: 'done', records: 253, rejected: 0 });
    expect(await storedCounts(db)).toEqual({ owners: 3, deals: 50, activities: 200 });
    const states = await db.syncState.toArray();
    expect(states.every((state) => state.phase === 'done' && state.cursor === null)).toBe(true);
  });

  it('resumes from the stored cursor after a crash and ends with the same records, no duplicates', async () => {
    const name = freshDbName();
    const dataset = smallDataset();
    const clock = fakeClock();
    // First life: everything before activities, then 3 pages of 20 activities; then the browser dies.
    const first = open(name);
    await runSync(sandboxJob(dataset, dexieSyncStore(first), clock.env), { sleep: clock.sleep, maxSteps: stepsBefore(dataset, 'activities', 3) });
    const mid = await storedCounts(first);
    const activitiesState = await first.syncState.get('sandbox:test/activities');
    first.close();
    // Nothing committed is lost and the cursor matches what is stored: 3 pages of 20 activities.
    expect(activitiesState?.cursor).toBe('60');
    expect(mid.activities).toBe(60);

    const second = open(name);
    const result = await runSync(sandboxJob(dataset, dexieSyncStore(second), clock.env), { sleep: clock.sleep });
    expect(result.status).toBe('done');
    expect(await storedCounts(second)).toEqual({ owners: 3, deals: 50, activities: 200 });
  });

  it('loses only the step in flight when the commit never happens', async () => {
    const name = freshDbName();
    const dataset = smallDataset();
    const clock = fakeClock();
    const db = open(name);
    const real = dexieSyncStore(db);
    let commits = 0;
    // The worker is killed while deals page 2 is between fetch and commit.
    const fatalCommit = stepsBefore(dataset, 'deals', 2);
    const dying: SyncStore = {
      ...real,
      commitStep: async (write: SyncStepWrite) => {
        commits += 1;
        if (commits === fatalCommit) throw new Error('worker killed');
        await real.commitStep(write);
      },
    };
    const job = sandboxJob(dataset, dying, clock.env);
    await startRun(job);
    for (let i = 1; i < fatalCommit; i++) await runSyncStep(job);
    await expect(runSyncStep(job)).rejects.toThrow('worker killed');
    // owners (3) + deals page 1 (20) are in; the failed deals page 2 is not there half-written.
    expect(await storedCounts(db)).toEqual({ owners: 3, deals: 20, activities: 0 });
    expect((await db.syncState.get('sandbox:test/deals'))?.cursor).toBe('20');
    const result = await runSync(sandboxJob(dataset, real, clock.env), { sleep: clock.sleep });
    expect(result.status).toBe('done');
    expect(await storedCounts(db)).toEqual({ owners: 3, deals: 50, activities: 200 });
  });

  it('waits out a 429 for the Retry-After the CRM sent, then goes on', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const job = sandboxJob(smallDataset(), dexieSyncStore(db), clock.env, { rateLimitEvery: 5, retryAfterSeconds: 7 });
    const result = await runSync(job, { sleep: clock.sleep });
    expect(result.status).toBe('done');
    expect(clock.slept.filter((ms) => ms === 7000).length).toBeGreaterThanOrEqual(2);
    expect(await storedCounts(db)).toEqual({ owners: 3, deals: 50, activities: 200 });
  });

  it('quarantines a page of garbage with the reason, retries and completes', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const job = sandboxJob(smallDataset(), dexieSyncStore(db), clock.env, { garbageOnce: 'deals' });
    const result = await runSync(job, { sleep: clock.sleep });
    expect(result.status).toBe('done');
    const quarantine = await db.quarantine.toArray();
    expect(quarantine).toHaveLength(1);
    expect(quarantine[0]!.reason).toContain('not JSON');
    expect(await countAll(db, 'deal')).toBe(50);
  });

  it('stops on an expired session with what to do, keeps its place, and resumes once signed in', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const dataset = smallDataset();
    const expired = await runSync(sandboxJob(dataset, dexieSyncStore(db), clock.env, { expiredSession: true }), { sleep: clock.sleep });
    expect(expired.status).toBe('stopped');
    if (expired.status === 'stopped') {
      expect(expired.problem.kind).toBe('auth');
      expect(expired.problem.userAction).toMatch(/Sign in/);
    }
    const resumed = await runSync(sandboxJob(dataset, dexieSyncStore(db), clock.env), { sleep: clock.sleep });
    expect(resumed.status).toBe('done');
    expect(await storedCounts(db)).toEqual({ owners: 3, deals: 50, activities: 200 });
  });

  it('puts a malformed record in quarantine, keeps the rest, and clears it when it arrives valid', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const dataset = smallDataset();
    const broken = { ...dataset, deal: dataset.deal!.map((deal, i) => (i === 7 ? { ...deal, amount: { minor: 1.5, currency: 'USD' } } : deal)) };
    await runSync(sandboxJob(broken, dexieSyncStore(db), clock.env), { sleep: clock.sleep });
    expect(await countAll(db, 'deal')).toBe(49);
    const [entry] = await db.quarantine.toArray();
    expect(entry).toMatchObject({ recordType: 'deal', externalId: 'd7' });
    expect(entry!.reason).toContain('amount.minor');
    expect(JSON.parse(entry!.rawJson)).toMatchObject({ externalId: 'd7' });

    clock.advance(SINCE_OVERLAP_MS * 2);
    const fixed = { ...dataset, deal: dataset.deal!.map((deal, i) => (i === 7 ? { ...deal, updatedAt: clock.env.now() } : deal)) };
    await runSync(sandboxJob(fixed, dexieSyncStore(db), clock.env), { sleep: clock.sleep });
    expect(await countAll(db, 'deal')).toBe(50);
    expect(await db.quarantine.count()).toBe(0);
  });

  it('runs incrementally from a margin before the previous run and updates in place', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const dataset = smallDataset();
    const startedAt = clock.env.now();
    await runSync(sandboxJob(dataset, dexieSyncStore(db), clock.env), { sleep: clock.sleep });
    const state = await db.syncState.get('sandbox:test/deals');
    expect(state?.highWater).toBe(startedAt - SINCE_OVERLAP_MS);

    clock.advance(3_600_000);
    const changedAt = clock.env.now();
    const renamed = { ...dataset, deal: dataset.deal!.map((deal, i) => (i === 3 ? { ...deal, title: 'Renamed', updatedAt: changedAt } : deal)) };
    const job = sandboxJob(renamed, dexieSyncStore(db), clock.env);
    const requested: string[] = [];
    const realFetch = job.ctx.fetch;
    job.ctx.fetch = (input, init) => {
      requested.push(String(input));
      return realFetch(input, init);
    };
    const result = await runSync(job, { sleep: clock.sleep });
    // Only the renamed deal was updated after the first run began: 1 record fetched in all.
    expect(result).toEqual({ status: 'done', records: 1, rejected: 0 });
    expect(requested.every((url) => url.includes(`updated_since=${startedAt - SINCE_OVERLAP_MS}`))).toBe(true);
    expect(await countAll(db, 'deal')).toBe(50);
    expect((await readRecordsById(db, 'sandbox:test', 'deal', ['d3']))[0]?.title).toBe('Renamed');
  });
});

describe('a full disk', () => {
  it('stops cleanly with what to do, and the database stays readable', async () => {
    const db = open(freshDbName());
    const clock = fakeClock();
    const real = dexieSyncStore(db);
    let commits = 0;
    // The disk fills up while deals page 2 is being written.
    const fullAt = stepsBefore(smallDataset(), 'deals', 2);
    const full: SyncStore = {
      ...real,
      commitStep: async (write) => {
        commits += 1;
        if (commits >= fullAt) {
          const error = new Error('The quota has been exceeded.');
          error.name = 'QuotaExceededError';
          throw Object.assign(new Error('AbortError'), { name: 'AbortError', inner: error });
        }
        await real.commitStep(write);
      },
    };
    const result = await runSync(sandboxJob(smallDataset(), full, clock.env), { sleep: clock.sleep });
    expect(result).toMatchObject({ status: 'stopped', problem: { kind: 'storage-full' } });
    if (result.status === 'stopped') expect(result.problem.userAction).toMatch(/Free disk space/);
    expect(await storedCounts(db)).toEqual({ owners: 3, deals: 20, activities: 0 });
  });
});
