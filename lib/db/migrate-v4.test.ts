import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMN_TYPES, type ColumnType } from '../columns/spec';
import type { Activity, CanonicalRecord, Deal, Lead } from '../model';
import { activity, activityArb, byId, dealArb, expectAgreement, leadArb, slotOfId, SOURCE, withLink, testDatabases } from './column-test-support';
import { readMeta } from './columns';
import { countAll, recordTable, upsertRecords } from './records';
import { SCHEMA_VERSIONS } from './schema';
import { readRecordsById, readWholeSource } from './whole-records';

const open = testDatabases();
let counter = 0;

const uniqueIds = <T extends { externalId: string }>(list: T[]) => [...new Map(list.map((record) => [record.externalId, record])).values()];

/**
 * A database as schema v3 left it: the chunks (v3 kept an activity's title in them only for meetings),
 * a slim row per record in its record table (key, slot, and the fields the chunks did not keep), no
 * slot index, and column metas without a stamp.
 */
async function v3Database(name: string, batch: { activity: Activity[]; deal: Deal[]; lead: Lead[] }): Promise<void> {
  const db = open(name, SCHEMA_VERSIONS.slice(0, 3));
  const inChunks = batch.activity.map(({ title, ...rest }) => (rest.type === 'meeting' && title !== undefined ? { ...rest, title } : rest));
  await upsertRecords(db, { ...batch, activity: inChunks });
  for (const type of COLUMN_TYPES) {
    const rows: Record<string, unknown>[] = [];
    for (const record of batch[type]) {
      const row: Record<string, unknown> = { source: SOURCE, externalId: record.externalId, slot: await slotOfId(db, SOURCE, type, record.externalId) };
      if (type === 'activity' && (record as Activity).type !== 'meeting' && (record as Activity).title !== undefined) row.title = (record as Activity).title;
      rows.push(row);
    }
    await recordTable(db, type).bulkPut(rows as unknown as CanonicalRecord[]);
    await db.columns.where(':id').between([SOURCE, type, 'ids', -Infinity], [SOURCE, type, 'ids', Infinity]).delete();
    const meta = await readMeta(db, SOURCE, type);
    if (meta) {
      delete meta.stamp;
      await db.columnMeta.put(meta);
    }
  }
  db.close();
}

describe('the schema v4 upgrade (records leave their tables for the column store)', () => {
  it('keeps every record whole, titles of calls and emails included, and leaves no row in the record tables (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(withLink(activityArb), { maxLength: 12 }),
        fc.array(withLink(dealArb), { maxLength: 6 }),
        fc.array(withLink(leadArb), { maxLength: 6 }),
        async (activities, deals, leads) => {
          const batch = { activity: uniqueIds(activities), deal: uniqueIds(deals), lead: uniqueIds(leads) };
          const name = `v4-upgrade-${++counter}`;
          await v3Database(name, batch);
          const db = open(name);
          await db.open();
          for (const type of COLUMN_TYPES) {
            const whole = await db.transaction('r', [recordTable(db, type), db.columns, db.columnMeta], async () => readWholeSource(db, SOURCE, type));
            expect(whole, type).toEqual([...(batch[type] as CanonicalRecord[])].sort(byId));
            expect(await recordTable(db, type).count(), `${type}: no row left`).toBe(0);
            expect(await countAll(db, type)).toBe(batch[type].length);
          }
          await expectAgreement(db, SOURCE);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lets a sync go on after the upgrade: an update keeps its slot, a new record takes the next one', async () => {
    const name = `v4-upgrade-${++counter}`;
    const before = [
      activity('a1', { title: 'Call Anna' }),
      activity('a2', { type: 'meeting', title: 'Demo' }),
      activity('a3', { type: 'email', title: 'Hello' }),
    ];
    await v3Database(name, { activity: before, deal: [], lead: [] });
    const db = open(name);
    await upsertRecords(db, { activity: [activity('a2', { type: 'meeting', title: 'Demo, moved' }), activity('a4', { title: 'New' })] });
    const slots = await Promise.all(['a1', 'a2', 'a3', 'a4'].map((id) => slotOfId(db, SOURCE, 'activity' as ColumnType, id)));
    expect(slots).toEqual([0, 1, 2, 3]);
    const read = await readRecordsById(db, SOURCE, 'activity', ['a1', 'a2', 'a4', 'missing']);
    expect(read.map((record) => record?.title)).toEqual(['Call Anna', 'Demo, moved', 'New', undefined]);
    await expectAgreement(db, SOURCE);
  });
});
