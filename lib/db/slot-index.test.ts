import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { activity, activityArb, ids, SOURCE } from './column-test-support';
import { readMeta } from './columns';
import { KpiLensDb } from './db';
import { deleteRecord, putBatch, tablesOf, upsertRecords } from './records';
import { SCHEMA_VERSIONS } from './schema';
import { forgetSlotIndexes, liveSlots, readIdRows, slotIndex, slotsOf } from './slot-index';

const opened: KpiLensDb[] = [];
let counter = 0;
function open() {
  const db = new KpiLensDb(`slot-index-${++counter}`, SCHEMA_VERSIONS);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  forgetSlotIndexes();
});

/** What the index says of some ids, three ways: the kept map, a scan of the id rows, and the whole map read again. */
async function threeWays(db: KpiLensDb, asked: string[]) {
  return db.transaction('r', [db.columns, db.columnMeta], async () => {
    const meta = await readMeta(db, SOURCE, 'activity');
    const kept = await slotsOf(db.columns, SOURCE, 'activity', meta, asked);
    forgetSlotIndexes();
    const scanned = await slotsOf(db.columns, SOURCE, 'activity', meta, asked);
    const map = await slotIndex(db.columns, SOURCE, 'activity', meta);
    const read = new Map(asked.filter((id) => map.has(id)).map((id) => [id, map.get(id)!]));
    return { kept, scanned, read };
  });
}

describe('the slot index', () => {
  it('finds the same slots from the kept map, a scan and the map read again, after any upserts and deletions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.array(activityArb, { maxLength: 5 }), ids), { maxLength: 8 }),
        fc.array(ids, { maxLength: 6 }),
        async (ops, asked) => {
          const db = open();
          for (const op of ops) {
            if (typeof op === 'string') await deleteRecord(db, SOURCE, 'activity', op);
            else await upsertRecords(db, { activity: op });
          }
          const { kept, scanned, read } = await threeWays(db, asked);
          expect(scanned).toEqual(read);
          expect(kept).toEqual(read);
          // Each live id once, in a slot below the meta's next one.
          const live = liveSlots(await readIdRows(db.columns, SOURCE, 'activity'));
          expect(new Set(live.map(([, id]) => id)).size).toBe(live.length);
          const meta = await readMeta(db, SOURCE, 'activity');
          expect(live.every(([slot]) => slot < (meta?.slots ?? 0))).toBe(true);
          expect(live.length).toBe(meta?.alive ?? 0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is not fooled by a write that failed: the kept map of the aborted write is read again', async () => {
    const db = open();
    await upsertRecords(db, { activity: [activity('a1'), activity('a2')] });
    await expect(
      db.transaction('rw', tablesOf(db, ['activity']), async () => {
        await putBatch(db, { activity: [activity('a3')] });
        throw new Error('killed mid-step');
      }),
    ).rejects.toThrow('killed mid-step');
    const { kept, scanned } = await threeWays(db, ['a1', 'a2', 'a3']);
    expect(scanned).toEqual(
      new Map([
        ['a1', 0],
        ['a2', 1],
      ]),
    );
    expect(kept).toEqual(scanned);
    // The next record takes the slot the failed write had given a3.
    await upsertRecords(db, { activity: [activity('a4')] });
    const after = await threeWays(db, ['a3', 'a4']);
    expect(after.read).toEqual(new Map([['a4', 2]]));
  });
});
