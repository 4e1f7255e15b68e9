/**
 * No request leaves for anywhere but the rep's CRM: a full end-to-end run (the sidebar on the
 * sandbox CRM and its first sync, a "Sync now", the KPI catalogue, the weekly summary, options,
 * popup and side panel) with every request recorded twice, independently:
 * - Playwright's request events for the whole browser context: pages, the sidebar's frame and the
 *   background service worker (shown to see the worker's own fetches to the CRM's API);
 * - Chromium's NetLog (test/fixtures/net-log.ts): every request of the network service, every host
 *   name resolved and every socket connected, whoever asked.
 * Every request goes to the sandbox CRM's origin or to the extension itself, never elsewhere.
 * Chromium's own background requests (no origin asked for them: component updates, account checks
 * — measured on 156 despite the harness's flags) are told apart by the NetLog's initiator and
 * isolation key, listed, and must not name the extension or the CRM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';
import { isBrowserOwn, netLogChromium, readNetLog, type NetLogSummary } from '../fixtures/net-log';

type Seen = { url: string; fromServiceWorker: boolean; resourceType: string };

const netLog = netLogChromium();
const previousChromium = process.env.CHROMIUM_PATH;
let world: E2eWorld | undefined;
let seen: Seen[];
let logged: NetLogSummary;
let crmOrigin: string;
let extensionId: string;
/** The extension's per-session id: the content script frames the sidebar at chrome-extension://<dynamic id>/ (use_dynamic_url). */
let dynamicId: string;

beforeAll(async () => {
  process.env.CHROMIUM_PATH = netLog.executable;
  world = await startWorld({ scale: 0.1 });
  crmOrigin = world.crm.url;
  extensionId = world.browser.extensionId;
  dynamicId = await world.browser.serviceWorker.evaluate(
    () => (globalThis as unknown as { chrome: { runtime: { dynamicId: string } } }).chrome.runtime.dynamicId,
  );
  seen = [];
  world.browser.context.on('request', (request) =>
    seen.push({ url: request.url(), fromServiceWorker: request.serviceWorker() !== null, resourceType: request.resourceType() }),
  );
});

afterAll(async () => {
  await world?.close();
  if (previousChromium === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = previousChromium;
  netLog.cleanup();
});

/** The CRM's own origin or the extension's own files; `data:` and the extension's `blob:` URLs never reach the network. */
function allowed(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith(`blob:chrome-extension://${extensionId}/`)) return true;
  const parsed = new URL(url);
  if (parsed.protocol === 'chrome-extension:') return parsed.host === extensionId || parsed.host === dynamicId;
  return parsed.origin === crmOrigin;
}

describe('network traffic during a full run', () => {
  it('goes only to the CRM and the extension, from pages, the sidebar and the service worker alike', async () => {
    const { browser } = world!;
    const page = await openCrmPage(world!);
    const frame = await sidebarFrame(page);
    await readSidebar(frame);

    // A sync the rep asks for: the background fetches the CRM's API again.
    const before = seen.filter((request) => request.fromServiceWorker).length;
    await frame.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => seen.filter((request) => request.fromServiceWorker).length, { timeout: 30_000 }).toBeGreaterThan(before);
    await frame.waitForSelector('.sidebar[data-syncing="false"]', { timeout: 60_000 });

    await frame.getByRole('button', { name: 'All KPIs' }).click();
    await frame.getByRole('heading', { name: 'Conversion' }).waitFor();

    const summaryOpened = browser.context.waitForEvent('page', { predicate: (opened) => opened.url().includes('/summary.html') });
    await frame.getByRole('button', { name: 'Export weekly summary' }).click();
    const summary = await summaryOpened;
    await summary.waitForSelector('.summary-report[data-as-of]', { timeout: 60_000 });

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect.poll(async () => (await options.locator('[data-storage="usage"]').textContent())?.trim() ?? '—', { timeout: 30_000 }).not.toBe('—');

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await popup.waitForLoadState('load');
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await panel.waitForSelector('.sidebar', { timeout: 30_000 });

    // Closing the browser completes the NetLog.
    await world!.close();
    world = undefined;
    logged = readNetLog(netLog.logPath);

    // Playwright saw the worker's own fetches to the CRM's API, and the pages' loads of the extension's files.
    expect(seen.some((request) => request.fromServiceWorker && request.url.startsWith(`${crmOrigin}/api/v1/`))).toBe(true);
    expect(seen.some((request) => !request.fromServiceWorker && request.url.startsWith(`chrome-extension://${extensionId}/`))).toBe(true);
    expect(seen.some((request) => request.url.startsWith(`${crmOrigin}/deals`))).toBe(true);
    expect(seen.filter((request) => !allowed(request.url)).map((request) => `${request.resourceType} ${request.url}`)).toEqual([]);

    // The NetLog saw the same background traffic, and nothing else went anywhere but the CRM.
    const crmHost = new URL(crmOrigin);
    const sites = [`chrome-extension://${extensionId}`, `http://${crmHost.hostname}`];
    expect(logged.events).toBeGreaterThan(100);
    const fromWorker = logged.requests.filter(
      (request) => request.initiator === `chrome-extension://${extensionId}` && request.url.startsWith(`${crmOrigin}/api/v1/`),
    );
    expect(fromWorker.length, 'the worker’s fetches to the CRM are in the NetLog').toBeGreaterThan(13);
    const browserOwn = logged.requests.filter((request) => isBrowserOwn(request, sites));
    const ours = logged.requests.filter((request) => !isBrowserOwn(request, sites));
    expect(ours.filter((request) => !allowed(request.url)).map((request) => `${request.initiator} ${request.method} ${request.url}`)).toEqual([]);
    console.info(
      `security-network: ${ours.length} requests of the pages and the extension, all to the CRM; Chromium's own: ${browserOwn.map((request) => `${request.method} ${request.url.split('?')[0]}`).join(', ') || 'none'}`,
    );
    for (const request of browserOwn) {
      expect(request.url).not.toContain(extensionId);
      expect(request.url).not.toContain(crmHost.host);
    }
    // Host names: the CRM's, and only those Chromium's own requests asked for.
    const ownHosts = new Set(browserOwn.map((request) => new URL(request.url).hostname));
    expect(logged.resolvedHosts.filter((host) => !host.includes(crmHost.host) && ![...ownHosts].some((own) => host.includes(own)))).toEqual([]);
    expect(logged.connectedTo).toContain(crmHost.host);
  });
});
