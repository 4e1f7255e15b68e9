import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KpiLensDb, deleteSource, upsertRecords, SCHEMA_VERSIONS } from '@/lib/db';
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
