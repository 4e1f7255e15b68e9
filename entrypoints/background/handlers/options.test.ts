import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetAllConnections, listConnections, saveConnection } from '@/lib/connections';
import { KpiLensDb, loadKpiData, upsertRecords, SCHEMA_VERSIONS } from '@/lib/db';
import { countAllRows } from '@/lib/export';
import { requestSchema, type RequestOf, type RequestType, type Responses } from '@/lib/messaging';
import { loadSettings, saveSettings } from '@/lib/settings';
import { createViewService } from '@/lib/views';
import { createStatusCache } from '../status-cache';
import { optionsHandlers } from './options';
import type { HandlerDeps } from './types';

const SOURCE = 'pipedrive:acme';
let db: KpiLensDb;
let counter = 0;
let deps: HandlerDeps;
const removed: unknown[] = [];

type OptionsType = keyof ReturnType<typeof optionsHandlers>;
async function ask<T extends OptionsType>(request: RequestOf<T>): Promise<Responses[T]> {
  const group = optionsHandlers(deps) as unknown as Record<string, (request: unknown, sender: object) => Promise<unknown>>;
  return (await group[(request as { type: string }).type]!(request, {})) as Responses[T];
}

beforeEach(async () => {
  fakeBrowser.reset();
  await forgetAllConnections();
  removed.length = 0;
  db = new KpiLensDb(`options-handler-${++counter}`, SCHEMA_VERSIONS);
  const views = createViewService({
    loadData: (source) => loadKpiData(db, source),
    loadSettings,
    now: () => Date.UTC(2017, 5, 15),
    browserZone: () => 'UTC',
    rewarmDelayMs: null,
  });
  deps = {
    db,
    scheduler: { kick: vi.fn(), stop: vi.fn(async () => {}) },
    views,
    versions: { bumpNow: vi.fn(), bumpSoon: vi.fn() },
    statuses: createStatusCache(db),
  } as unknown as HandlerDeps;
  vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({
    origins: ['https://*.pipedrive.com/*', 'http://127.0.0.1/*'],
    permissions: ['storage'],
  }));
  vi.spyOn(browser.permissions, 'remove').mockImplementation(async (request) => (removed.push(request), true));
  await upsertRecords(db, {
    owner: [{ source: SOURCE, externalId: 'u1', updatedAt: 1, name: 'Anna', role: 'rep', active: true }],
    quota: [
      {
        source: SOURCE,
        externalId: 'goal-1',
        updatedAt: 1,
        ownerId: 'u1',
        periodKind: 'month',
        startDate: '2017-06-01',
        endDate: '2017-07-01',
        amount: { minor: 100_000, currency: 'USD' },
      },
    ],
  });
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

const quota = {
  externalId: 'manual:quota:rep:u1:month:2017-06-01:2017-07-01',
  ownerId: 'u1',
  periodKind: 'month',
  startDate: '2017-06-01',
  endDate: '2017-07-01',
  amount: { minor: 250_000, currency: 'USD' },
};

describe('options handlers (the single writer)', () => {
  it("saves the rep's quota under the source, tells the pages, and the view data prefers it", async () => {
    const saved = await ask({ type: 'options/save-record', source: SOURCE, recordType: 'quota', record: { ...quota, source: 'elsewhere' } });
    expect(saved).toMatchObject({ ok: true, record: { source: SOURCE } });
    expect((await db.quotas.get([SOURCE, quota.externalId]))?.amount.minor).toBe(250_000);
    expect(deps.versions.bumpNow).toHaveBeenCalledWith(SOURCE);
    const overview = await ask({ type: 'options/overview', source: SOURCE });
    expect(overview.quotas.map((q) => [q.externalId, q.manual, q.overriddenBy])).toEqual([
      ['goal-1', false, quota.externalId],
      [quota.externalId, true, undefined],
    ]);
  });

  it('writes nothing for a record the model refuses or with an id that is not the manual id of its content', async () => {
    for (const record of [
      { ...quota, amount: { minor: -5, currency: 'USD' } },
      { ...quota, externalId: 'goal-1' },
    ]) {
      const reply = await ask({ type: 'options/save-record', source: SOURCE, recordType: 'quota', record });
      expect(reply.ok).toBe(false);
    }
    expect((await db.quotas.toArray()).map((q) => q.externalId)).toEqual(['goal-1']);
    expect(deps.versions.bumpNow).not.toHaveBeenCalled();
  });

  it('deletes a manual record only (the request cannot name a CRM id)', async () => {
    await ask({ type: 'options/save-record', source: SOURCE, recordType: 'quota', record: quota });
    expect(await ask({ type: 'options/delete-record', source: SOURCE, recordType: 'quota', externalId: quota.externalId })).toEqual({ deleted: true });
    expect(await ask({ type: 'options/delete-record', source: SOURCE, recordType: 'quota', externalId: quota.externalId })).toEqual({ deleted: false });
    expect(await db.quotas.count()).toBe(1);
    expect(requestSchema.safeParse({ type: 'options/delete-record', source: SOURCE, recordType: 'quota', externalId: 'goal-1' }).success).toBe(false);
  });

  it('imports records validated one by one and pages the export', async () => {
    const outcome = await ask({
      type: 'data/import-records',
      offset: 0,
      items: [
        { type: 'deal', record: { source: 'csv:x', externalId: 'd1', updatedAt: 1, title: 't', ownerId: 'u', status: 'open' } },
        { type: 'deal', record: { externalId: 'd2' } },
      ],
    });
    expect(outcome).toMatchObject({ imported: 1, rejected: 1, sources: ['csv:x'] });
    expect(deps.versions.bumpNow).toHaveBeenCalledWith('csv:x');
    const page = await ask({ type: 'data/export-page', table: 'owner', limit: 10 });
    expect(page).toEqual({ records: [expect.objectContaining({ externalId: 'u1' })], next: null });
  });

  it('erase everything leaves nothing: no rows, no storage, no granted CRM host', async () => {
    await saveSettings({ staleDays: 30 });
    await saveConnection({
      source: SOURCE,
      crm: 'pipedrive',
      account: 'acme',
      apiBase: 'https://acme.pipedrive.com/api',
      appUrl: 'https://acme.pipedrive.com',
      auth: { kind: 'token', token: 'secret' },
      connectedAt: 1,
    });
    await fakeBrowser.storage.session.set({ [`data-version:${SOURCE}`]: 1 });
    await browser.alarms.create(`sync:${SOURCE}`, { when: Date.now() + 60_000 });
    await browser.alarms.create('sync-watchdog', { periodInMinutes: 1 });
    expect(await ask({ type: 'data/erase-everything' })).toEqual({ erased: true });
    expect(await countAllRows(db)).toBe(0);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await listConnections()).toEqual([]); // the tokens too
    expect((await browser.alarms.getAll()).map((alarm) => alarm.name)).toEqual(['sync-watchdog']);
    // The CRM host the rep granted is given back; the test build's own sandbox host is not optional and stays.
    expect(removed).toEqual([{ origins: ['https://*.pipedrive.com/*'] }]);
    // Pages that showed the source hear that it changed (it is gone).
    expect(deps.versions.bumpNow).toHaveBeenCalledWith(SOURCE);
    expect(deps.scheduler.stop).toHaveBeenCalledOnce(); // running syncs stopped before anything is deleted
  });
});

// Keeps the request union honest: every options request type has a handler here.
const handled: RequestType[] = [
  'options/overview',
  'options/save-record',
  'options/delete-record',
  'data/export-page',
  'data/quarantine-page',
  'data/import-records',
  'data/erase-everything',
];
it('answers every options request', () => {
  expect(Object.keys(optionsHandlers({} as HandlerDeps)).sort()).toEqual([...handled].sort());
});
