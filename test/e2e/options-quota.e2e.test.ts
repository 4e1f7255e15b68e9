/**
 * Options end to end: the sandbox CRM synced into the built extension in real Chromium; a quota set on
 * the options page replaces the CRM's quota for the signed-in rep, and the sidebar on the CRM page shows
 * the new attainment, checked against won amount ÷ that quota computed here from the records the
 * sandbox served (plain loops, not lib/kpi). Then the data section: storage shown, everything exported,
 * deleted (the database and storage checked empty from an extension page) and imported back.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECORD_TABLES } from '../../lib/db/schema';
import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import type { Deal } from '../../lib/model';
import { readSidebar, sidebarFrame, type SidebarReading } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';

let world: E2eWorld;
let crmPage: Page;
let frame: Frame;
let before: SidebarReading;

beforeAll(async () => {
  world = await startWorld();
  crmPage = await openCrmPage(world);
  frame = await sidebarFrame(crmPage);
  before = await readSidebar(frame); // synced, numbers on screen
});

afterAll(async () => {
  await world?.close();
});

/** USD minor units of a won deal, the way a rep's books would convert it: the CRM's USD figure, else the amount at the demo rates. */
function usdMinor(deal: Deal): number {
  if (deal.convertedAmount?.currency === 'USD') return deal.convertedAmount.minor;
  if (!deal.amount) return 0;
  if (deal.amount.currency === 'USD') return deal.amount.minor;
  const rate = DEMO_EXCHANGE_RATES[deal.amount.currency];
  if (rate === undefined) throw new Error(`the demo has no rate for ${deal.amount.currency}`);
  return Math.round(deal.amount.minor * rate); // EUR and RUB have 2 decimals like USD
}

