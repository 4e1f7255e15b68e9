/**
 * The browser discards KPI Lens's database, in real Chromium: after a first sync, the browser is
 * killed and bytes in the middle of the extension origin's IndexedDB log are damaged, as the kills
 * of the safety-kill test sometimes leave them. On the next launch Chromium finds the damage, deletes
 * the origin's IndexedDB (records, cursors and the connections' vault) and logs it. KPI Lens must
 * say so in the sidebar, and the CRM page connects the source again and syncs it all again, to
 * exactly the CRM's records. Dismissed, the notice is gone for every page.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../lib/i18n/messages';
import { browserDiscardedIndexedDb, discardedNotice, killBrowser } from '../fixtures/browser-process';
import { readExtensionDb } from '../fixtures/extension-db';
import { servedObjects, type ServedObject } from '../fixtures/sandbox-expectations';
import { allDone, contentProblems } from '../fixtures/sync-invariants';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { shownText, sidebarFrame } from '../harness/sidebar-reader';
import { sandboxDemoDataset } from '../sandbox-crm/demo-dataset';
import { startSandboxCrm, type SandboxCrm } from '../sandbox-crm/server';

const t = translator('en');
let crm: SandboxCrm;
let profile: string;
let browser: ExtensionBrowser | undefined;
let served: Map<string, ServedObject>;
let source: string;
let crmPage: Page;

beforeAll(async () => {
  crm = await startSandboxCrm({ dataset: (url) => sandboxDemoDataset(url, Date.now(), { scale: 0.2 }).dataset });
  source = `sandbox:127.0.0.1:${crm.port}`;
  served = await servedObjects(crm.dataset, source);
  profile = mkdtempSync(join(tmpdir(), 'kpi-lens-discard-'));
});

afterAll(async () => {
  await browser?.close();
  await crm?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Damages the newest LevelDB log of the extension origin's IndexedDB: bytes in its middle flipped, as a torn record left there reads. */
function damageIndexedDbLog(extensionId: string): string {
  const dir = join(profile, 'Default', 'IndexedDB', `chrome-extension_${extensionId}_0.indexeddb.leveldb`);
  const logs = readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .map((name) => ({ name, size: statSync(join(dir, name)).size }))
    .filter((log) => log.size > 4_096)
    .sort((a, b) => b.size - a.size);
  const log = logs[0];
  if (!log) throw new Error(`no IndexedDB log with records in ${dir}: ${readdirSync(dir).join(', ')}`);
  const bytes = readFileSync(join(dir, log.name));
  const middle = Math.floor(bytes.length / 2);
  for (let i = middle; i < middle + 64; i += 1) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(join(dir, log.name), bytes);
  return `${log.name} (${log.size} bytes)`;
}

describe('the browser discards a damaged database', () => {
  it('KPI Lens says so, and opening the CRM again syncs everything again', async () => {
    browser = await launchWithExtension({ userDataDir: profile, chromeLog: true });
    crmPage = await browser.context.newPage();
    await crmPage.goto(`${crm.url}/deals`);
    await expect
      .poll(async () => allDone(await readExtensionDb(browser!.serviceWorker, source, { statesOnly: true }), served), { timeout: 120_000, interval: 500 })
      .toBe(true);
    expect(await discardedNotice(browser), 'no notice for the profile’s first database').toBeUndefined();
    const { extensionId } = browser;

    const { socketDir } = await killBrowser(browser);
    // The killed browser's socket folder is not left in /tmp.
    expect(socketDir).toMatch(/org\.chromium\.Chromium\./);
    expect(existsSync(socketDir!)).toBe(false);
    const damaged = damageIndexedDbLog(extensionId);
    browser = await launchWithExtension({ userDataDir: profile, chromeLog: true });
    await expect
      .poll(() => discardedNotice(browser!), { timeout: 15_000, message: `the rep is told (damaged ${damaged})` })
      .toMatchObject({ at: expect.any(Number) });
    expect(browserDiscardedIndexedDb(profile), 'Chromium logged that it deleted the damaged database').toBe(true);
    const emptied = await readExtensionDb(browser.serviceWorker, source);
    expect(Object.values(emptied.tables).every((ids) => ids.length === 0)).toBe(true);
    expect(emptied.states).toEqual([]);

    // The rep opens the CRM: the sidebar says what happened, and the source syncs again from scratch.
    crmPage = await browser.context.newPage();
    await crmPage.goto(`${crm.url}/deals`);
    const frame = await sidebarFrame(crmPage);
    const shown = frame.locator('.notice[role="status"]');
    await expect.poll(() => shownText(shown), { timeout: 30_000 }).toContain(t('notice.discarded.title'));
    await expect
      .poll(async () => allDone(await readExtensionDb(browser!.serviceWorker, source, { statesOnly: true }), served), { timeout: 120_000, interval: 500 })
      .toBe(true);
    const final = await readExtensionDb(browser.serviceWorker, source, { content: true });
    expect(contentProblems(final, served)).toEqual([]);
    expect(final.quarantine).toEqual([]);

    await shown.getByRole('button', { name: t('notice.discarded.dismiss') }).click();
    await expect.poll(() => shown.count()).toBe(0);
    expect(await discardedNotice(browser)).toBeUndefined();
  }, 360_000);
});
