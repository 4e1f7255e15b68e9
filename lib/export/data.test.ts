import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { KpiLensDb } from '../db/db';
import { countAll, upsertRecords } from '../db/records';
import { readWholeTable } from '../db/whole-records';
import { RECORD_TABLES, SCHEMA_VERSIONS } from '../db/schema';
import { generateDemoData } from '../demo';
import { RECORD_TYPES, type RecordType } from '../model';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { exportAll, importRecords, parseDataExport, readTablePage, type ImportItem } from './data';

const opened: KpiLensDb[] = [];
let counter = 0;
function open() {
  const db = new KpiLensDb(`export-test-${++counter}`, SCHEMA_VERSIONS);
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

// A tenth of the demo's size: every record type, without making fake-indexeddb the slow part of the suite.
const demo = generateDemoData({
  seed: 7,
  scale: 0.1,
  asOf: Date.UTC(2025, 2, 14, 13, 30),
  timeZone: 'Europe/Berlin',
  source: 'demo',
  urlBase: 'https://demo.kpi-lens.invalid',
});

async function loadDemo(db: KpiLensDb) {
  for (const type of RECORD_TYPES) {
    const list = demo[RECORD_TABLES[type]] as unknown[];
    if (list.length) await upsertRecords(db, { [type]: list } as never);
  }
  // The rep's own entries and a second source travel along.
  await upsertRecords(db, {
    quota: [
      {
        source: 'demo',
        externalId: 'manual:quota:rep:u1:month:2025-03-01:2025-04-01',
        updatedAt: 5,
        ownerId: 'u1',
        periodKind: 'month',
        startDate: '2025-03-01',
        endDate: '2025-04-01',
        amount: { minor: 1_000_000, currency: 'USD' },
      },
    ],
    deal: [{ source: 'csv:old', externalId: '1', updatedAt: 1, title: 'A "quoted", =risky title', ownerId: 'x', status: 'open', lineItems: [] }],
  });
  await db.quarantine.add({ source: 'demo', recordType: 'deal', rawJson: '{}', reason: 'bad', at: 1 });
}

async function allRecords(db: KpiLensDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  // The records as the model has them: the column store's slots are the database's own business.
  for (const type of RECORD_TYPES) out[type] = await readWholeTable(db, type);
  return out;
}

describe('full data export and import', () => {
  it('export then import into an empty database gives the same records, table by table', async () => {
    const from = open();
    await loadDemo(from);
    const file = JSON.stringify(await exportAll(from, DEFAULT_SETTINGS, 1_700_000_000_000));
    const parsed = parseDataExport(file);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);

    const to = open();
    // In chunks, as the options page sends them to the background.
    let imported = 0;
    for (let offset = 0; offset < parsed.items.length; offset += 1_000) {
      const outcome = await importRecords(to, parsed.items.slice(offset, offset + 1_000), offset);
      expect(outcome.rejects).toEqual([]);
      imported += outcome.imported;
    }
    const expected = await allRecords(from);
    const total = Object.values(expected).reduce((sum, list) => sum + list.length, 0);
    expect(imported).toBe(total);
    expect(total).toBeGreaterThan(1_000); // a real data set, not an empty shell
    expect(await allRecords(to)).toEqual(expected);
    // The quarantine is diagnostics of one machine's syncs, not data: it is not exported.
    expect(await to.quarantine.count()).toBe(0);
  });

  it('importing the same export twice changes nothing (records are keyed by source and id)', async () => {
    const db = open();
    await loadDemo(db);
    const before = await allRecords(db);
    const parsed = parseDataExport(JSON.stringify(await exportAll(db, undefined, 1)));
    if (!parsed.ok) throw new Error(parsed.error);
    await importRecords(db, parsed.items);
    expect(await allRecords(db)).toEqual(before);
  });

  it('reads a table in pages that join up exactly', async () => {
    const db = open();
    await loadDemo(db);
    const ids: string[] = [];
    let after: [string, string] | undefined;
    let pages = 0;
    for (;;) {
      const page = await readTablePage(db, 'owner', after, 3);
      ids.push(...page.records.map((record) => `${record.source}/${record.externalId}`));
      pages += 1;
      if (!page.next) break;
      after = page.next;
    }
    const all = (await db.owners.toArray()).map((owner) => `${owner.source}/${owner.externalId}`);
    expect(ids).toEqual(all);
    expect(pages).toBe(Math.floor(all.length / 3) + 1);
  });

  it('imports the valid records of a damaged file and lists every reject with its place and reason', async () => {
    const db = open();
    const good = { source: 's', externalId: 'd1', updatedAt: 1, title: 'ok', ownerId: 'u', status: 'won', lineItems: [] };
    const items: ImportItem[] = [
      { type: 'deal', record: good },
      { type: 'deal', record: { ...good, externalId: 'd2', amount: { minor: 1.5, currency: 'USD' } } },
      { type: 'spaceship', record: { externalId: 'x' } },
      { type: 'activity', record: 'not an object' },
    ];
    const outcome = await importRecords(db, items, 100);
    expect(outcome).toEqual({
      imported: 1,
      rejected: 3,
      sources: ['s'],
      rejects: [
        { index: 101, type: 'deal', externalId: 'd2', reason: expect.stringContaining('amount.minor: expected a whole number') },
        { index: 102, type: 'spaceship', externalId: 'x', reason: 'unknown record type "spaceship"' },
        { index: 103, type: 'activity', externalId: undefined, reason: expect.stringMatching(/^activity /) },
      ],
    });
    expect(await countAll(db, 'deal')).toBe(1);
  });

  it.each([
    ['not JSON', '{"format":', /^not JSON/],
    ['another file', '{"rows":[]}', /no "format"/],
    ['a future version', '{"format":"kpi-lens-export","version":9,"records":{}}', /version 9/],
    ['records that are not lists', '{"format":"kpi-lens-export","version":1,"records":{"deal":{}}}', /records\.deal is not a list/],
  ])('refuses %s as a whole, saying why', (_name, text, message) => {
    const parsed = parseDataExport(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('covers every record type', () => {
    expect(Object.keys(RECORD_TABLES).sort()).toEqual([...RECORD_TYPES].sort() as RecordType[]);
  });
});
