import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../lib/connections/test-fake-crms';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';

/**
 * No credential follows a redirect to another host (issue 16), in real
 * Chromium with the built extension (test build): a fake Pipedrive on loopback
 * answers who the token belongs to, then redirects every sync request (302) to
 * a second server on another host (`localhost` against `127.0.0.1`) that records
 * every request. The extension connects, starts its first sync, refuses the
 * redirect and says so; the second server never hears from it. A control fetch
 * from the same service worker, left to follow the redirect, shows that the
 * second server does receive `x-api-token` when a request follows.
 */
const TOKEN = 'pd_e2e_0123456789abcdef0123456789';
const CONTROL = 'control-token-not-the-reps';
let browser: ExtensionBrowser;
let pipedrive: FakeServer;
let elsewhere: FakeServer;

beforeAll(async () => {
  elsewhere = await startFakeServer(() => ({ body: { success: true, data: [], additional_data: { pagination: { more_items_in_collection: false } } } }));
  const target = elsewhere.url.replace('127.0.0.1', 'localhost');
  pipedrive = await startFakeServer((request) => {
    if (request.path === '/api/v1/users/me') {
      if (request.headers['x-api-token'] !== TOKEN) return { status: 401, body: { success: false, error: 'unauthorized access' } };
      return { body: { success: true, data: { id: 501, name: 'Dana Rep', email: 'dana@acme.example', company_domain: 'acme', default_currency: 'EUR' } } };
    }
    return { status: 302, headers: { location: `${target}${request.path}?${request.query}` }, body: '' };
  });
  browser = await launchWithExtension({ timeZone: 'UTC', locale: 'en-US' });
});

afterAll(async () => {
  await browser?.close();
  await pipedrive?.close();
  await elsewhere?.close();
});

describe('a CRM that redirects to another host, in real Chromium', () => {
  it('connects, refuses the redirected sync request with a clear problem, and sends the token nowhere else', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = page.locator('section[aria-labelledby="connections-heading"]');
    await section.waitFor();
    await section.getByLabel('CRM', { exact: true }).selectOption('pipedrive');
    await section.getByRole('radio', { name: 'Personal API token' }).check();
    await section.locator('input[type="password"]').fill(TOKEN);
    await section.getByLabel('API base URL (test builds only)').fill(`${pipedrive.url}/api`);
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
      .toContain('signed in as Dana Rep');

    // The first sync starts by itself; its first request (users) is redirected and refused.
    const card = section.getByRole('article', { name: 'Pipedrive · acme' });
    const problem = card.locator('.problem[role="alert"]');
    await expect.poll(() => problem.textContent().catch(() => ''), { timeout: 60_000 }).toContain('Pipedrive redirected the request');
    // Chromium hands back an opaque redirect: its target is hidden, so it is refused unseen.
    expect(await problem.textContent()).toContain('KPI Lens does not send your credentials where it cannot check');
    expect(pipedrive.requests.some((request) => request.path === '/api/v1/users' && request.headers['x-api-token'] === TOKEN)).toBe(true);
    expect(elsewhere.requests).toEqual([]);

    // "Sync now" meets the same refusal: still nothing reaches the other host.
    const seenBefore = pipedrive.requests.length;
    await card.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => pipedrive.requests.length, { timeout: 30_000 }).toBeGreaterThan(seenBefore);
    await expect.poll(() => problem.textContent().catch(() => ''), { timeout: 30_000 }).toContain('redirected the request');
    expect(elsewhere.requests).toEqual([]);

    // Control: the same worker's plain fetch follows the 302 and hands its custom header to the other host.
    const status = await browser.serviceWorker.evaluate(async ({ url, token }) => (await fetch(url, { headers: { 'x-api-token': token } })).status, {
      url: `${pipedrive.url}/api/v1/deals`,
      token: CONTROL,
    });
    expect(status).toBe(200);
    expect(elsewhere.requests.map((request) => request.headers['x-api-token'])).toEqual([CONTROL]);
    expect(elsewhere.requests.some((request) => JSON.stringify(request.headers).includes(TOKEN))).toBe(false);
    await page.close();
  });
});
