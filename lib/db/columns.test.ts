import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COLUMN_TYPES, keptOf, type ColumnRecord, type ColumnType } from '../columns/spec';
import { columnTableOf } from '../columns/table';
import type { Activity, Deal, Lead } from '../model';
import { buildColumnsStep, pendingBuilds, readMeta } from './columns';
import { KpiLensDb } from './db';
import { loadKpiData } from './load';
import { deleteRecord, deleteSource, putBatch, readSource, recordTable, tablesOf, upsertRecords } from './records';
import { RECORD_TABLES, SCHEMA_VERSIONS } from './schema';

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

/**
 * The column store and the records agree: for each big type, the records made from the columns are
 * exactly what the column store keeps of the stored records (keptOf), no more, no fewer.
 */
async function expectAgreement(db: KpiLensDb, source: string) {
  const data = await loadKpiData(db, source);
  for (const type of COLUMN_TYPES) {
    const stored = await readSource(recordTable(db, type), source);
    const fromColumns = data[RECORD_TABLES[type]] as readonly ColumnRecord[ColumnType][];
    const table = columnTableOf(fromColumns);
    const meta = await readMeta(db, source, type);
    if (stored.length === 0 && !meta) continue;
    expect(meta?.state, type).toBe('ready');
    expect(table, `${type} comes from the column store`).toBeDefined();
    await table!.loadCold('cold', 'all');
    await table!.loadCold('extra', 'all');
    const made = [...fromColumns].map((record) => ({ ...record })).sort(byId);
    const kept = stored.map((record) => keptOf(type, record as ColumnRecord[typeof type])).sort(byId);
    expect(made, type).toEqual(kept);
    expect(meta!.alive, `${type} live count`).toBe(stored.length);
  }
}
const byId = (a: { externalId?: unknown }, b: { externalId?: unknown }) => (String(a.externalId) < String(b.externalId) ? -1 : 1);

const SOURCE = 'crm:test';
const T0 = Date.UTC(2026, 0, 5);
const activity = (id: string, patch: Partial<Activity> = {}): Activity => ({
  source: SOURCE, externalId: id, updatedAt: T0, ownerId: 'u1', type: 'call', occurredAt: T0, done: true, ...patch,
});
const deal = (id: string, patch: Partial<Deal> = {}): Deal => ({
  source: SOURCE, externalId: id, updatedAt: T0, title: id, ownerId: 'u1', status: 'open', lineItems: [], ...patch,
});
const lead = (id: string, patch: Partial<Lead> = {}): Lead => ({ source: SOURCE, externalId: id, updatedAt: T0, createdAt: T0, status: 'open', ...patch });

