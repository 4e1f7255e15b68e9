import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CRM_HOST_PATTERNS } from '../../lib/adapters/hosts';
import { patternCovers } from '../../lib/connections/match-patterns';
import { fakeClose, startFakeServer, type FakeServer } from '../../lib/connections/test-fake-crms';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';

/**
 * Connecting a token-based CRM from the options, in real Chromium with the
 * built extension (test build): Close, pointed at a fake Close API on loopback
 * through the test-only API base field (production builds have no such field).
 * The loopback host is granted in test builds, so the permission request the
 * click makes resolves without a prompt Playwright could not answer.
 */
const API_KEY = 'api_e2e_0123456789';
let browser: ExtensionBrowser;
let close: FakeServer;

beforeAll(async () => {
  close = await startFakeServer(fakeClose({ apiKey: API_KEY, now: Date.now() }));
  browser = await launchWithExtension({ timeZone: 'UTC', locale: 'en-US' });
});
afterAll(async () => {
  await browser?.close();
  await close?.close();
});

async function optionsPage(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.locator('section[aria-labelledby="connections-heading"]').waitFor();
  return page;
}

describe('connections in real Chromium', () => {
  it('holds no CRM host at install: every CRM host is optional, asked for at connect', async () => {
    const { granted, manifest } = await browser.serviceWorker.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { permissions: { getAll(): Promise<{ origins?: string[]; permissions?: string[] }> }; runtime: { getManifest(): Record<string, unknown> } };
        }
      ).chrome;
      return { granted: await api.permissions.getAll(), manifest: api.runtime.getManifest() };
    });
    const crmOrigins = (granted.origins ?? []).filter((origin) => ALL_CRM_HOST_PATTERNS.some((pattern) => patternCovers(pattern, origin)));
    expect(crmOrigins).toEqual([]);
    expect(granted.origins).toEqual(expect.arrayContaining(['http://127.0.0.1/*'])); // the test build's sandbox host
    expect(granted.permissions).not.toContain('cookies');
    expect(granted.permissions).not.toContain('identity');
    expect(manifest.optional_host_permissions).toEqual([...ALL_CRM_HOST_PATTERNS]);
    expect(manifest.optional_permissions).toEqual(['cookies', 'identity']);
  });

  it('connects Close with an API key, syncs it, tests it, and disconnects it with its data', async () => {
    const page = await optionsPage();
    const section = page.locator('section[aria-labelledby="connections-heading"]');
    await section.getByLabel('CRM', { exact: true }).selectOption('close');
    await section.getByLabel('API key', { exact: true }).fill(API_KEY);
    await section.getByLabel('API base URL (test builds only)').fill(`${close.url}/api/v1`);
    await section.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect
      .poll(
        () =>
          section
            .getByRole('status')
            .first()
            .textContent()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toBe('Connected Close (app.close.com), signed in as Dana Rep.');

    // The first sync starts by itself: users 2, pipeline 1 + stages 3, lead 1, opportunities 2, call 1 = 10 records.
    const card = section.getByRole('article', { name: 'Close · app.close.com' });
    await expect.poll(() => card.locator('[data-field="records"]').textContent(), { timeout: 60_000 }).toBe('10 records');
    await expect.poll(() => card.locator('.summary').textContent(), { timeout: 30_000 }).toMatch(/Synced /);
    await expect(card.getByText(/Token …6789 · Signed in as Dana Rep/).count()).resolves.toBe(1);
    await card.getByText('Synced objects').click();
    const states = await card
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-object'), row.querySelector('td:last-child')?.textContent]));
    expect(states).toEqual(['users', 'pipelines', 'leads', 'opportunities', 'calls', 'emails', 'meetings'].map((object) => [object, 'Done']));
    const basic = `Basic ${Buffer.from(`${API_KEY}:`).toString('base64')}`;
    expect(close.requests.length).toBeGreaterThan(7);
    expect(close.requests.every((request) => request.headers.authorization === basic)).toBe(true);

    await card.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => card.getByRole('status').textContent(), { timeout: 30_000 }).toBe('Works: signed in as Dana Rep.');

    await card.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await card.getByRole('button', { name: 'Disconnect and delete its data' }).click();
    await section.getByText('No CRM connected yet.').waitFor({ timeout: 30_000 });
    const left = await page.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; value: { sources: { source: string; records: number }[] } }> } };
        }
      ).chrome;
      return (await api.runtime.sendMessage({ type: 'status/get' })).value.sources.filter((source) => source.source.startsWith('close:'));
    });
    expect(left).toEqual([]);
    await page.close();
  });

  it('a refused API key is not kept, and the form says what to do', async () => {
    const page = await optionsPage();
    const section = page.locator('section[aria-labelledby="connections-heading"]');
    await section.getByLabel('CRM', { exact: true }).selectOption('close');
    await section.getByLabel('API key', { exact: true }).fill('api_wrong_key_000');
    await section.getByLabel('API base URL (test builds only)').fill(`${close.url}/api/v1`);
    await section.getByRole('button', { name: 'Connect', exact: true }).click();
    const alert = section.locator('form [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toContain('Close refused the credentials (HTTP 401)');
    expect(await section.getByText('No CRM connected yet.').count()).toBe(1);
    await page.close();
  });
});
