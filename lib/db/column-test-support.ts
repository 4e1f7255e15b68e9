/**
 * What the column store's tests share: records of every field the store encodes (fast-check), and the
 * check that the column store and the records agree.
 */
import { DAY_MS } from '../period/units';
import fc from 'fast-check';
import { afterEach, expect } from 'vitest';
import { COLUMN_TYPES, keptOf, type ColumnRecord, type ColumnType } from '../columns/spec';
import { columnTableOf } from '../columns/table';
import type { Activity, Deal, Lead } from '../model';
import { bySource, readMeta } from './columns';
import { liveSlots, readIdRows, slotIndex } from './slot-index';
import { KpiLensDb } from './db';
import { loadKpiData } from './load';
import { recordTable } from './records';
import { readWholeSource } from './whole-records';
import { RECORD_TABLES, SCHEMA_VERSIONS } from './schema';

/** Opens test databases (at the schema versions given, all by default), each closed after its test. */
export function testDatabases(): (name: string, versions?: typeof SCHEMA_VERSIONS) => KpiLensDb {
  const opened: KpiLensDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });
  return (name, versions = SCHEMA_VERSIONS) => {
    const db = new KpiLensDb(name, versions);
    opened.push(db);
    return db;
  };
}

/**
 * The column store and the records agree: for each big type, the records made from the columns (the
 * worker's path, whole chunks) are exactly what the column store keeps of the stored records made
 * whole (a page's path, one slot at a time), no more, no fewer; the record table holds none of them;
 * the slot index has each id once; and the live count is the number of records.
 */
export async function expectAgreement(db: KpiLensDb, source: string) {
  const data = await loadKpiData(db, source);
  for (const type of COLUMN_TYPES) {
    const rows = await bySource(recordTable(db, type), source).toArray();
    const stored = await db.transaction('r', [recordTable(db, type), db.columns, db.columnMeta], async () => readWholeSource(db, source, type));
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
    expect(rows, `${type}: the column store alone holds the records, the record table none`).toEqual([]);
    expect(meta!.alive, `${type} live count`).toBe(stored.length);
    const ids = liveSlots(await readIdRows(db.columns, source, type)).map(([, id]) => id);
    expect(new Set(ids).size, `${type}: one slot per id`).toBe(ids.length);
    expect(ids.sort(), `${type}: the slot index has every record's id`).toEqual(stored.map((record) => record.externalId));
  }
}
/** The slot the column store gave a record id (undefined: none). */
export async function slotOfId(db: KpiLensDb, source: string, type: ColumnType, id: string): Promise<number | undefined> {
  const index = await db.transaction('r', [db.columns, db.columnMeta], async () => slotIndex(db.columns, source, type, await readMeta(db, source, type)));
  return index.get(id);
}
export const byId = (a: { externalId?: unknown }, b: { externalId?: unknown }) => (String(a.externalId) < String(b.externalId) ? -1 : 1);

export const SOURCE = 'crm:test';
export const T0 = Date.UTC(2026, 0, 5);
export const activity = (id: string, patch: Partial<Activity> = {}): Activity => ({
  source: SOURCE,
  externalId: id,
  updatedAt: T0,
  ownerId: 'u1',
  type: 'call',
  occurredAt: T0,
  done: true,
  ...patch,
});
export const deal = (id: string, patch: Partial<Deal> = {}): Deal => ({
  source: SOURCE,
  externalId: id,
  updatedAt: T0,
  title: id,
  ownerId: 'u1',
  status: 'open',
  lineItems: [],
  ...patch,
});
export const lead = (id: string, patch: Partial<Lead> = {}): Lead => ({
  source: SOURCE,
  externalId: id,
  updatedAt: T0,
  createdAt: T0,
  status: 'open',
  ...patch,
});