// Records with every field the store encodes, and instants it must keep exactly (milliseconds, before 2000, far future).
const instant = fc.oneof(fc.integer({ min: T0 - 400 * 86_400_000, max: T0 }).map((t) => Math.floor(t / 1000) * 1000), fc.integer({ min: -8.64e15, max: 8.64e15 }));
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'Ж', 'a b', '10', '9');
const money = fc.record({ minor: fc.integer({ min: -1e9, max: 1e9 }), currency: fc.constantFrom('USD', 'EUR', 'JPY') });
const text = fc.string({ maxLength: 12 });
const activityArb = fc.record(
  {
    externalId: ids, updatedAt: instant, ownerId: fc.constantFrom('u1', 'u2', 'Анна'), type: fc.constantFrom('call', 'email', 'meeting', 'sms', 'task', 'other'),
    direction: maybe(fc.constantFrom('outbound', 'inbound')), subtype: maybe(text), title: maybe(text), occurredAt: instant, createdAt: maybe(instant), done: fc.boolean(),
    dealId: maybe(ids), leadId: maybe(ids), customerId: maybe(ids), durationSec: maybe(fc.integer({ min: 0, max: 1e6 })),
    email: maybe(fc.record({ cold: maybe(fc.boolean()), opened: maybe(fc.boolean()), replied: maybe(fc.boolean()), converted: maybe(fc.boolean()) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['externalId', 'updatedAt', 'ownerId', 'type', 'occurredAt', 'done'] },
).map((a) => ({ source: SOURCE, ...a }) as Activity);
const dealArb = fc.record(
  {
    externalId: ids, updatedAt: instant, title: text, ownerId: fc.constantFrom('u1', 'u2'), status: fc.constantFrom('open', 'won', 'lost'), pipelineId: maybe(text), stageId: maybe(text),
    amount: maybe(money), convertedAmount: maybe(money), probability: maybe(fc.double({ min: 0, max: 100, noNaN: true })), createdAt: maybe(instant), closedAt: maybe(instant),
    expectedCloseAt: maybe(instant), firstContactAt: maybe(instant), lostReason: maybe(text), channel: maybe(fc.constantFrom('call', 'email', 'event')), channelRaw: maybe(text),
    customerId: maybe(ids), region: maybe(text), lineItems: fc.array(fc.record({ name: text, quantity: fc.integer({ min: 1, max: 5 }), unitPrice: money }), { maxLength: 2 }),
    directCost: maybe(money), mrr: maybe(money), stageHistory: maybe(fc.array(fc.record({ stageId: text, enteredAt: instant }), { maxLength: 3 })), lastActivityAt: maybe(instant),
  },
  { requiredKeys: ['externalId', 'updatedAt', 'title', 'ownerId', 'status', 'lineItems'] },
).map((d) => ({ source: SOURCE, ...d }) as Deal);
const leadArb = fc.record(
  {
    externalId: ids, updatedAt: instant, name: maybe(text), ownerId: maybe(fc.constantFrom('u1', 'u2')), createdAt: instant, status: fc.constantFrom('open', 'converted', 'disqualified'),
    channel: maybe(fc.constantFrom('call', 'inbound')), channelRaw: maybe(text), mqlAt: maybe(instant), sqlAt: maybe(instant), convertedAt: maybe(instant),
    convertedDealId: maybe(ids), convertedCustomerId: maybe(ids), region: maybe(text),
  },
  { requiredKeys: ['externalId', 'updatedAt', 'createdAt', 'status'] },
).map((l) => ({ source: SOURCE, ...l }) as Lead);

// Links: mostly one address per source with the id in it (as is, or URI-encoded), sometimes anything.
const withLink = <T extends { externalId: string }>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.constantFrom('none', 'raw', 'encoded', 'other'), fc.webUrl()).map(([record, kind, other]) =>
    kind === 'none' ? record : { ...record, url: kind === 'raw' ? `https://crm.example/x/${record.externalId}?tab=1` : kind === 'encoded' ? `https://crm.example/y/${encodeURIComponent(record.externalId)}` : other },
  );

type Op = { kind: 'put'; activity: Activity[]; deal: Deal[]; lead: Lead[] } | { kind: 'delete'; type: ColumnType; ids: string[] };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('put' as const), activity: fc.array(withLink(activityArb), { maxLength: 6 }), deal: fc.array(withLink(dealArb), { maxLength: 4 }), lead: fc.array(withLink(leadArb), { maxLength: 3 }) }) },
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
        for (const op of ops) {
          await apply(db, op);
          await expectAgreement(db, SOURCE);
        }
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a record in its slot across updates, and a deleted slot dead (no record takes it)', async () => {
    const db = open();
    await upsertRecords(db, { activity: [activity('a1'), activity('a2'), activity('a3')] });
    const slotOf = async (id: string) => ((await db.activities.get([SOURCE, id])) as { slot?: number } | undefined)?.slot;
    expect([await slotOf('a1'), await slotOf('a2'), await slotOf('a3')]).toEqual([0, 1, 2]);
    await upsertRecords(db, { activity: [activity('a2', { type: 'meeting', title: 'Demo' })] });
    expect(await slotOf('a2')).toBe(1);
    await deleteRecord(db, SOURCE, 'activity', 'a1');
    await upsertRecords(db, { activity: [activity('a4')] });
    expect(await slotOf('a4')).toBe(3);
    expect(await readMeta(db, SOURCE, 'activity')).toMatchObject({ slots: 4, alive: 3, state: 'ready' });
    await expectAgreement(db, SOURCE);
    // Records read back carry no slot: it is the column store's, not the model's.
    expect((await readSource(db.activities, SOURCE)).every((record) => !('slot' in record))).toBe(true);
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
    expect(await db.activities.count()).toBe(1);
    await expectAgreement(db, SOURCE);
  });

  it('forgets a deleted source whole, and other sources keep theirs', async () => {
    const db = open();
    await upsertRecords(db, { activity: [activity('a1'), { ...activity('a1'), source: 'other' }], lead: [lead('l1')] });
    await deleteSource(db, SOURCE);
    expect(await db.columns.where(':id').between([SOURCE], [SOURCE, [[]]]).count()).toBe(0);
    expect(await readMeta(db, SOURCE, 'activity')).toBeUndefined();
    expect(await readMeta(db, 'other', 'activity')).toMatchObject({ alive: 1 });
    await expectAgreement(db, 'other');
  });

  it('builds the columns of a version 2 database after the upgrade, resumably, while writes go on', async () => {
    const name = `columns-upgrade-${++counter}`;
    const v2 = open(name, SCHEMA_VERSIONS.slice(0, 2));
    const activities = Array.from({ length: 25 }, (_, i) => activity(`a${String(i).padStart(2, '0')}`, { occurredAt: T0 - i * 60_000, type: i % 3 === 0 ? 'meeting' : 'call', title: `T${i}` }));
    await v2.activities.bulkPut(activities);
    await v2.deals.bulkPut([deal('d1', { status: 'won', closedAt: T0, lineItems: [{ name: 'Seat', quantity: 2, unitPrice: { minor: 100, currency: 'USD' } }] })]);
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
    expect(after.activities.map((a) => a.ownerId).filter((owner) => owner !== 'u1').sort()).toEqual(['u7', 'u8']);
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
