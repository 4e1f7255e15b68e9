/**
 * Credentials are locked to the extension, in real Chromium with the test build: a Close API key
 * (connected from the options to a fake Close on loopback) lives where no content script can
 * reach it, and a connection whose API address was rewritten gets no key.
 * - Code in the CRM content script's own world (reached through the DevTools protocol, as
 *   test/fixtures/hostile-probes.ts does) can neither read nor write storage.local (closed to
 *   content scripts at every worker start), and its IndexedDB is the page's, not the extension's.
 * - A connection whose stored API address points elsewhere (rewritten behind KPI Lens's back: here
 *   from the worker, the only place it can still be done) is refused by "Test" before any request
 *   leaves: the other host, which records what it would have been sent, sees nothing.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeClose, startFakeServer, type FakeServer } from '../../lib/connections/test-fake-crms';
import { VAULT_DB_NAME } from '../../lib/connections/vault';
import { contentScriptWorld } from '../fixtures/hostile-probes';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';
import { sidebarFrame } from '../harness/sidebar-reader';

/** The extension API the tests call in the service worker. */
declare const chrome: {
  storage: { local: { get(keys: string | null): Promise<Record<string, unknown>> }; session: { get(key: string): Promise<Record<string, unknown>> } };
};

const API_KEY = 'api_e2e_locked_0123456789';
const ELSEWHERE = 'https://collector.evil.example';
let world: E2eWorld;
let close: FakeServer;
let options: Page;
const requests: Request[] = [];

beforeAll(async () => {
  close = await startFakeServer(fakeClose({ apiKey: API_KEY, now: Date.now() }));
  world = await startWorld({ scale: 0.05 });
  world.browser.context.on('request', (request) => requests.push(request));
  options = await world.browser.context.newPage();
  await options.goto(`chrome-extension://${world.browser.extensionId}/options.html`);
  const section = options.locator('section[aria-labelledby="connections-heading"]');
  await section.waitFor();
  await section.getByLabel('CRM', { exact: true }).selectOption('close');
  await section.getByLabel('API key', { exact: true }).fill(API_KEY);
  await section.getByLabel('API base URL (test builds only)').fill(`${close.url}/api/v1`);
  await section.getByRole('button', { name: 'Connect', exact: true }).click();
  await section.getByText('Connected Close (app.close.com), signed in as Dana Rep.').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await world?.close();
  await close?.close();
});

/**
 * How the first sync of the Close connection ended ('done' or 'stopped'), once it has: the connection
 * starts it, and on a busy machine it may still be fetching from the real address when a test
 * rewrites the stored one (a run keeps the connection it started with).
 */
const closeSyncEnded = () =>
  world.browser.serviceWorker.evaluate(async () => {
    const key = 'sync-result:close:app.close.com';
    const result = (await chrome.storage.session.get(key))[key] as { status?: string } | undefined;
    return result?.status === 'done' || result?.status === 'stopped' ? result.status : null;
  });

/** The connections as the vault holds them (read from the worker, an extension context). */
const vault = (change?: { crm: string; apiBase: string }) =>
  world.browser.serviceWorker.evaluate(
    async ({ name, change }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const tx = db.transaction('connections', 'readwrite');
        const store = tx.objectStore('connections');
        const all = store.getAll();
        all.onsuccess = () => {
          const found = all.result as Record<string, unknown>[];
          for (const row of found) if (change && row.crm === change.crm) store.put({ ...row, apiBase: change.apiBase });
          tx.oncomplete = () => resolve(found);
        };
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return rows;
    },
    { name: VAULT_DB_NAME, change },
  );

