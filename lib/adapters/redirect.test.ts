import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../connections/test-fake-crms';
import { bitrix24Adapter } from './bitrix24';
import { closeAdapter } from './close';
import { CrmError } from './errors';
import { credentialFetch, MAX_REDIRECTS, RedirectRefused } from './http';
import { hubspotAdapter } from './hubspot';
import { kommoAdapter } from './kommo';
import { pipedriveAdapter } from './pipedrive';
import { exchangeCode, refreshAccessToken, salesforceAdapter } from './salesforce';
import { sandboxAdapter } from './sandbox';
import type { AdapterAuth, AdapterContext, CrmAdapter } from './types';

/**
 * No credential follows a redirect to another origin (issue 16): a CRM on
 * loopback answers every request with a redirect to a second loopback server
 * (another origin) that records what reaches it. Real HTTP through Node's own
 * fetch, as the CLI makes it. The second server must never hear from KPI Lens.
 */
const SECRET = 'secret-token-0123456789';
let elsewhere: FakeServer;
let crm: FakeServer;
let redirectStatus = 302;

beforeAll(async () => {
  elsewhere = await startFakeServer(() => ({ body: { ok: true } }));
  // `localhost` against `127.0.0.1`: another host, not only another port.
  const target = elsewhere.url.replace('127.0.0.1', 'localhost');
  crm = await startFakeServer((request) => {
    if (request.path.startsWith('/same-origin/')) return { body: { data: { id: 7, name: 'Same Origin' } } };
    if (request.path.startsWith('/hop/')) return { status: 302, headers: { location: `/same-origin/${request.path.slice(5)}` }, body: '' };
    return { status: redirectStatus, headers: { location: `${target}${request.path}?${request.query}` }, body: '' };
  });
});
afterAll(async () => {
  await crm?.close();
  await elsewhere?.close();
});

function context(baseUrl: string, auth: AdapterAuth): AdapterContext {
  return { fetch: (input, init) => fetch(input, init), now: () => Date.UTC(2024, 4, 1), baseUrl, auth, source: 'test:redirect', timeZone: 'UTC', pageSize: 10 };
}

type Case = { name: string; adapter: CrmAdapter; base: (origin: string) => string; auth: AdapterAuth; object: string };
const CASES: Case[] = [
  { name: 'Pipedrive (x-api-token)', adapter: pipedriveAdapter, base: (o) => `${o}/api`, auth: { kind: 'token', token: SECRET }, object: 'users' },
  { name: 'HubSpot (Bearer)', adapter: hubspotAdapter, base: (o) => o, auth: { kind: 'bearer', token: SECRET }, object: 'owners' },
  { name: 'Salesforce (Bearer)', adapter: salesforceAdapter, base: (o) => o, auth: { kind: 'bearer', token: SECRET }, object: 'users' },
  { name: 'Close (Basic)', adapter: closeAdapter, base: (o) => `${o}/api/v1`, auth: { kind: 'basic', username: SECRET, password: '' }, object: 'users' },
  { name: 'amoCRM (Bearer)', adapter: kommoAdapter, base: (o) => `${o}/api/v4`, auth: { kind: 'bearer', token: SECRET }, object: 'users' },
  { name: 'Bitrix24 (webhook URL)', adapter: bitrix24Adapter, base: (o) => `${o}/rest/1/${SECRET}/`, auth: { kind: 'webhook' }, object: 'users' },
  { name: 'sandbox (cookies)', adapter: sandboxAdapter, base: (o) => `${o}/api/v1`, auth: { kind: 'session' }, object: 'deals' },
];

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to be refused');
}

