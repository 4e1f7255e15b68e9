import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COLUMN_TYPES, type ColumnType } from '../columns/spec';
import { columnTableOf } from '../columns/table';
import type { Activity, CanonicalRecord, Deal, Lead } from '../model';
import { activity, activityArb, byId, deal, dealArb, expectAgreement, ids, lead, leadArb, slotOfId, SOURCE, T0, withLink } from './column-test-support';
import { buildColumnsStep, pendingBuilds, readMeta } from './columns';
import { KpiLensDb } from './db';
import { loadKpiData } from './load';
import { countAll, deleteRecord, deleteSource, putBatch, recordTable, tablesOf, upsertRecords } from './records';
import { readWholeSource } from './whole-records';
import { SCHEMA_VERSIONS } from './schema';

const opened: KpiLensDb[] = [];
let counter = 0;
function open(name = `columns-test-${++counter}`, versions = SCHEMA_VERSIONS) {
  const db = new KpiLensDb(name, versions);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

type Op = { kind: 'put'; activity: Activity[]; deal: Deal[]; lead: Lead[] } | { kind: 'delete'; type: ColumnType; ids: string[] };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('put' as const),
      activity: fc.array(withLink(activityArb), { maxLength: 6 }),
      deal: fc.array(withLink(dealArb), { maxLength: 4 }),
      lead: fc.array(withLink(leadArb), { maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), type: fc.constantFrom(...COLUMN_TYPES), ids: fc.array(ids, { maxLength: 4 }) }) },
);

async function apply(db: KpiLensDb, op: Op) {
  if (op.kind === 'put') {
    await upsertRecords(db, { activity: op.activity, deal: op.deal, lead: op.lead });
    return;
  }
  for (const id of op.ids) await deleteRecord(db, SOURCE, op.type, id);
}

