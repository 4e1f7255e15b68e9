import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../test/contracts/openapi-examples';
import * as F from '../../test/contracts/salesforce';
import type { FetchLike } from '../adapters/types';
import { resolveConnection, type ConnectDeps } from './connect';
import type { ConnectInput } from './inputs';
import { adapterFor } from './registry';

type Call = { url: URL; init?: RequestInit };

/** A fetch answering `METHOD host/path` routes; anything else is a 404. */
function routes(table: Record<string, (url: URL, init?: RequestInit) => Response>, calls: Call[] = []): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    const route = table[`${init?.method ?? 'GET'} ${url.host}${url.pathname}`];
    return route ? route(url, init) : jsonResponse({ error: 'not found' }, 404);
  };
}

function deps(fetch: FetchLike, overrides: Partial<ConnectDeps> = {}): ConnectDeps {
  return {
    fetch,
    timeZone: 'UTC',
    adapterFor,
    now: () => 1_700_000_000_000,
    allowTestApiBase: false,
    addresses: { kind: 'crm-hosts', loopback: false },
    ...overrides,
  };
}

const auth = (call: Call | undefined) => new Headers(call?.init?.headers).get('authorization');

describe('connecting a CRM from the options', () => {
  it('Close: tests the API key (Basic, key as user name) and keeps who owns it', async () => {
    const calls: Call[] = [];
    const fetch = routes(
      { 'GET api.close.com/api/v1/me/': () => jsonResponse({ id: 'user_1', first_name: 'Dana', last_name: 'Rep', email: 'dana@acme.example' }) },
      calls,
    );
    const outcome = await resolveConnection({ crm: 'close', method: 'token', token: 'api_abc' }, undefined, deps(fetch));
    expect(outcome).toEqual({
      ok: true,
      user: { ownerId: 'user_1', name: 'Dana Rep' },
      connection: {
        source: 'close:app.close.com',
        crm: 'close',
        account: 'app.close.com',
        apiBase: 'https://api.close.com/api/v1',
        appUrl: 'https://app.close.com',
        auth: { kind: 'basic', username: 'api_abc', password: '' },
        connectedAt: 1_700_000_000_000,
      },
    });
    expect(auth(calls[0])).toBe(`Basic ${btoa('api_abc:')}`);
  });

  it('a credential the CRM refuses is not kept, and the rep hears what to do', async () => {
    const fetch = routes({ 'GET api.close.com/api/v1/me/': () => jsonResponse({ error: 'Unauthorized' }, 401) });
    const outcome = await resolveConnection({ crm: 'close', method: 'token', token: 'wrong' }, undefined, deps(fetch));
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'auth', message: 'Close refused the credentials (HTTP 401)' } });
    expect(!outcome.ok && outcome.problem.userAction).toContain('paste it in KPI Lens options');
  });

  it('Pipedrive token without a domain: the company comes from /users/me, the API moves to its domain', async () => {
    const calls: Call[] = [];
    const me = () => jsonResponse({ success: true, data: { id: 17, name: 'Jo Seller', default_currency: 'EUR', company_domain: 'acme' } });
    const fetch = routes({ 'GET api.pipedrive.com/api/v1/users/me': me, 'GET acme.pipedrive.com/api/v1/users/me': me }, calls);
    const outcome = await resolveConnection({ crm: 'pipedrive', method: 'token', token: 'tok123' }, undefined, deps(fetch));
    expect(outcome).toMatchObject({
      ok: true,
      user: { ownerId: '17', name: 'Jo Seller' },
      connection: {
        source: 'pipedrive:acme',
        apiBase: 'https://acme.pipedrive.com/api',
        appUrl: 'https://acme.pipedrive.com',
        auth: { kind: 'token', token: 'tok123' },
      },
    });
    expect(calls.map((call) => call.url.host)).toEqual(['api.pipedrive.com', 'acme.pipedrive.com']);
    expect(new Headers(calls[0]?.init?.headers).get('x-api-token')).toBe('tok123');
  });

  it('HubSpot: the portal from the account, and no user for a private app token', async () => {
    const fetch = routes({
      'GET api.hubapi.com/account-info/v3/details': () => jsonResponse({ portalId: 4455, companyCurrency: 'GBP', uiDomain: 'app-eu1.hubspot.com' }),
      'GET api.hubapi.com/oauth/v1/access-tokens/pat-eu1-x': () => jsonResponse({ status: 'error', message: 'not an OAuth token' }, 400),
    });
    const outcome = await resolveConnection({ crm: 'hubspot', method: 'token', token: 'pat-eu1-x' }, undefined, deps(fetch));
    expect(outcome).toEqual({
      ok: true,
      user: undefined,
      connection: {
        source: 'hubspot:4455',
        crm: 'hubspot',
        account: '4455',
        apiBase: 'https://api.hubapi.com',
        appUrl: 'https://app-eu1.hubspot.com',
        auth: { kind: 'bearer', token: 'pat-eu1-x' },
        connectedAt: 1_700_000_000_000,
        details: { portalId: '4455', currency: 'GBP' },
      },
    });
  });

  it('Bitrix24 webhook: the URL is the API root and its user is the signed-in rep', async () => {
    const fetch = routes({
      'POST acme.bitrix24.ru/rest/7/abcd1234efgh5678/user.current': () => jsonResponse({ result: { ID: '7', NAME: 'Ivan', LAST_NAME: 'Petrov' } }),
    });
    const outcome = await resolveConnection(
      { crm: 'bitrix24', method: 'webhook', webhookUrl: 'https://acme.bitrix24.ru/rest/7/abcd1234efgh5678/' },
      undefined,
      deps(fetch),
    );
    expect(outcome).toMatchObject({
      ok: true,
      user: { ownerId: '7', name: 'Ivan Petrov' },
      connection: { source: 'bitrix24:acme.bitrix24.ru', apiBase: 'https://acme.bitrix24.ru/rest/7/abcd1234efgh5678/', auth: { kind: 'webhook' } },
    });
  });

  it('Salesforce OAuth: exchanges the code, keeps the refresh grant, reads the org and the user', async () => {
    const calls: Call[] = [];
    const fetch = routes(
      {
        'POST login.salesforce.com/services/oauth2/token': () =>
          jsonResponse({ access_token: '00D!access', refresh_token: 'refresh', instance_url: 'https://acme.my.salesforce.com', token_type: 'Bearer' }),
        'GET acme.my.salesforce.com/services/data/v60.0/query': (url) =>
          url.searchParams.get('q')?.includes('Organization')
            ? F.limitResponse(F.queryResult([{ attributes: { type: 'Organization' }, DefaultCurrencyIsoCode: 'USD' }]))
            : F.limitResponse(F.queryResult([])),
        'GET acme.my.salesforce.com/services/data/v60.0/chatter/users/me': () => jsonResponse({ id: '0055e000001AbCdAAK', name: 'Alex Rep' }),
      },
      calls,
    );
    const input: ConnectInput = { crm: 'salesforce', method: 'oauth', clientId: '3MVG9-app' };
    const outcome = await resolveConnection(
      input,
      { code: 'aPrx-code', codeVerifier: 'v'.repeat(64), redirectUri: 'https://id.chromiumapp.org/salesforce' },
      deps(fetch),
    );
    expect(outcome).toMatchObject({
      ok: true,
      user: { ownerId: '0055e000001AbCdAAK', name: 'Alex Rep' },
      connection: {
        source: 'salesforce:acme',
        apiBase: 'https://acme.my.salesforce.com',
        appUrl: 'https://acme.lightning.force.com',
        auth: { kind: 'bearer', token: '00D!access' },
        oauth: { clientId: '3MVG9-app', loginUrl: 'https://login.salesforce.com', refreshToken: 'refresh' },
        details: { currency: 'USD', multiCurrency: true },
      },
    });
    expect(String(calls[0]?.init?.body)).toContain(`code_verifier=${'v'.repeat(64)}`);
    await expect(resolveConnection(input, undefined, deps(fetch))).resolves.toMatchObject({
      ok: false,
      problem: { message: 'The Salesforce sign-in did not finish' },
    });

    // A connected app that requires its secret: the secret goes with the code and is kept for refreshes.
    const withSecret = await resolveConnection(
      { ...input, clientSecret: ' 8F2E-secret ' },
      { code: 'aPrx-code', codeVerifier: 'v'.repeat(64), redirectUri: 'https://id.chromiumapp.org/salesforce' },
      deps(fetch),
    );
    expect(withSecret).toMatchObject({ ok: true, connection: { oauth: { clientId: '3MVG9-app', clientSecret: '8F2E-secret' } } });
    const exchanges = calls
      .filter((call) => call.url.pathname === '/services/oauth2/token')
      .map((call) => new URLSearchParams(String(call.init?.body)).get('client_secret'));
    expect(exchanges).toEqual([null, '8F2E-secret']);
    await expect(resolveConnection({ ...input, clientSecret: 'two words' }, undefined, deps(fetch))).resolves.toMatchObject({
      ok: false,
      problem: { field: 'clientSecret' },
    });
  });

  it('Salesforce OAuth: an instance address that is not Salesforce’s gets no token, and nothing is kept', async () => {
    const calls: Call[] = [];
    const fetch = routes(
      {
        'POST login.salesforce.com/services/oauth2/token': () =>
          jsonResponse({ access_token: '00D!access', refresh_token: 'refresh', instance_url: 'https://evil.example', token_type: 'Bearer' }),
      },
      calls,
    );
    const input: ConnectInput = { crm: 'salesforce', method: 'oauth', clientId: '3MVG9-app' };
    const outcome = await resolveConnection(
      input,
      { code: 'c', codeVerifier: 'v'.repeat(64), redirectUri: 'https://id.chromiumapp.org/salesforce' },
      deps(fetch),
    );
    expect(outcome).toMatchObject({
      ok: false,
      problem: { kind: 'auth', message: 'KPI Lens did not send your Salesforce sign-in to evil.example: it is not an address of Salesforce' },
    });
    expect(calls.map((call) => call.url.host)).toEqual(['login.salesforce.com']);
  });

  it('a session connection is kept even when it cannot be tested yet, with what to do', async () => {
    const outcome = await resolveConnection({ crm: 'pipedrive', method: 'session', account: 'acme' }, undefined, {
      ...deps(routes({})),
      session: {
        cookie: async () => undefined,
        relay: () => ({ available: async () => false, fetch: async () => jsonResponse({}), bitrixSessid: async () => null }),
      },
    });
    expect(outcome).toMatchObject({
      ok: true,
      connection: { source: 'pipedrive:acme', auth: { kind: 'session' } },
      problem: { kind: 'rate-limit', message: 'No Pipedrive tab is open' },
    });
  });

  it('points at the form field that cannot be used, without a request', async () => {
    const calls: Call[] = [];
    const outcome = await resolveConnection({ crm: 'kommo', method: 'token', account: 'acme.example.com', token: 't' }, undefined, deps(routes({}, calls)));
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'input', field: 'account' } });
    expect(calls).toEqual([]);
  });

  it('TEST builds only: the API of a fake CRM on loopback', async () => {
    const calls: Call[] = [];
    const fetch = routes({ 'GET 127.0.0.1:4555/api/v1/me/': () => jsonResponse({ id: 'user_9', first_name: 'Test' }) }, calls);
    const input: ConnectInput = { crm: 'close', method: 'token', token: 'k', apiBase: 'http://127.0.0.1:4555/api/v1' };
    expect(await resolveConnection(input, undefined, deps(fetch, { allowTestApiBase: true, addresses: { kind: 'crm-hosts', loopback: true } }))).toMatchObject({
      ok: true,
      connection: { apiBase: 'http://127.0.0.1:4555/api/v1' },
      user: { ownerId: 'user_9' },
    });
    const production = await resolveConnection(input, undefined, deps(fetch));
    expect(production.ok).toBe(false); // the real API host, not the loopback one: here it answers 404
    expect(calls.map((call) => call.url.host)).toEqual(['127.0.0.1:4555', 'api.close.com']);
  });
});
