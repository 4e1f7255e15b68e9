import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KpiLensDb, deleteSource, upsertRecords, SCHEMA_VERSIONS, STORAGE_FULL_PROBLEM } from '@/lib/db';
import { createStatusCache } from './status-cache';

let db: KpiLensDb;
let counter = 0;
const deals = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    source: 's',
    externalId: `d${from + i}`,
    updatedAt: 1,
    title: 't',
    ownerId: 'u',
    status: 'open' as const,
    lineItems: [],
  }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000);
  db = new KpiLensDb(`status-cache-${++counter}`, SCHEMA_VERSIONS);
});
afterEach(() => {
  db.close();
  vi.useRealTimers();
});

describe('the status cache', () => {
  it('counts on the first ask, answers a stale count at once and recounts behind it', async () => {
    await upsertRecords(db, { deal: deals(0, 3) });
    const cache = createStatusCache(db);
    expect((await cache.status('s')).records).toBe(3);
    await upsertRecords(db, { deal: deals(3, 2) });
    // Within 10 s: the cached count.
    expect((await cache.status('s')).records).toBe(3);
    // Past 10 s: still the last count (no one waits for a recount)...
    vi.setSystemTime(1_000_000 + 11_000);
    expect((await cache.status('s')).records).toBe(3);
    // ...and the recount started then is what the next ask gets.
    await vi.waitFor(async () => expect((await cache.status('s')).records).toBe(5));
  });

  it('after forget (data deleted or loaded) waits for a fresh count instead of showing the old one', async () => {
    await upsertRecords(db, { deal: deals(0, 4) });
    const cache = createStatusCache(db);
    expect((await cache.status('s')).records).toBe(4);
    await deleteSource(db, 's');
    cache.forget('s');
    expect((await cache.status('s')).records).toBe(0);
  });

  it('tells whether a source syncs from the sync states alone, without counting records', async () => {
    await db.syncState.put({
      key: 's/deals',
      source: 's',
      object: 'deals',
      phase: 'running',
      cursor: null,
      runSince: null,
      highWater: null,
      recordsThisRun: 7,
      rejectsThisRun: 0,
      updatedAt: 1,
    } as never);
    const cache = createStatusCache(db);
    const count = vi.spyOn(db.deals, 'where');
    const summary = await cache.syncSummary('s');
    expect(summary.syncing).toBe(true);
    expect(summary.progress?.records).toBe(7);
    expect(count).not.toHaveBeenCalled();
  });
});

/** A sync state of deals in `phase`, seven records into its run. */
const dealsState = (phase: 'running' | 'error', error?: { kind: string; message: string; userAction: string; at: number }) =>
  ({
    key: 's/deals',
    source: 's',
    object: 'deals',
    phase,
    cursor: '20',
    runSince: null,
    highWater: null,
    recordsThisRun: 7,
    rejectsThisRun: 0,
    updatedAt: 1,
    ...(error ? { error } : {}),
  }) as never;

const STOPPED_FULL = { status: 'stopped', problem: { kind: 'storage-full' as const, message: 'm', userAction: 'u' } };

describe('a run that stopped on a full disk without room to record it', () => {
  it('shows not syncing, with the storage problem and what to do, instead of a sync that never ends', async () => {
    await db.syncState.put(dealsState('running'));
    const cache = createStatusCache(db);
    expect(await cache.status('s')).toMatchObject({ syncing: true, progress: { records: 7 } });
    await cache.runFinished('s', STOPPED_FULL);
    const status = await cache.status('s');
    expect(status).toMatchObject({ syncing: false, problem: { message: STORAGE_FULL_PROBLEM.message, userAction: STORAGE_FULL_PROBLEM.userAction } });
    expect(status.progress).toBeUndefined();
    expect(await cache.syncSummary('s')).toMatchObject({ syncing: false, problem: { message: STORAGE_FULL_PROBLEM.message } });
    expect(await cache.stoppedOnFullDisk('s')).toBe(true);
    // A restarted worker still knows (storage.session).
    expect(await createStatusCache(db).status('s')).toMatchObject({ syncing: false, problem: { message: STORAGE_FULL_PROBLEM.message } });
  });

  it('shows the run again once a new one starts', async () => {
    await db.syncState.put(dealsState('running'));
    const cache = createStatusCache(db);
    await cache.runFinished('s', STOPPED_FULL);
    cache.runStarted('s');
    expect(await cache.status('s')).toMatchObject({ syncing: true, problem: undefined });
    expect(await cache.stoppedOnFullDisk('s')).toBe(false);
  });

  it('keeps the problem the sync state recorded when that write did fit', async () => {
    const recorded = { kind: 'storage-full', message: 'recorded message', userAction: 'recorded action', at: 5 };
    await db.syncState.put(dealsState('error', recorded));
    const cache = createStatusCache(db);
    await cache.runFinished('s', STOPPED_FULL);
    expect(await cache.status('s')).toMatchObject({ syncing: false, problem: { message: 'recorded message', userAction: 'recorded action' } });
  });

  it.each([
    ['done', { status: 'done' }],
    ['stopped on the CRM', { status: 'stopped', problem: { kind: 'auth' as const, message: 'm', userAction: 'u' } }],
    ['waiting for a rate limit', { status: 'waiting' }],
  ])('is not noted for a run that ended %s', async (_case, result) => {
    await db.syncState.put(dealsState('running'));
    const cache = createStatusCache(db);
    await cache.runFinished('s', result);
    expect(await cache.stoppedOnFullDisk('s')).toBe(false);
    expect((await cache.status('s')).syncing).toBe(true);
  });
});
