import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Activity, Deal } from '../model';
import { columnTableOf } from '../columns/table';
import { assertExtensionContext, KpiLensDb } from './db';
import { loadKpiData } from './load';
import { countAll, deleteSource, sourceSummary, upsertRecords } from './records';
import { readRecordsById } from './whole-records';
import { CURRENT_SCHEMA_VERSION, QUARANTINE_RAW_LIMIT, SCHEMA_VERSIONS } from './schema';

const opened: KpiLensDb[] = [];
let counter = 0;
function open(name = `db-test-${++counter}`, versions = SCHEMA_VERSIONS) {
  const db = new KpiLensDb(name, versions);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const deal = (id: string, patch: Partial<Deal> = {}): Deal => ({
  source: 'crm',
  externalId: id,
  updatedAt: 1,
  title: id,
  ownerId: 'u1',
  status: 'open',
  lineItems: [],
  ...patch,
});
const activity = (id: string, ownerId: string, occurredAt: number): Activity => ({
  source: 'crm',
  externalId: id,
  updatedAt: 1,
  ownerId,
  type: 'call',
  occurredAt,
  done: true,
});

describe('database', () => {
  it('upserts by [source+externalId]: a re-sync updates in place, another source is another record', async () => {
    const db = open();
    await upsertRecords(db, { deal: [deal('1'), deal('2')] });
    await upsertRecords(db, { deal: [deal('1', { title: 'renamed', updatedAt: 2 })] });
    await upsertRecords(db, { deal: [{ ...deal('1'), source: 'csv:other' }] });
    expect(await countAll(db, 'deal')).toBe(3);
    expect((await readRecordsById(db, 'crm', 'deal', ['1']))[0]?.title).toBe('renamed');
    expect(await sourceSummary(db)).toEqual({ crm: { deal: 2 }, 'csv:other': { deal: 1 } });
  });

  it('answers period queries per owner from the column store (the record tables keep only their keys)', async () => {
    const db = open();
    await upsertRecords(db, {
      activity: [activity('a1', 'u1', 100), activity('a2', 'u1', 200), activity('a3', 'u2', 150), activity('a4', 'u1', 300)],
      deal: [
        deal('d1', { status: 'won', closedAt: 120 }),
        deal('d2', { status: 'won', closedAt: 250, ownerId: 'u2' }),
        deal('d3', { status: 'open' }),
        deal('d4', { status: 'lost', closedAt: 130 }),
      ],
    });
    const data = await loadKpiData(db, 'crm');
    const activities = columnTableOf(data.activities)!;
    const owner = activities.codes('ownerId');
    const occurred = activities.times('occurredAt');
    await activities.loadCold('cold', 'all');
    // u1's activities in [100, 300): a1 (100, the start is in) and a2 (200); a4 at 300 is out.
    const u1 = data.activities.filter((_, i) => owner.of[i] === owner.ids.get('u1') && occurred.raw[i]! >= 100 && occurred.raw[i]! < 300);
    expect(u1.map((a) => a.externalId)).toEqual(['a1', 'a2']);
    const deals = columnTableOf(data.deals)!;
    const closed = deals.times('closedAt');
    const status = deals.bytes('status'); // 1 open, 2 won, 3 lost
    await deals.loadCold('cold', 'all');
    expect(
      data.deals
        .filter((_, i) => closed.has[i] && closed.raw[i]! < 200)
        .map((d) => d.externalId)
        .sort(),
    ).toEqual(['d1', 'd4']);
    expect(data.deals.filter((_, i) => status[i] === 1).map((d) => d.externalId)).toEqual(['d3']);
  });

  it('loads one source for the KPI engine and deletes one source without touching the others', async () => {
    const db = open();
    await upsertRecords(db, { deal: [deal('1'), { ...deal('1'), source: 'demo' }], activity: [activity('a', 'u1', 5)] });
    await db.quarantine.add({ source: 'crm', recordType: 'deal', rawJson: '{}', reason: 'x', at: 1 });
    const data = await loadKpiData(db, 'crm');
    expect([data.deals.length, data.activities.length, data.owners.length]).toEqual([1, 1, 0]);
    await deleteSource(db, 'crm');
    expect([await countAll(db, 'deal'), await countAll(db, 'activity'), await db.quarantine.count()]).toEqual([1, 0, 0]);
  });

  it('upgrades a v1 database with data in it: nothing lost, quarantine payloads capped as JSON text', async () => {
    const name = `upgrade-${++counter}`;
    const v1 = open(name, SCHEMA_VERSIONS.slice(0, 1));
    await v1.deals.bulkPut([deal('1', { status: 'won', closedAt: 10 }), deal('2')]);
    const hostile = { title: 'x'.repeat(QUARANTINE_RAW_LIMIT * 2) };
    await v1.table('quarantine').bulkAdd([
      { source: 'crm', objectType: 'deal', raw: { id: 7, value: 'abc' }, reason: 'deal amount.minor: expected a whole number', at: 5 },
      { source: 'crm', objectType: 'activity', raw: hostile, reason: 'too big', at: 6 },
    ]);
    v1.close();

    const current = open(name);
    await current.open();
    expect(current.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await current.deals.count()).toBe(2);
    expect((await current.deals.get(['crm', '1']))?.closedAt).toBe(10);
    const [small, big] = await current.quarantine.orderBy('at').toArray();
    expect(small).toMatchObject({ recordType: 'deal', rawJson: '{"id":7,"value":"abc"}' });
    expect(small).not.toHaveProperty('raw');
    expect(big!.rawJson.length).toBeLessThan(QUARANTINE_RAW_LIMIT + 40);
    expect(big!.rawJson).toMatch(/characters\)$/);
    // The new index works on upgraded rows.
    expect(await current.quarantine.where('[source+recordType+externalId]').between(['crm', 'deal', ''], ['crm', 'deal', '\uffff']).count()).toBe(0);
  });

  it('refuses to open from a web page origin (a content script would store data in the CRM origin)', () => {
    expect(() => assertExtensionContext({ protocol: 'https:' })).toThrow(/must not be opened from a web page/);
    expect(() => assertExtensionContext({ protocol: 'chrome-extension:' })).not.toThrow();
    expect(() => assertExtensionContext({ protocol: 'moz-extension:' })).not.toThrow();
    expect(() => assertExtensionContext(undefined)).not.toThrow();
  });
});