// Records with every field the store encodes, and instants it must keep exactly (milliseconds, before 2000, far future).
const instant = fc.oneof(
  fc.integer({ min: T0 - 400 * DAY_MS, max: T0 }).map((t) => Math.floor(t / 1000) * 1000),
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
export const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'Ж', 'a b', '10', '9');
const money = fc.record({ minor: fc.integer({ min: -1e9, max: 1e9 }), currency: fc.constantFrom('USD', 'EUR', 'JPY') });
const text = fc.string({ maxLength: 12 });
export const activityArb = fc
  .record(
    {
      externalId: ids,
      updatedAt: instant,
      ownerId: fc.constantFrom('u1', 'u2', 'Анна'),
      type: fc.constantFrom('call', 'email', 'meeting', 'sms', 'task', 'other'),
      direction: maybe(fc.constantFrom('outbound', 'inbound')),
      subtype: maybe(text),
      title: maybe(text),
      occurredAt: instant,
      createdAt: maybe(instant),
      done: fc.boolean(),
      dealId: maybe(ids),
      leadId: maybe(ids),
      customerId: maybe(ids),
      durationSec: maybe(fc.integer({ min: 0, max: 1e6 })),
      email: maybe(
        fc.record(
          { cold: maybe(fc.boolean()), opened: maybe(fc.boolean()), replied: maybe(fc.boolean()), converted: maybe(fc.boolean()) },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ['externalId', 'updatedAt', 'ownerId', 'type', 'occurredAt', 'done'] },
  )
  .map((a) => ({ source: SOURCE, ...a }) as Activity);
export const dealArb = fc
  .record(
    {
      externalId: ids,
      updatedAt: instant,
      title: text,
      ownerId: fc.constantFrom('u1', 'u2'),
      status: fc.constantFrom('open', 'won', 'lost'),
      pipelineId: maybe(text),
      stageId: maybe(text),
      amount: maybe(money),
      convertedAmount: maybe(money),
      probability: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
      createdAt: maybe(instant),
      closedAt: maybe(instant),
      expectedCloseAt: maybe(instant),
      firstContactAt: maybe(instant),
      lostReason: maybe(text),
      channel: maybe(fc.constantFrom('call', 'email', 'event')),
      channelRaw: maybe(text),
      customerId: maybe(ids),
      region: maybe(text),
      lineItems: fc.array(fc.record({ name: text, quantity: fc.integer({ min: 1, max: 5 }), unitPrice: money }), { maxLength: 2 }),
      directCost: maybe(money),
      mrr: maybe(money),
      stageHistory: maybe(fc.array(fc.record({ stageId: text, enteredAt: instant }), { maxLength: 3 })),
      lastActivityAt: maybe(instant),
    },
    { requiredKeys: ['externalId', 'updatedAt', 'title', 'ownerId', 'status', 'lineItems'] },
  )
  .map((d) => ({ source: SOURCE, ...d }) as Deal);
export const leadArb = fc
  .record(
    {
      externalId: ids,
      updatedAt: instant,
      name: maybe(text),
      ownerId: maybe(fc.constantFrom('u1', 'u2')),
      createdAt: instant,
      status: fc.constantFrom('open', 'converted', 'disqualified'),
      channel: maybe(fc.constantFrom('call', 'inbound')),
      channelRaw: maybe(text),
      mqlAt: maybe(instant),
      sqlAt: maybe(instant),
      convertedAt: maybe(instant),
      convertedDealId: maybe(ids),
      convertedCustomerId: maybe(ids),
      region: maybe(text),
    },
    { requiredKeys: ['externalId', 'updatedAt', 'createdAt', 'status'] },
  )
  .map((l) => ({ source: SOURCE, ...l }) as Lead);

// Links: mostly one address per source with the id in it (as is, or URI-encoded), sometimes anything.
export const withLink = <T extends { externalId: string }>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.constantFrom('none', 'raw', 'encoded', 'other'), fc.webUrl()).map(([record, kind, other]) =>
    kind === 'none'
      ? record
      : {
          ...record,
          url:
            kind === 'raw'
              ? `https://crm.example/x/${record.externalId}?tab=1`
              : kind === 'encoded'
                ? `https://crm.example/y/${encodeURIComponent(record.externalId)}`
                : other,
        },
  );