/** The local `YYYY-MM-01` dates of the month holding `ms` in the world's zone, and of the next one. */
function monthDates(ms: number, timeZone: string): { start: string; end: string; key: string } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(ms).split('-').map(Number) as [number, number];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(month)}-01`, end: `${next[0]}-${pad(next[1]!)}-01`, key: `${year}-${pad(month)}` };
}

describe('options in real Chromium', () => {
  it("a quota set in options replaces the CRM's, and the sidebar's attainment follows it", async () => {
    const rep = world.demo.currentOwnerId;
    const month = monthDates(before.asOf, world.timeZone);
    // The sidebar's month (its data attributes) is the calendar month of the world's zone.
    expect(before.period.start).toBe(Date.parse(`${month.start}T00:00:00Z`) - offsetMs(month.start, world.timeZone));

    // Won amount of the rep this month, from the records the sandbox served.
    const won = world.demo.deals.filter(
      (deal) =>
        deal.ownerId === rep &&
        deal.status === 'won' &&
        deal.closedAt !== undefined &&
        deal.closedAt >= before.period.start &&
        deal.closedAt < before.period.end,
    );
    const wonMinor = won.reduce((sum, deal) => sum + usdMinor(deal), 0);
    const crmQuota = world.demo.quotas.find((quota) => quota.ownerId === rep && quota.startDate <= month.start && quota.endDate >= month.end);
    expect(crmQuota, 'the sandbox serves a quota for the rep this month').toBeDefined();
    // A quota far from the CRM's, so the change cannot be mistaken for noise.
    const mine = Math.max(1_000, Math.round((crmQuota!.amount.minor / 100) * 2.5));

    const options = await world.browser.context.newPage();
    await options.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
    const source = await options.locator('#options-source').inputValue();
    expect(source.startsWith('sandbox:')).toBe(true);
    // The CRM's quota is listed, marked as the CRM's.
    const targets = options.locator('#targets');
    await expect.poll(() => targets.getByRole('row').filter({ hasText: 'From the CRM' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // The form starts with the signed-in rep and this month; set the amount and save.
    expect(await options.getByLabel('Rep or team').inputValue()).toBe(`rep:${rep}`);
    expect(await options.getByLabel('Period', { exact: true }).inputValue()).toBe(month.key);
    await options.getByLabel('Amount', { exact: true }).first().fill(String(mine));
    await options.getByRole('button', { name: 'Save quota' }).click();
    await options.getByText('Saved.').first().waitFor({ timeout: 30_000 });
    // The CRM quotas within this month are replaced (a CRM quarter quota is not: it stays for the quarter view).
    const replaced = world.demo.quotas.filter((quota) => quota.ownerId === rep && quota.startDate >= month.start && quota.endDate <= month.end).length;
    expect(replaced).toBeGreaterThan(0);
    await expect.poll(() => targets.getByRole('row').filter({ hasText: 'replaced by yours' }).count(), { timeout: 30_000 }).toBe(replaced);

    // The sidebar in the CRM tab recomputes against the new quota: won amount ÷ the new quota.
    // Money inside the product is in minor units (cents).
    await expect.poll(async () => Number(await frame.getAttribute('[data-kpi="quota.amount"]', 'data-value')), { timeout: 60_000 }).toBe(mine * 100);
    const expected = (wonMinor / (mine * 100)) * 100;
    const after = await readSidebar(frame);
    expect(after.figures['quota.attainment']?.value).toBeCloseTo(expected, 6);
    // The demo data moves with the clock: on a month's first days the rep may have won nothing yet (0 % either way).
    if (wonMinor > 0) expect(after.figures['quota.attainment']?.value).not.toBeCloseTo(before.figures['quota.attainment']?.value ?? -1, 3);
    await options.close();
  });

  it('shows the storage used and whether the browser keeps it', async () => {
    const options = await world.browser.context.newPage();
    await options.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
    const usage = options.locator('[data-storage="usage"]');
    await expect.poll(async () => (await usage.textContent()) ?? '', { timeout: 30_000 }).toMatch(/\d.*MB/);
    expect(await options.locator('[data-storage="persisted"]').textContent()).toMatch(/^(Yes|No):/);
    await options.close();
  });

  it('exports everything, deletes everything (nothing left in the database or storage), and imports the export back', async () => {
    const options = await world.browser.context.newPage();
    await options.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
    const stored = () => options.evaluate(countStored, Object.values(RECORD_TABLES));
    const before = await stored();
    expect(before.records).toBeGreaterThan(1_000);

    const downloading = options.waitForEvent('download', { timeout: 120_000 });
    await options.getByRole('button', { name: 'Export everything (JSON)' }).click();
    const file = await (await downloading).path();
    await options.getByText(`Exported ${before.records.toLocaleString('en-US')} records.`).waitFor({ timeout: 120_000 });

    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByRole('button', { name: 'Yes, delete' }).click();
    await options.getByText('Everything was deleted.').waitFor({ timeout: 60_000 });
    expect(await stored()).toEqual({ records: 0, allRows: 0, local: [] });

    await options.reload();
    await options.getByLabel('KPI Lens export file').setInputFiles(file);
    await options.getByLabel('Also restore the settings from the file').check();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await options.getByText(`${before.records.toLocaleString('en-US')} records imported.`).waitFor({ timeout: 120_000 });
    const after = await stored();
    expect(after.records).toBe(before.records);
    expect(after.local).toEqual(['settings']); // connections (and their tokens) are never in an export
    await options.close();
  });
});

/** Runs in an extension page: the records stored (column store and record tables), rows of every table, and the keys in storage.local. */
async function countStored(recordTables: string[]): Promise<{ records: number; allRows: number; local: string[] }> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('kpi-lens');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const names = [...db.objectStoreNames];
  const transaction = db.transaction(names, 'readonly');
  const counts = await Promise.all(
    names.map(
      (name) =>
        new Promise<[string, number]>((resolve) => {
          const request = transaction.objectStore(name).count();
          request.onsuccess = () => resolve([name, request.result]);
        }),
    ),
  );
  // Activities, deals and leads live in the column store: one live id each in its id rows (tier 'ids', '' for a dead slot).
  const columnRows = await new Promise<{ tier?: string; ids?: string[] }[]>((resolve) => {
    const request = transaction.objectStore('columns').getAll();
    request.onsuccess = () => resolve(request.result);
  });
  const inColumns = columnRows.filter((row) => row.tier === 'ids').reduce((sum, row) => sum + row.ids!.filter((id) => id !== '').length, 0);
  db.close();
  const api = (globalThis as unknown as { chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } }).chrome;
  return {
    records: inColumns + counts.filter(([name]) => recordTables.includes(name)).reduce((sum, [, n]) => sum + n, 0),
    allRows: counts.reduce((sum, [, n]) => sum + n, 0),
    local: Object.keys(await api.storage.local.get(null)).sort(),
  };
}

/** The zone's offset from UTC at local midnight of a date (ms), for comparing with the sidebar's instants. */
function offsetMs(date: string, timeZone: string): number {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(utc);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return local - utc;
}
