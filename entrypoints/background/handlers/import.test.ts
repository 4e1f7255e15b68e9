import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { countAll, countRecords, KpiLensDb, loadKpiData, readRecordsById, SCHEMA_VERSIONS } from '@/lib/db';
import { admit, type RequestOf, type Responses } from '@/lib/messaging';
import { loadSettings } from '@/lib/settings';
import { createViewService } from '@/lib/views';
import { createStatusCache } from '../status-cache';
import { allStatuses } from './core';
import { importHandlers } from './import';
import type { HandlerDeps } from './types';

let db: KpiLensDb;
let counter = 0;
let deps: HandlerDeps;
type ImportType = keyof ReturnType<typeof importHandlers>;

async function ask<T extends ImportType>(request: RequestOf<T>, sender: object = {}): Promise<Responses[T]> {
  const group = importHandlers(deps) as unknown as Record<string, (request: unknown, sender: object) => Promise<unknown>>;
  return (await group[(request as { type: string }).type]!(request, sender)) as Responses[T];
}

const deal = (source: string, id: string, extra: object = {}) => ({
  source,
  externalId: id,
  updatedAt: 1,
  title: `Deal ${id}`,
  ownerId: 'owner:ann',
  status: 'won',
  amount: { minor: 1000, currency: 'USD' },
  closedAt: 5,
  lineItems: [],
  ...extra,
});
const PAGE = { url: 'https://crm.example.org:8443/deals?page=2', tab: { id: 7 }, frameId: 0 };

