/**
 * Schema upgrades in real Chromium: for every earlier schema version (lib/db/schema.ts), a database
 * written by Dexie with that version's declarations and data in that version's shapes is opened by
 * today's background, which upgrades it; nothing is lost (every row of every store compared) and
 * the upgraded schema is exactly the one a fresh install creates. A failed upgrade (the test build
 * can make one throw: entrypoints/background/test-upgrade-hook.ts) leaves the old database as it
 * was, readable, and the sidebar tells the rep the database cannot be opened and what to do.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAIL_UPGRADE_KEY } from '../../entrypoints/background/test-upgrade-hook';
import { storageProblemOf } from '../../lib/db/failure';
import { CURRENT_SCHEMA_VERSION, QUARANTINE_RAW_LIMIT, SCHEMA_VERSIONS } from '../../lib/db/schema';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { shownText } from '../harness/sidebar-reader';
import { canonicalJson } from '../fixtures/sandbox-expectations';
import { readExtensionDb } from '../fixtures/extension-db';
import { dumpDatabase, schemaOf, writeLegacyDatabase, type DatabaseDump, type Declarations } from '../fixtures/legacy-db';
import { LEGACY_DATA, legacyQuarantine, legacyRecords, type LegacyQuarantine } from '../fixtures/legacy-data';
import { openQuietPage, sendFromPage } from '../fixtures/quiet-page';

let browser: ExtensionBrowser;
let quiet: Page;
let fresh: DatabaseDump;

beforeAll(async () => {
  browser = await launchWithExtension({});
  quiet = await openQuietPage(browser);
  // A fresh install: the background creates the database with today's schema as it starts.
  const deadline = Date.now() + 15_000;
  do fresh = await dumpDatabase(quiet);
  while (fresh.version !== CURRENT_SCHEMA_VERSION * 10 && Date.now() < deadline && (await new Promise((resolve) => setTimeout(resolve, 100)), true));
  if (fresh.version !== CURRENT_SCHEMA_VERSION * 10)
    throw new Error(`a fresh install should create schema version ${CURRENT_SCHEMA_VERSION}, found IndexedDB version ${fresh.version}`);
});

afterAll(async () => {
  await browser?.close();
});

const EARLIER = SCHEMA_VERSIONS.filter((declared) => declared.version < CURRENT_SCHEMA_VERSION);
const declarationsUpTo = (version: number): Declarations =>
  SCHEMA_VERSIONS.filter((declared) => declared.version <= version).map(({ version: v, stores }) => ({ version: v, stores }));
const byKey = (rows: unknown[]) => rows.map(canonicalJson).sort();
const COLUMN_TABLES: readonly string[] = ['activities', 'deals', 'leads'];

type Status = { ok: boolean; value?: { sources: { source: string; records: number; quarantined: number }[] }; error?: string };

describe('schema upgrades', () => {
  it('knows how to write data in the shapes of every earlier schema version', () => {
    expect(EARLIER.length).toBeGreaterThan(0);
    expect(Object.keys(LEGACY_DATA).map(Number).sort()).toEqual(EARLIER.map((declared) => declared.version));
  });

  for (const { version } of EARLIER) {
    it(`upgrades a version ${version} database with data to version ${CURRENT_SCHEMA_VERSION}, losing nothing`, async () => {
      const tables = LEGACY_DATA[version]!();
      await writeLegacyDatabase(browser, quiet, declarationsUpTo(version), tables);
      const written = await dumpDatabase(quiet);
      expect(written.version).toBe(version * 10);

      // Any request wakes a fresh background, which opens (and upgrades) the database first.
      const status = (await sendFromPage(quiet, { type: 'status/get' })) as Status;
      const upgraded = await dumpDatabase(quiet);
      expect(upgraded.version).toBe(CURRENT_SCHEMA_VERSION * 10);
      expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));

      // Every record, cursor and meta entry is still there, unchanged. Activities, deals and leads
      // live in the column store from version 4 on (after the build for databases from before it):
      // read whole from there, they are the old records, however far the build has got.
      const records = legacyRecords();
      const wholeOf = async (store: string) => (await readExtensionDb(quiet, 'demo', { content: true })).tables[store]!;
      for (const [store, rows] of Object.entries(written.stores)) {
        if (store === 'quarantine' || store === 'columns' || store === 'columnMeta') continue;
        if (COLUMN_TABLES.includes(store)) {
          expect(byKey(await wholeOf(store)), store).toEqual(byKey(records[store]!));
          continue;
        }
        expect(upgraded.stores[store]?.rows.length, store).toBe(rows.rows.length);
        expect(byKey(upgraded.stores[store]!.rows), store).toEqual(byKey(rows.rows));
      }
      expect(Object.values(records).reduce((sum, rows) => sum + rows.length, 0)).toBeGreaterThan(1_000);

      // The column store holds every old record once built, with its progress in the status meanwhile,
      // and the record tables none.
      let built = upgraded;
      await expect
        .poll(
          async () => {
            built = await dumpDatabase(quiet);
            const metas = (built.stores.columnMeta?.rows ?? []) as { state: string }[];
            return metas.length === 3 && metas.every((meta) => meta.state === 'ready');
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      for (const [type, store] of [
        ['activity', 'activities'],
        ['deal', 'deals'],
        ['lead', 'leads'],
      ] as const) {
        const meta = (built.stores.columnMeta!.rows as { type: string; alive: number; slots: number }[]).find((candidate) => candidate.type === type)!;
        expect(built.stores[store]!.rows, `${store}: no row left in the record table`).toEqual([]);
        expect(meta, store).toMatchObject({ alive: records[store]!.length, slots: records[store]!.length });
        expect(byKey(await wholeOf(store)), store).toEqual(byKey(records[store]!));
      }
      // Each deal's latest stage move is in the deals' hot chunks (version 5), those written before it too.
      const dealHot = (built.stores.columns!.rows as { type: string; tier: string; cols: Record<string, unknown> }[]).filter(
        (row) => row.type === 'deal' && row.tier === 'hot',
      );
      expect(dealHot.length).toBeGreaterThan(0);
      for (const chunk of dealHot) expect(chunk.cols.stageMovedAt, 'stageMovedAt').toBeDefined();
      if (version >= 2) {
        // Version 2 quarantine entries are today's shape: they stay as they were.
        expect(byKey(upgraded.stores.quarantine!.rows)).toEqual(byKey(written.stores.quarantine!.rows));
        const demo = status.value!.sources.find((source) => source.source === 'demo');
        expect(demo).toMatchObject({
          records: Object.values(records).reduce((sum, rows) => sum + rows.length, 0),
          quarantined: written.stores.quarantine!.rows.length,
        });
        return;
      }

      // Quarantine entries keep their id, source, time and reason; the raw payload becomes capped JSON text.
      const before = written.stores.quarantine!.rows as LegacyQuarantine[];
      const after = upgraded.stores.quarantine!.rows as Record<string, unknown>[];
      expect(after.length).toBe(before.length);
      for (const old of before) {
        const now = after.find((entry) => entry.id === old.id)!;
        expect(now, `quarantine ${old.id}`).toBeDefined();
        expect(Object.keys(now).sort()).toEqual(
          ['at', 'externalId', 'id', 'rawJson', 'reason', 'recordType', 'source'].filter((key) => key !== 'externalId' || old.externalId !== undefined),
        );
        expect(now).toMatchObject({ source: old.source, at: old.at, reason: old.reason, recordType: old.objectType ?? 'unknown' });
        const json = old.raw === undefined ? undefined : JSON.stringify(old.raw);
        if (json === undefined) expect(now.rawJson).toBe('undefined');
        else if (json.length <= QUARANTINE_RAW_LIMIT) expect(JSON.parse(now.rawJson as string)).toEqual(old.raw);
        else expect(now.rawJson).toBe(`${json.slice(0, QUARANTINE_RAW_LIMIT)}… (${json.length} characters)`);
      }

      // And the product sees it: the demo source has all its records and quarantine entries.
      expect(status.ok, status.error).toBe(true);
      const demo = status.value!.sources.find((source) => source.source === 'demo');
      expect(demo).toMatchObject({ records: Object.values(records).reduce((sum, rows) => sum + rows.length, 0), quarantined: legacyQuarantine().length });
    });
  }

  it('keeps the old data readable when an upgrade fails, and tells the rep', async () => {
    const version = EARLIER[0]!.version;
    const tables = LEGACY_DATA[version]!();
    tables.meta = [...(tables.meta ?? []), { key: FAIL_UPGRADE_KEY, value: true }];
    await writeLegacyDatabase(browser, quiet, declarationsUpTo(version), tables);
    const written = await dumpDatabase(quiet);

    // The rep opens KPI Lens: the sidebar says the database cannot be opened, why, and what to do.
    const sidebar = await browser.context.newPage();
    await sidebar.goto(`chrome-extension://${browser.extensionId}/sidebar.html?source=demo`);
    const problem = storageProblemOf({ name: 'OpenFailedError', message: 'x' })!;
    const alert = sidebar.locator('.problem[role="alert"]');
    await expect.poll(() => shownText(alert), { timeout: 30_000 }).toContain(problem.message.slice(0, problem.message.indexOf('(')));
    const text = (await alert.first().textContent())!;
    expect(text).toContain(problem.userAction);
    expect(text).toContain(`the upgrade to schema version ${version + 1} failed on purpose`);

    // The old database is untouched and readable: same version, same rows in every store.
    const after = await dumpDatabase(quiet);
    expect(after.version).toBe(version * 10);
    expect(Object.keys(after.stores).sort()).toEqual(Object.keys(written.stores).sort());
    for (const [store, { rows }] of Object.entries(written.stores)) expect(byKey(after.stores[store]!.rows), store).toEqual(byKey(rows));
    // Asking again (the background retries the open before each request) changes nothing either.
    await sidebar.reload();
    await expect.poll(() => shownText(alert), { timeout: 30_000 }).toContain(problem.userAction);
    expect(await dumpDatabase(quiet)).toEqual(after);
    await sidebar.close();
  });
});