describe('the column store', () => {
  it('agrees with the records after any sequence of upserts and deletions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = open();
        // What a plain store of whole records would hold: the slim records made whole must be exactly this.
        const model = new Map<ColumnType, Map<string, CanonicalRecord>>(COLUMN_TYPES.map((type) => [type, new Map()]));
        for (const op of ops) {
          await apply(db, op);
          if (op.kind === 'put') for (const type of COLUMN_TYPES) for (const record of op[type]) model.get(type)!.set(record.externalId, record);
          else for (const id of op.ids) model.get(op.type)!.delete(id);
          await expectAgreement(db, SOURCE);
          for (const type of COLUMN_TYPES) {
            const whole = await db.transaction('r', [recordTable(db, type), db.columns, db.columnMeta], async () => readWholeSource(db, SOURCE, type));
            expect(whole.sort(byId), type).toEqual([...model.get(type)!.values()].sort(byId));
          }
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a record in its slot across updates, and a deleted slot dead (no record takes it)', async () => {
    const db = open();
    await upsertRecords(db, { activity: [activity('a1'), activity('a2'), activity('a3')] });
    const slotOf = (id: string) => slotOfId(db, SOURCE, 'activity', id);
    expect([await slotOf('a1'), await slotOf('a2'), await slotOf('a3')]).toEqual([0, 1, 2]);
    await upsertRecords(db, { activity: [activity('a2', { type: 'meeting', title: 'Demo' })] });
    expect(await slotOf('a2')).toBe(1);
    await deleteRecord(db, SOURCE, 'activity', 'a1');
    await upsertRecords(db, { activity: [activity('a4')] });
    expect(await slotOf('a4')).toBe(3);
    expect(await readMeta(db, SOURCE, 'activity')).toMatchObject({ slots: 4, alive: 3, state: 'ready' });
    await expectAgreement(db, SOURCE);
    // Records read back carry no slot (it is the column store's, not the model's), and are whole again.
    const whole = await db.transaction('r', [db.activities, db.columns, db.columnMeta], async () => readWholeSource(db, SOURCE, 'activity'));
    expect(whole.every((record) => !('slot' in record))).toBe(true);
    expect(whole.find((record) => record.externalId === 'a2')).toEqual(activity('a2', { type: 'meeting', title: 'Demo' }));
  });

  it('finds the slots of stored records whether the ids a step asks for are neighbours or spread among many others', async () => {
    const db = open();
    const many = Array.from({ length: 40 }, (_, i) => `a${String(i).padStart(2, '0')}`); // a00 … a39: slots 0 … 39
    await upsertRecords(db, { activity: many.map((id) => activity(id)) });
    const slotOf = (id: string) => slotOfId(db, SOURCE, 'activity', id);
    // Neighbours (a range of 2 stored keys for 2 asked: read as one range), then ids spread over all 40
    // stored keys (more than 4 × 3 in their range: looked up one by one) with a new one among them.
    await upsertRecords(db, { activity: [activity('a10', { ownerId: 'u9' }), activity('a11', { ownerId: 'u9' })] });
    await upsertRecords(db, { activity: [activity('a00', { ownerId: 'u8' }), activity('a39', { ownerId: 'u8' }), activity('a2x')] });
    expect([await slotOf('a00'), await slotOf('a10'), await slotOf('a11'), await slotOf('a39'), await slotOf('a2x')]).toEqual([0, 10, 11, 39, 40]);
    expect(await readMeta(db, SOURCE, 'activity')).toMatchObject({ slots: 41, alive: 41 });
    await expectAgreement(db, SOURCE);
  });

  it('writes nothing of a step that fails: records and columns stay as they were (a killed step)', async () => {
    const db = open();
    await upsertRecords(db, { activity: [activity('a1')], deal: [deal('d1')] });
    const before = await db.columns.toArray();
    await expect(
      db.transaction('rw', tablesOf(db, ['activity', 'deal']), async () => {
        await putBatch(db, { activity: [activity('a2'), activity('a1', { ownerId: 'u9' })], deal: [deal('d2', { status: 'won', closedAt: T0 })] });
        throw new Error('the worker was stopped here');
      }),
    ).rejects.toThrow('stopped');
    expect(await db.columns.toArray()).toEqual(before);
    expect(await countAll(db, 'activity')).toBe(1);
    await expectAgreement(db, SOURCE);
  });

  it('forgets a deleted source whole, and other sources keep theirs', async () => {
    const db = open();
    await upsertRecords(db, { activity: [activity('a1'), { ...activity('a1'), source: 'other' }], lead: [lead('l1')] });
    await deleteSource(db, SOURCE);
    expect(
      await db.columns
        .where(':id')
        .between([SOURCE], [SOURCE, [[]]])
        .count(),
    ).toBe(0);
    expect(await readMeta(db, SOURCE, 'activity')).toBeUndefined();
    expect(await readMeta(db, 'other', 'activity')).toMatchObject({ alive: 1 });
    await expectAgreement(db, 'other');
  });

  it('builds the columns of a version 2 database after the upgrade, resumably, while writes go on', async () => {
    const name = `columns-upgrade-${++counter}`;
    const v2 = open(name, SCHEMA_VERSIONS.slice(0, 2));
    const activities = Array.from({ length: 25 }, (_, i) =>
      activity(`a${String(i).padStart(2, '0')}`, { occurredAt: T0 - i * 60_000, type: i % 3 === 0 ? 'meeting' : 'call', title: `T${i}` }),
    );
    await v2.activities.bulkPut(activities);
    await v2.deals.bulkPut([
      deal('d1', { status: 'won', closedAt: T0, lineItems: [{ name: 'Seat', quantity: 2, unitPrice: { minor: 100, currency: 'USD' } }] }),
    ]);
    v2.close();

    const db = open(name);
    await db.open();
    expect((await pendingBuilds(db)).map((build) => build.type).sort()).toEqual(['activity', 'deal']);
    // Until built, the records are read as they are.
    const before = await loadKpiData(db, SOURCE);
    expect(columnTableOf(before.activities)).toBeUndefined();
    expect(before.activities).toHaveLength(25);

    const first = await buildColumnsStep(db, SOURCE, 'activity', 10);
    expect(first).toMatchObject({ done: false, built: 10, total: 25 });
    // Writes meanwhile: one behind the cursor (kept in the columns now), one ahead (the builder's), a deletion of each.
    await upsertRecords(db, { activity: [activity('a03', { ownerId: 'u7' }), activity('a20', { ownerId: 'u8' }), activity('zz-new')] });
    await deleteRecord(db, SOURCE, 'activity', 'a01');
    await deleteRecord(db, SOURCE, 'activity', 'a21');
    let step = first;
    while (!step.done) step = await buildColumnsStep(db, SOURCE, 'activity', 10);
    expect(step.built).toBe(10 + 15); // 24 stored after the deletions + 'zz-new', minus a01 that the first step had done
    await buildColumnsStep(db, SOURCE, 'deal');
    expect(await pendingBuilds(db)).toEqual([]);
    await expectAgreement(db, SOURCE);
    const after = await loadKpiData(db, SOURCE);
    await columnTableOf(after.activities)!.loadCold('cold', 'all');
    expect(
      after.activities
        .map((a) => a.ownerId)
        .filter((owner) => owner !== 'u1')
        .sort(),
    ).toEqual(['u7', 'u8']);
  });

  it('opens no record index it does not need: a source is its key range', async () => {
    const db = open();
    await db.open();
    const names = (table: string) => db.table(table).schema.indexes.map((index) => index.name);
    expect(names('activities')).toEqual([]);
    expect(names('deals')).toEqual([]);
    expect(names('leads')).toEqual([]);
    expect(Dexie.maxKey).toBeDefined();
  });
});