describe('credentials locked to the extension', () => {
  it('keeps the key in the extension’s own IndexedDB, out of storage.local', async () => {
    const stored = await vault();
    expect(stored.filter((row) => row.crm === 'close').map((row) => [row.source, row.apiBase, (row.auth as { username?: string }).username])).toEqual([
      ['close:app.close.com', `${close.url}/api/v1`, API_KEY],
    ]);
    const local = await world.browser.serviceWorker.evaluate(async () => chrome.storage.local.get(null));
    expect(Object.keys(local)).not.toContain('connections');
    expect(JSON.stringify(local)).not.toContain(API_KEY);
  });

  it('code in the content script’s own world can neither read nor rewrite a connection, nor any extension storage', async () => {
    const page = await openCrmPage(world);
    await sidebarFrame(page); // the content script runs and framed the sidebar through the background
    const own = await contentScriptWorld(page, world.browser.extensionId);
    const attempt = (code: string) =>
      own.evaluate(`(${code}).then((value) => ({ value }), (error) => ({ error: String(error && error.message) }))`) as Promise<{
        value?: unknown;
        error?: string;
      }>;
    const forged = JSON.stringify([
      {
        source: 'close:app.close.com',
        crm: 'close',
        account: 'app.close.com',
        apiBase: `${ELSEWHERE}/api/v1`,
        appUrl: 'https://app.close.com',
        auth: { kind: 'basic', username: 'x', password: '' },
        connectedAt: 1,
      },
    ]);
    const tries = {
      readLocal: await attempt('chrome.storage.local.get(null)'),
      writeConnections: await attempt(`chrome.storage.local.set({ connections: ${forged} })`),
      writeUi: await attempt(`chrome.storage.local.set({ 'ui:sandbox': { open: false, width: 700 } })`),
      clearLocal: await attempt('chrome.storage.local.clear()'),
      readSession: await attempt('chrome.storage.session.get(null)'),
      databases: await attempt('indexedDB.databases().then((list) => list.map((db) => db.name))'),
    };
    for (const name of ['readLocal', 'writeConnections', 'writeUi', 'clearLocal', 'readSession'] as const) {
      expect(tries[name].error, `${name}: ${JSON.stringify(tries[name])}`).toBe('Access to storage is not allowed from this context.');
    }
    // The content script's IndexedDB is the page's origin: the vault is not there.
    expect(tries.databases.value).not.toContain(VAULT_DB_NAME);
    await own.session.detach();
    // Nothing changed: the key and its address are as connected (beside the sandbox, connected by its page), the sidebar state untouched.
    expect((await vault()).filter((row) => row.crm === 'close').map((row) => row.apiBase)).toEqual([`${close.url}/api/v1`]);
    const ui = await world.browser.serviceWorker.evaluate(
      async () => (await chrome.storage.local.get('ui:sandbox'))['ui:sandbox'] as { width?: number } | undefined,
    );
    expect(ui?.width).not.toBe(700);
    await page.close();
  });

  it('refuses a rewritten API address before the key leaves, and says to connect again', async () => {
    // The other host answers and records what it gets: had the key been sent, it would be seen here.
    const received: { url: string; authorization: string | null }[] = [];
    await world.browser.context.route(`${ELSEWHERE}/**`, (route) => {
      received.push({ url: route.request().url(), authorization: route.request().headers().authorization ?? null });
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"id":"user_x","first_name":"Mallory"}' });
    });
    // The control: a request from the worker to that host is seen (the route does catch the worker's traffic).
    await world.browser.serviceWorker.evaluate(async (url) => void (await fetch(url).then((response) => response.text())), `${ELSEWHERE}/control`);
    await expect.poll(() => received.map((entry) => entry.url)).toEqual([`${ELSEWHERE}/control`]);

    // Every request to the real Close from now on would be this test's: the connection's own sync is over.
    await expect.poll(closeSyncEnded, { timeout: 60_000 }).toBe('done');
    await vault({ crm: 'close', apiBase: `${ELSEWHERE}/api/v1` });
    const closeRequestsBefore = close.requests.length;
    const section = options.locator('section[aria-labelledby="connections-heading"]');
    const card = section.getByRole('article', { name: 'Close · app.close.com' });
    await card.getByRole('button', { name: 'Test', exact: true }).click();
    const outcome = card.locator('.outcome[role="alert"]');
    await expect
      .poll(() => outcome.textContent().catch(() => ''), { timeout: 30_000 })
      .toContain('KPI Lens did not send your Close sign-in to collector.evil.example: it is not an address of Close');
    expect(await outcome.textContent()).toContain('Connect Close again in KPI Lens options → Connections.');

    // Nothing left for the other host (only the control), nor for anywhere else with the key.
    await options.waitForTimeout(1_000);
    expect(received.map((entry) => entry.url)).toEqual([`${ELSEWHERE}/control`]);
    expect(requests.filter((request) => request.url().startsWith(ELSEWHERE)).map((request) => request.url())).toEqual([`${ELSEWHERE}/control`]);
    expect(close.requests.length).toBe(closeRequestsBefore);
    await world.browser.context.unroute(`${ELSEWHERE}/**`);
  });
});