describe('a redirect to another origin never carries a credential', () => {
  it('the servers would catch a leak: fetch left to follow sends x-api-token to the other host', async () => {
    const before = elsewhere.requests.length;
    const response = await fetch(`${crm.url}/api/v1/users`, { headers: { 'x-api-token': SECRET } });
    expect(response.status).toBe(200);
    const leaked = elsewhere.requests.slice(before);
    expect(leaked.map((request) => request.headers['x-api-token'])).toEqual([SECRET]);
  });

  for (const status of [301, 302, 303, 307, 308]) {
    it.each(CASES)(`HTTP ${status}: $name, sync page and whoAmI, refuse before sending anything there`, async ({ adapter, base, auth, object }) => {
      redirectStatus = status;
      const before = elsewhere.requests.length;
      const ctx = context(base(crm.url), auth);
      const page = await failure(() => adapter.fetchPage(ctx, object, null, null));
      expect(page).toBeInstanceOf(RedirectRefused);
      expect(page).toMatchObject({ kind: 'auth', status });
      expect((page as Error).message).toContain(`redirected the request to localhost:${new URL(elsewhere.url).port}`);
      if (adapter.whoAmI) expect(await failure(() => adapter.whoAmI!(ctx))).toBeInstanceOf(RedirectRefused);
      expect(elsewhere.requests.slice(before)).toEqual([]);
    });
  }

  it('the Salesforce token endpoint: neither the code nor the refresh token is posted on to another host (307)', async () => {
    redirectStatus = 307;
    const before = elsewhere.requests.length;
    const exchange = await failure(() =>
      exchangeCode((i, init) => fetch(i, init), {
        loginUrl: crm.url,
        clientId: 'cid',
        redirectUri: 'https://x.chromiumapp.org/',
        code: SECRET,
        codeVerifier: 'v'.repeat(43),
      }),
    );
    const refresh = await failure(() => refreshAccessToken((i, init) => fetch(i, init), { loginUrl: crm.url, clientId: 'cid', refreshToken: SECRET }));
    expect(exchange).toBeInstanceOf(RedirectRefused);
    expect(refresh).toBeInstanceOf(RedirectRefused);
    expect(elsewhere.requests.slice(before)).toEqual([]);
  });

  it('a redirect within the same origin is followed, with the credential, a few hops at most', async () => {
    const seen = crm.requests.length;
    const response = await credentialFetch((i, init) => fetch(i, init), `${crm.url}/hop/me`, { headers: { 'x-api-token': SECRET } }, 'Test CRM');
    expect(response.status).toBe(200);
    const hops = crm.requests.slice(seen);
    expect(hops.map((request) => [request.path, request.headers['x-api-token']])).toEqual([
      ['/hop/me', SECRET],
      ['/same-origin/me', SECRET],
    ]);
    let calls = 0;
    const loop = await failure(() =>
      credentialFetch(
        async (input) => {
          calls += 1;
          return new Response(null, { status: 302, headers: { location: `${input}x` } });
        },
        'https://crm.example/a',
        {},
        'Test CRM',
      ),
    );
    expect(loop).toBeInstanceOf(CrmError);
    expect(loop).toMatchObject({ kind: 'bad-response' });
    expect(calls).toBe(MAX_REDIRECTS + 1);
  });

  it('an opaque redirect (what a browser hands back for redirect: manual) is refused, its target unseen', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, redirected: false, url: '', headers: new Headers(), body: null } as unknown as Response;
    const inits: RequestInit[] = [];
    const error = await failure(() =>
      credentialFetch(async (_input, init) => (inits.push(init!), opaque), 'https://acme.pipedrive.com/api/v1/users', {}, 'Pipedrive'),
    );
    expect(error).toBeInstanceOf(RedirectRefused);
    expect(inits.map((init) => init.redirect)).toEqual(['manual']);
  });

  it('a fetch that followed anyway (ignoring redirect: manual) has its answer refused', async () => {
    const followed = new Response('{}', { status: 200 });
    Object.defineProperty(followed, 'redirected', { value: true });
    Object.defineProperty(followed, 'url', { value: 'https://elsewhere.example/api/v1/users' });
    const error = await failure(() => credentialFetch(async () => followed, 'https://acme.pipedrive.com/api/v1/users', {}, 'Pipedrive'));
    expect(error).toBeInstanceOf(RedirectRefused);
    expect((error as Error).message).toContain('elsewhere.example');
  });
});

describe('no adapter can go around the shared HTTP layer', () => {
  it('no shipped module under lib/adapters calls a fetch itself, except http.ts', () => {
    const root = join(import.meta.dirname);
    const files = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !/(^|\/)(testing\/|fake-|fixtures)/.test(file))
      .map((file) => join(root, file));
    expect(files.length).toBeGreaterThan(40);
    const callers = files.filter((file) => /(?:\.fetch|\bfetch)\s*\(/.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(callers).toEqual(['http.ts']);
  });
});
