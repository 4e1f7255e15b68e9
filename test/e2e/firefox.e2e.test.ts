/**
 * The Firefox build, for real: the MV2 test build (`npm run build:test:firefox`) installed as a
 * temporary add-on in Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (see
 * test/harness/firefox.ts for what Firefox needs in a test). The sandbox CRM gets the sidebar with
 * the numbers lib/ computes (the same check as in Chromium), the rep's click on the handle toggles
 * it through the background, the options page connects a CRM, and an optional CRM host is granted
 * on the rep's click.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClose, startFakeServer, type FakeServer } from '../../lib/connections/test-fake-crms';
import { expectSidebarMatchesLib } from '../harness/expected-sidebar';
import {
  buttonNamed,
  controlLabelled,
  firefoxSidebarFrame,
  launchFirefoxWithExtension,
  openExtensionPage,
  type FirefoxWithExtension,
} from '../harness/firefox';
import { startDemoCrm } from '../harness/setup';
import { readSidebarDocument, SIDEBAR_READY } from '../harness/sidebar-reader';
import type { SandboxCrm } from '../sandbox-crm/server';
import type { DemoDataSet } from '../../lib/demo';

/**
 * The WebExtension API in the add-on's own pages, Firefox's global `browser` (taken from globalThis
 * inside each evaluate: in this file `browser` alone would be WXT's auto-import).
 */
type ExtensionApi = {
  runtime: { getManifest(): { manifest_version: number } };
  permissions: {
    getAll(): Promise<{ origins?: string[] }>;
    request(request: { origins: string[] }): Promise<boolean>;
    remove(request: { origins: string[] }): Promise<boolean>;
  };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
  storage: { local: { get(key: string): Promise<Record<string, { open?: boolean } | undefined>> } };
};
type InPage = typeof globalThis & { browser: ExtensionApi };

const TIME_ZONE = 'Europe/Berlin';
const API_KEY = 'api_firefox_0123456789';
let firefox: FirefoxWithExtension;
let crm: SandboxCrm;
let demo: DemoDataSet;
let close: FakeServer;
let options: Page;

beforeAll(async () => {
  ({ crm, demo } = await startDemoCrm({ timeZone: TIME_ZONE, scale: 0.2 }));
  close = await startFakeServer(fakeClose({ apiKey: API_KEY, now: Date.now() }));
  firefox = await launchFirefoxWithExtension({ timeZone: TIME_ZONE });
  options = await openExtensionPage(firefox, '/options.html', 'section[aria-labelledby="connections-heading"]');
});

afterAll(async () => {
  await firefox?.close();
  await crm?.close();
  await close?.close();
});

const uiOpen = () => options.evaluate(async () => (await (globalThis as InPage).browser.storage.local.get('ui:sandbox'))['ui:sandbox']?.open ?? true);