beforeEach(() => {
  fakeBrowser.reset();
  db = new KpiLensDb(`import-handler-${++counter}`, SCHEMA_VERSIONS);
  const views = createViewService({
    loadData: (source) => loadKpiData(db, source),
    loadSettings,
    now: () => 10,
    browserZone: () => 'UTC',
    rewarmDelayMs: null,
  });
  deps = {
    db,
    scheduler: { kick: vi.fn() },
    views,
    versions: { bumpNow: vi.fn(), bumpSoon: vi.fn() },
    statuses: createStatusCache(db),
  } as unknown as HandlerDeps;
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

describe('CSV import handlers (the single writer)', () => {
  it('writes valid records, quarantines the rest with the reason, and lists the source once finished', async () => {
    const reply = await ask({
      type: 'import/records',
      source: 'csv:q3',
      batch: {
        deals: [deal('csv:q3', 'a'), deal('csv:q3', 'b', { amount: { minor: 1.5, currency: 'USD' } }), deal('csv:other', 'c')],
        owners: [{ source: 'csv:q3', externalId: 'owner:ann', updatedAt: 1, name: 'Ann', active: true }],
      },
    });
    expect(reply.written).toBe(2);
    expect(reply.rejected).toBe(2);
    expect(reply.reasons.join(' ')).toMatch(/amount\.minor/);
    expect(reply.reasons.join(' ')).toMatch(/belongs to source "csv:other"/);
    expect(await countRecords(db, 'csv:q3', 'deal')).toBe(1);
    expect(await db.quarantine.where('source').equals('csv:q3').count()).toBe(2);
    // Writing the same records again updates them: still one deal.
    await ask({ type: 'import/records', source: 'csv:q3', batch: { deals: [deal('csv:q3', 'a', { title: 'Renamed' })] } });
    expect((await readRecordsById(db, 'csv:q3', 'deal', ['a']))[0]?.title).toBe('Renamed');
    expect(await countRecords(db, 'csv:q3', 'deal')).toBe(1);

    const before = Date.now();
    const finished = await ask({
      type: 'import/finish',
      source: 'csv:q3',
      summary: { fileName: 'q3.csv', kind: 'deals', preset: null, rows: 3, imported: 3, rejected: 0 },
    });
    expect(finished.records).toBe(2); // one deal and one owner
    expect(deps.versions.bumpNow).toHaveBeenCalledWith('csv:q3');
    expect((await ask({ type: 'import/list' })).sources).toMatchObject([{ source: 'csv:q3', origin: 'csv', label: 'q3.csv', rows: 3 }]);
    expect((await allStatuses(deps)).map((status) => [status.source, status.crm, status.label, status.records])).toEqual([['csv:q3', 'csv', 'q3.csv', 2]]);
    // A file source says when it was imported (the popup and the sidebar show "Imported <date>", never "Not synced yet").
    const importedAt = (await allStatuses(deps))[0]?.importedAt;
    expect(importedAt).toBeGreaterThanOrEqual(before);
    expect(importedAt).toBeLessThanOrEqual(Date.now());
    expect((await deps.views.pinned({ source: 'csv:q3', view: 'personal', period: 'month' })).pinned).not.toBeNull();
  });

  it('keeps the earliest acquisition of a customer across batches', async () => {
    const customer = (acquiredAt: number) => ({ source: 'csv:q3', externalId: 'account:acme', updatedAt: 1, name: 'Acme', acquiredAt });
    await ask({ type: 'import/records', source: 'csv:q3', batch: { customers: [customer(100)] } });
    await ask({ type: 'import/records', source: 'csv:q3', batch: { customers: [customer(300)] } });
    expect((await db.customers.get(['csv:q3', 'account:acme']))?.acquiredAt).toBe(100);
    await ask({ type: 'import/records', source: 'csv:q3', batch: { customers: [customer(50)] } });
    expect((await db.customers.get(['csv:q3', 'account:acme']))?.acquiredAt).toBe(50);
  });

  it('deletes an imported source and its listing', async () => {
    await ask({ type: 'import/records', source: 'csv:q3', batch: { deals: [deal('csv:q3', 'a')] } });
    await ask({ type: 'import/finish', source: 'csv:q3', summary: { fileName: 'q3.csv', kind: 'deals', preset: null, rows: 1, imported: 1, rejected: 0 } });
    await ask({ type: 'import/delete', source: 'csv:q3' });
    expect(await countAll(db, 'deal')).toBe(0);
    expect((await ask({ type: 'import/list' })).sources).toEqual([]);
  });
});

describe('table rows from the picker', () => {
  const rows = (batch: object = { deals: [deal('table:crm.example.org:8443', 'r1')] }) => ({
    type: 'table/rows' as const,
    kind: 'deals' as const,
    batch,
    rows: 1,
    rejected: 0,
  });

  it('are refused from a tab where the rep did not start the picker', async () => {
    await expect(ask(rows(), PAGE)).rejects.toThrow(/not started in this tab/);
  });

  it("are written under the sending page's host once the rep started the picker there", async () => {
    vi.spyOn(browser.tabs, 'get').mockImplementation(async () => ({ id: 7, url: PAGE.url }) as never);
    const injected: unknown[] = [];
    vi.spyOn(browser.scripting, 'executeScript').mockImplementation(async (injection) => (injected.push(injection), []));
    expect(await ask({ type: 'table/pick', tabId: 7 })).toEqual({ started: true });
    expect(injected).toEqual([{ target: { tabId: 7 }, files: ['/content-scripts/table-reader.js'] }]);
    const reply = await ask(rows(), PAGE);
    expect(reply).toMatchObject({ source: 'table:crm.example.org:8443', written: 1, rejected: 0 });
    // A record claiming another source is refused, whatever the page wrote in it.
    const foreign = await ask(rows({ deals: [deal('csv:q3', 'x')] }), PAGE);
    expect(foreign).toMatchObject({ written: 0, rejected: 1 });
    expect(await countRecords(db, 'csv:q3', 'deal')).toBe(0);
    const listed = (await ask({ type: 'import/list' })).sources;
    expect(listed).toMatchObject([{ source: 'table:crm.example.org:8443', origin: 'table', label: 'crm.example.org:8443', rows: 2, imported: 1, rejected: 1 }]);
  });

  it('are refused when too large, and the picker is not injected into pages KPI Lens cannot read', async () => {
    vi.spyOn(browser.tabs, 'get').mockImplementation(async () => ({ id: 7, url: 'chrome://settings' }) as never);
    expect(await ask({ type: 'table/pick', tabId: 7 })).toMatchObject({ started: false });
    await browser.storage.session.set({ 'table-session:7': { at: Date.now() } });
    const huge = { deals: [deal('table:crm.example.org:8443', 'r1', { lostReason: 'x'.repeat(400), title: 'y'.repeat(500) })] };
    // Each record within its schema's limits (1,000 line items of 200-character names), 20 of them: over 4 MB together.
    const lineItems = Array.from({ length: 1000 }, () => ({ name: 'n'.repeat(200), quantity: 1, unitPrice: { minor: 1, currency: 'USD' } }));
    const many = { deals: Array.from({ length: 20 }, (_, i) => deal('table:crm.example.org:8443', `r${i}`, { lineItems })) };
    await expect(ask(rows(many), PAGE)).rejects.toThrow(/too large/);
    expect((await ask(rows(huge), PAGE)).written).toBe(1);
  });
});

describe('what the table picker needs of extension storage (closed to content scripts)', () => {
  const mapping = {
    version: 1 as const,
    kind: 'deals' as const,
    columns: [
      ['Deal', 'title'],
      ['Sum', 'amount'],
      ['Note', null],
    ] as [string, string | null][],
    dateOrder: 'dmy' as const,
  };

  it('are refused from a tab where the rep did not start the picker', async () => {
    await expect(ask({ type: 'table/setup' }, PAGE)).rejects.toThrow(/not started in this tab/);
    await expect(ask({ type: 'table/remember', mapping }, PAGE)).rejects.toThrow(/not started in this tab/);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('give the rep’s settings and remember the mapping per site (the sender’s site, never another)', async () => {
    await browser.storage.session.set({ 'table-session:7': { at: Date.now() } });
    await browser.storage.local.set({
      settings: { version: 2, locale: 'ru', timeZone: 'Asia/Almaty', reportingCurrency: 'KZT' },
      'table-mapping:other.example': { version: 1 },
    });
    expect(await ask({ type: 'table/setup' }, PAGE)).toEqual({ locale: 'ru', timeZone: 'Asia/Almaty', currency: 'KZT', remembered: null });
    expect(await ask({ type: 'table/remember', mapping }, PAGE)).toEqual({ remembered: true });
    expect((await ask({ type: 'table/setup' }, PAGE)).remembered).toEqual(mapping);
    expect((await browser.storage.local.get('table-mapping:crm.example.org:8443'))['table-mapping:crm.example.org:8443']).toEqual(mapping);
  });
});

describe('admission of import messages', () => {
  const ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${ID}/`;
  const contentScript = { id: ID, url: 'https://crm.example.org/deals', tab: { id: 3 } };
  const optionsPage = { id: ID, url: `${ORIGIN}options.html` };

  it('lets a content script send table rows, ask for the picker’s setup and remember a mapping, and nothing else of the import', () => {
    expect(admit({ type: 'table/rows', kind: 'deals', batch: {}, rows: 0, rejected: 0 }, contentScript, ID, ORIGIN)).toMatchObject({ ok: true });
    expect(admit({ type: 'table/setup' }, contentScript, ID, ORIGIN)).toMatchObject({ ok: true });
    expect(
      admit({ type: 'table/remember', mapping: { version: 1, kind: 'deals', columns: [['A', 'title']], dateOrder: 'mdy' } }, contentScript, ID, ORIGIN),
    ).toMatchObject({ ok: true });
    expect(admit({ type: 'table/remember', mapping: { version: 2, kind: 'deals', columns: [], dateOrder: 'mdy' } }, contentScript, ID, ORIGIN).ok).toBe(false);
    for (const message of [
      { type: 'import/records', source: 'csv:x', batch: {} },
      { type: 'import/delete', source: 'csv:x' },
      { type: 'table/pick', tabId: 3 },
    ]) {
      expect(admit(message, contentScript, ID, ORIGIN).ok).toBe(false);
      expect(admit(message, optionsPage, ID, ORIGIN).ok).toBe(true);
    }
  });

  it('refuses batches over the limit, unknown lists and sources that pass for a CRM', () => {
    expect(
      admit({ type: 'table/rows', kind: 'deals', batch: { deals: Array.from({ length: 501 }, () => ({})) }, rows: 0, rejected: 0 }, contentScript, ID, ORIGIN)
        .ok,
    ).toBe(false);
    expect(admit({ type: 'table/rows', kind: 'deals', batch: { quotas: [] }, rows: 0, rejected: 0 }, contentScript, ID, ORIGIN).ok).toBe(false);
    expect(admit({ type: 'import/records', source: 'pipedrive:acme', batch: {} }, optionsPage, ID, ORIGIN).ok).toBe(false);
    expect(admit({ type: 'import/records', source: 'csv:', batch: {} }, optionsPage, ID, ORIGIN).ok).toBe(false);
    expect(admit({ type: 'import/records', source: 'csv:q3', batch: { deals: Array.from({ length: 2001 }, () => ({})) } }, optionsPage, ID, ORIGIN).ok).toBe(
      false,
    );
  });
});
