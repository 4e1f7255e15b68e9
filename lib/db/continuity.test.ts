import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KpiLensDb } from './db';
import { SCHEMA_VERSIONS } from './schema';
import {
  checkContinuity,
  type Continuity,
  DATABASE_DISCARDED_KEY,
  DATABASE_MARK_KEY,
  forgetDatabaseMark,
  readDiscardedNotice,
  watchContinuity,
} from './continuity';

const area = fakeBrowser.storage.local;
const opened: KpiLensDb[] = [];
let counter = 0;
let name = '';
beforeEach(() => {
  fakeBrowser.reset();
  name = `continuity-${++counter}`;
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A worker start: a new handle on the database, watched, and the outcome of its first open. */
async function start(at: number): Promise<{ db: KpiLensDb; outcome: Continuity }> {
  const db = new KpiLensDb(name, SCHEMA_VERSIONS);
  opened.push(db);
  const checked = new Promise<Continuity>((resolve) => watchContinuity(db, area, () => at, resolve));
  await db.open();
  return { db, outcome: await checked };
}

const stored = async () => area.get([DATABASE_MARK_KEY, DATABASE_DISCARDED_KEY]);
const entry = { key: 'kept', value: 1 };

describe('the records’ database kept or replaced', () => {
  it('marks a new profile’s database, then finds it kept at every start', async () => {
    expect((await start(1_000)).outcome).toBe('new');
    expect(await stored()).toEqual({ [DATABASE_MARK_KEY]: { createdAt: 1_000 } });
    opened.splice(0).forEach((db) => db.close());
    expect((await start(2_000)).outcome).toBe('kept');
    expect(await stored()).toEqual({ [DATABASE_MARK_KEY]: { createdAt: 1_000 } });
  });

  it('marks a database from before the check without reporting anything', async () => {
    const before = new KpiLensDb(name, SCHEMA_VERSIONS);
    await before.meta.put(entry);
    before.close();
    expect((await start(5_000)).outcome).toBe('kept');
    expect(await stored()).toEqual({ [DATABASE_MARK_KEY]: { createdAt: 5_000 } });
  });

  it('reports a database the browser deleted behind KPI Lens’s back (as Chromium does with damaged files)', async () => {
    const { db } = await start(1_000);
    await db.meta.put(entry);
    db.close();
    // What the browser does: the origin's database is gone, storage.local is not.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    const next = await start(9_000);
    expect(next.outcome).toBe('discarded');
    expect(await next.db.meta.get(entry.key)).toBeUndefined();
    expect(await stored()).toEqual({ [DATABASE_MARK_KEY]: { createdAt: 9_000 }, [DATABASE_DISCARDED_KEY]: { at: 9_000 } });
    expect(readDiscardedNotice((await stored())[DATABASE_DISCARDED_KEY])).toEqual({ at: 9_000 });
    // Reported once: the next start finds the new database kept.
    opened.splice(0).forEach((handle) => handle.close());
    expect((await start(10_000)).outcome).toBe('kept');
  });

  it('reports nothing when KPI Lens deleted the database on the rep’s request (Delete synced data)', async () => {
    const outcomes: Continuity[] = [];
    const db = new KpiLensDb(name, SCHEMA_VERSIONS);
    opened.push(db);
    const first = new Promise<void>((resolve) =>
      watchContinuity(
        db,
        area,
        () => 3_000,
        (outcome) => {
          outcomes.push(outcome);
          resolve();
        },
      ),
    );
    await db.meta.put(entry);
    await first;
    await area.set({ [DATABASE_DISCARDED_KEY]: { at: 1 } });
    // The same handle, as the background's delete-all does it.
    await forgetDatabaseMark(area);
    await db.delete();
    await db.open();
    await expect.poll(() => outcomes).toEqual(['new', 'new']);
    expect(await stored()).toEqual({ [DATABASE_MARK_KEY]: { createdAt: 3_000 } });
  });

  it('without the mark removed first, the same delete and open is reported (the check sees every open)', async () => {
    const outcomes: Continuity[] = [];
    const db = new KpiLensDb(name, SCHEMA_VERSIONS);
    opened.push(db);
    watchContinuity(
      db,
      area,
      () => 4_000,
      (outcome) => outcomes.push(outcome),
    );
    await db.open();
    await expect.poll(() => outcomes).toEqual(['new']);
    await db.delete();
    await db.open();
    await expect.poll(() => outcomes).toEqual(['new', 'discarded']);
  });
});

describe('checkContinuity', () => {
  it.each([
    // [created by this open, mark before] → outcome, mark after, notice
    [false, false, 'kept', true, false],
    [false, true, 'kept', true, false],
    [true, false, 'new', true, false],
    [true, true, 'discarded', true, true],
  ] as const)('created %s, marked %s → %s', async (created, marked, outcome, markAfter, notice) => {
    if (marked) await area.set({ [DATABASE_MARK_KEY]: { createdAt: 1 } });
    expect(await checkContinuity(area, created, 7)).toBe(outcome);
    const after = await stored();
    expect(after[DATABASE_MARK_KEY] !== undefined).toBe(markAfter);
    expect(after[DATABASE_DISCARDED_KEY] !== undefined).toBe(notice);
  });
});

describe('readDiscardedNotice', () => {
  it.each([
    [{ at: 5 }, { at: 5 }],
    [{ at: Number.NaN }, undefined],
    [{ at: '5' }, undefined],
    [null, undefined],
    ['x', undefined],
    [undefined, undefined],
  ])('%j → %j', (value, expected) => {
    expect(readDiscardedNotice(value)).toEqual(expected);
  });
});