describe('KPI Lens in Firefox ESR', () => {
  it('loads the MV2 build with the sandbox host granted at install', async () => {
    const loaded = await options.evaluate(async () => ({
      version: (globalThis as InPage).browser.runtime.getManifest().manifest_version,
      origins: (await (globalThis as InPage).browser.permissions.getAll()).origins ?? [],
    }));
    expect(loaded.version).toBe(2);
    expect(loaded.origins).toEqual(expect.arrayContaining(['http://127.0.0.1/*']));
  });

  it('shows the sidebar on the sandbox CRM with the numbers lib/ computes, and the rep’s click toggles it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${crm.url}/deals`);
    const frame = await firefoxSidebarFrame(page, firefox.origin);
    await frame.waitForSelector(SIDEBAR_READY, { timeout: 120_000 });
    expectSidebarMatchesLib(await frame.evaluate(readSidebarDocument), demo, TIME_ZONE);
    // The page sees the host element, nothing inside (a closed shadow root).
    expect(
      await page.evaluate(() => ({
        shadow: document.querySelector('kpi-lens-sidebar')?.shadowRoot ?? null,
        iframes: document.querySelectorAll('iframe').length,
      })),
    ).toEqual({ shadow: null, iframes: 0 });
    // Nothing of the add-on is web-accessible in Firefox: even knowing its per-install address, a
    // page gets from the sidebar page what it gets from an add-on that is not there.
    const probe = (url: string) =>
      page.evaluate(async (address) => {
        const fetched = await fetch(address).then(
          (response) => `fetched ${response.status}`,
          (error: Error) => `failed: ${error.name}`,
        );
        const image = await new Promise<string>((resolve) => {
          const element = document.createElement('img');
          element.onload = () => resolve('loaded');
          element.onerror = () => resolve('error');
          element.src = address;
        });
        return { fetched, image };
      }, url);
    const seen = await probe(`${firefox.origin}/sidebar.html`);
    expect(seen).toEqual(await probe(`moz-extension://${crypto.randomUUID()}/sidebar.html`));
    expect(seen.fetched).toMatch(/^failed/);

    // The handle (right edge of the host, 40 % down, 84 px tall): the content script asks the background, which answers every tab.
    // By default the sidebar covers the page's right edge: the page keeps its margin (and so its layout).
    const margin = () => page.evaluate(() => document.documentElement.style.getPropertyValue('margin-right'));
    const covered = () => page.evaluate(() => document.documentElement.clientWidth - document.querySelector('kpi-lens-sidebar')!.getBoundingClientRect().left);
    const hostRect = () =>
      page.evaluate(() => document.querySelector('kpi-lens-sidebar')!.getBoundingClientRect().toJSON() as { left: number; top: number; height: number });
    expect(await uiOpen()).toBe(true);
    await expect.poll(covered).toBe(384); // 360 px of sidebar + the handle and grip, over the page
    expect(await margin()).toBe('');
    let rect = await hostRect();
    await page.mouse.click(rect.left + 9, rect.top + rect.height * 0.4 + 42);
    await expect.poll(uiOpen, { timeout: 10_000 }).toBe(false);
    await expect.poll(covered, { timeout: 10_000 }).toBeLessThan(384);
    rect = await hostRect();
    await page.mouse.click(rect.left + 9, rect.top + rect.height * 0.4 + 42);
    await expect.poll(uiOpen, { timeout: 10_000 }).toBe(true);
    await expect.poll(covered, { timeout: 10_000 }).toBe(384);
    expect(await margin()).toBe('');
    await page.close();
  });

  it('connects Close from the options page with an API key, and syncs it', async () => {
    await (await controlLabelled(options, 'CRM')).select('close');
    await (await controlLabelled(options, 'API key')).type(API_KEY);
    await (await controlLabelled(options, 'API base URL (test builds only)')).type(`${close.url}/api/v1`);
    await (await buttonNamed(options, 'Connect')).click();
    await options.waitForFunction(() => document.body.innerText.includes('Connected Close (app.close.com), signed in as Dana Rep.'), { timeout: 60_000 });
    // The first sync: users 2, pipeline 1 + stages 3, lead 1, opportunities 2, call 1 = 10 records.
    await options.waitForFunction(() => [...document.querySelectorAll('[data-field="records"]')].some((cell) => cell.textContent === '10 records'), {
      timeout: 60_000,
    });
    const basic = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;
    expect(close.requests.length).toBeGreaterThan(7);
    expect(close.requests.every((request) => request.headers.authorization === basic)).toBe(true);
  });

  it('grants an optional CRM host on the rep’s click, and the CRM content script follows it', async () => {
    // What the connect form does on the rep's click (permissions.request needs that user gesture).
    await options.evaluate(() => {
      const button = document.createElement('button');
      button.id = 'grant-pipedrive';
      button.addEventListener('click', () => {
        void (globalThis as InPage).browser.permissions
          .request({ origins: ['https://*.pipedrive.com/*'] })
          .then((granted) => (button.dataset.granted = String(granted)));
      });
      document.body.append(button);
    });
    await (await options.$('#grant-pipedrive'))!.click();
    await options.waitForFunction(() => document.getElementById('grant-pipedrive')?.dataset.granted !== undefined, { timeout: 10_000 });
    expect(await options.evaluate(() => document.getElementById('grant-pipedrive')!.dataset.granted)).toBe('true');
    expect(await options.evaluate(async () => (await (globalThis as InPage).browser.permissions.getAll()).origins)).toEqual(
      expect.arrayContaining(['https://*.pipedrive.com/*']),
    );
    const registered = () =>
      options.evaluate(async () => (await (globalThis as InPage).browser.scripting.getRegisteredContentScripts()).flatMap((script) => script.matches ?? []));
    await expect.poll(registered, { timeout: 10_000 }).toEqual(expect.arrayContaining(['https://*.pipedrive.com/*']));
    await options.evaluate(async () => void (await (globalThis as InPage).browser.permissions.remove({ origins: ['https://*.pipedrive.com/*'] })));
    await expect.poll(registered, { timeout: 10_000 }).not.toEqual(expect.arrayContaining(['https://*.pipedrive.com/*']));
  });
});
