import { describe, expect, it } from 'vitest';
import * as H from '../../test/contracts/hubspot';
import { jsonResponse } from '../../test/contracts/openapi-examples';
import * as F from '../../test/contracts/salesforce';
import { CrmError } from '../adapters/errors';
import { salesforceAdapter } from '../adapters/salesforce';
import type { FetchLike } from '../adapters/types';
import { NO_TAB_RETRY_MS, prepareContext, withConnection, type ContextDeps, type SessionAccess } from './context';
import type { Relay } from './relay-client';
import type { Connection } from './types';

/** An in-memory connection store and the deps around it. */
function world(connection: Connection | undefined, overrides: Partial<ContextDeps> = {}) {
  let stored = connection;
  const deps: ContextDeps = {
    fetch: async () => {
      throw new Error('no direct request expected');
    },
    now: () => Date.UTC(2024, 4, 1),
    timeZone: 'Europe/Berlin',
    pageSize: 200,
    load: async (source) => (stored?.source === source ? stored : undefined),
    update: async (_source, change) => {
      if (stored) stored = change(stored);
    },
    addresses: { kind: 'crm-hosts', loopback: false }, // as production builds
    ...overrides,
  };
  return { deps, stored: () => stored, remove: () => (stored = undefined), set: (next: Connection) => (stored = next) };
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

/** Each CRM's own host for an account (the addresses a production build sends credentials to). */
const HOST: Record<Connection['crm'], (account: string) => string> = {
  pipedrive: (account) => `${account}.pipedrive.com`,
  salesforce: (account) => `${account}.my.salesforce.com`,
  hubspot: () => 'api.hubapi.com',
  close: () => 'api.close.com',
  kommo: (account) => `${account}.kommo.com`,
  bitrix24: (account) => `${account}.bitrix24.ru`,
  sandbox: () => '127.0.0.1:4000',
};

const conn = (crm: Connection['crm'], account: string, auth: Connection['auth'], extra: Partial<Connection> = {}): Connection => ({
  source: `${crm}:${account}`,
  crm,
  account,
  apiBase: `https://${HOST[crm](account)}/api`,
  appUrl: `https://${HOST[crm](account)}`,
  auth,
  connectedAt: 0,
  ...extra,
});

function fakeRelay(open: boolean, sessid: string | null = null, calls: string[] = []): Relay {
  return {
    available: async () => open,
    fetch: async (input) => {
      calls.push(input);
      return jsonResponse({ relayed: true });
    },
    bitrixSessid: async () => sessid,
  };
}

describe('the context a connection signs in with', () => {
  it('token connections go straight to the API with the stored credentials', async () => {
    const pd = conn(
      'pipedrive',
      'acme',
      { kind: 'token', token: 'secret-token' },
      { apiBase: 'https://acme.pipedrive.com/api', appUrl: 'https://acme.pipedrive.com' },
    );
    const sent: string[] = [];
    const { deps } = world(pd, { fetch: async (input) => (sent.push(input), jsonResponse({ direct: true })) });
    const ctx = await prepareContext(pd.source, deps);
    expect(ctx).toMatchObject({
      baseUrl: 'https://acme.pipedrive.com/api',
      appUrl: 'https://acme.pipedrive.com',
      auth: { kind: 'token', token: 'secret-token' },
      source: 'pipedrive:acme',
      timeZone: 'Europe/Berlin',
      pageSize: 200,
    });
    expect(await (await ctx.fetch('https://acme.pipedrive.com/api/v1/users/me')).json()).toEqual({ direct: true });
    expect(sent).toEqual(['https://acme.pipedrive.com/api/v1/users/me']);
  });

  it('a removed connection stops: the next page says to connect again', async () => {
    const { deps } = world(undefined);
    expect((await failure(prepareContext('pipedrive:gone', deps))).message).toBe('This CRM is no longer connected');
  });

  it.each([
    ['hubspot', 'private app token'],
    ['close', 'API key'],
  ] as const)('%s has no session API: the sync stops without a request and says to add a %s', async (crm, what) => {
    const { deps } = world(conn(crm, 'x', { kind: 'session' }));
    const error = await failure(prepareContext(`${crm}:x`, deps));
    expect(error.kind).toBe('auth');
    expect(error.userAction).toContain(what);
  });

  describe('Salesforce session', () => {
    const sf = conn(
      'salesforce',
      'acme',
      { kind: 'session' },
      { apiBase: F.INSTANCE, appUrl: F.LIGHTNING, details: { currency: 'USD', multiCurrency: false } },
    );
    const session = (cookie: Awaited<ReturnType<SessionAccess['cookie']>>, asked: string[] = []): SessionAccess => ({
      cookie: async (url, name) => {
        asked.push(`${url} ${name}`);
        return cookie;
      },
      relay: () => fakeRelay(false),
    });

    it('sends the sid cookie of the org’s API host as a Bearer token', async () => {
      const asked: string[] = [];
      const ctx = await prepareContext(sf.source, world(sf, { session: session('00Dxx!sid', asked) }).deps);
      expect(asked).toEqual(['https://acme.my.salesforce.com sid']);
      expect(ctx.auth).toEqual({ kind: 'bearer', token: '00Dxx!sid' });
      expect(ctx).toMatchObject({ currency: 'USD', multiCurrency: false });
    });

    it.each([
      ['no-permission', 'connect Salesforce again and allow access'],
      [undefined, 'Open Salesforce in a tab and sign in'],
    ] as const)('without a readable session (%s) asks the rep to act', async (cookie, action) => {
      const error = await failure(prepareContext(sf.source, world(sf, { session: session(cookie) }).deps));
      expect(error.kind).toBe('auth');
      expect(error.userAction).toContain(action);
    });

    it('cannot use a browser session in Node', async () => {
      expect((await failure(prepareContext(sf.source, world(sf).deps))).userAction).toBe('Use an API token here.');
    });

    it('INVALID_SESSION_ID reaches the rep as "reload the Salesforce tab"', async () => {
      const fetch = F.sfFetch(() => F.limitResponse(F.sfError('INVALID_SESSION_ID', 'Session expired or invalid'), 401));
      const adapter = withConnection(salesforceAdapter, sf.source, world(sf, { fetch, session: session('old-sid') }).deps);
      const error = await failure(adapter.fetchPage(F.sfContext(fetch), 'users', null, null));
      expect({ kind: error.kind, userAction: error.userAction }).toEqual({
        kind: 'auth',
        userAction:
          'Reload your Salesforce tab (sign in again if asked), then sync again. If your org lets only approved connected apps use the API, connect with OAuth instead.',
      });
    });
  });

  describe('sessions that work only from the CRM’s own page', () => {
    it('waits, without a request, while no tab of the CRM is open', async () => {
      const pd = conn('pipedrive', 'acme', { kind: 'session' }, { appUrl: 'https://acme.pipedrive.com' });
      const origins: string[] = [];
      const error = await failure(
        prepareContext(pd.source, world(pd, { session: { cookie: async () => undefined, relay: (origin) => (origins.push(origin), fakeRelay(false)) } }).deps),
      );
      expect(origins).toEqual(['https://acme.pipedrive.com']);
      expect({ kind: error.kind, retryAfterMs: error.retryAfterMs, message: error.message }).toEqual({
        kind: 'rate-limit',
        retryAfterMs: NO_TAB_RETRY_MS,
        message: 'No Pipedrive tab is open',
      });
      expect(error.userAction).toBe('Open Pipedrive in a tab to sync, or use an API token in KPI Lens options → Connections.');
    });

    it('requests go through the open tab', async () => {
      const kommo = conn('kommo', 'acme', { kind: 'session' }, { appUrl: 'https://acme.amocrm.ru', apiBase: 'https://acme.amocrm.ru/api/v4' });
      const calls: string[] = [];
      const ctx = await prepareContext(
        kommo.source,
        world(kommo, { session: { cookie: async () => undefined, relay: () => fakeRelay(true, null, calls) } }).deps,
      );
      expect(await (await ctx.fetch('https://acme.amocrm.ru/api/v4/account')).json()).toEqual({ relayed: true });
      expect(calls).toEqual(['https://acme.amocrm.ru/api/v4/account']);
    });

    it('Bitrix24 adds the page’s sessid to the API root, and asks for a reload without one', async () => {
      const b24 = conn('bitrix24', 'acme.bitrix24.ru', { kind: 'session' }, { appUrl: 'https://acme.bitrix24.ru', apiBase: 'https://acme.bitrix24.ru/rest/' });
      const withSessid = await prepareContext(
        b24.source,
        world(b24, { session: { cookie: async () => undefined, relay: () => fakeRelay(true, 'abcdef0123456789') } }).deps,
      );
      expect(withSessid.baseUrl).toBe('https://acme.bitrix24.ru/rest/?sessid=abcdef0123456789');
      const error = await failure(
        prepareContext(b24.source, world(b24, { session: { cookie: async () => undefined, relay: () => fakeRelay(true, null) } }).deps),
      );
      expect(error.userAction).toContain('Reload the Bitrix24 tab');
    });
  });

  it('Salesforce: reads the org’s currency settings once and keeps them with the connection', async () => {
    const calls: F.SfCall[] = [];
    const fetch = F.sfFetch((_url, soql) => {
      if (soql?.includes('FROM Organization')) return F.limitResponse(F.queryResult([{ attributes: { type: 'Organization' }, DefaultCurrencyIsoCode: 'EUR' }]));
      return F.limitResponse(F.sfError('INVALID_TYPE', "sObject type 'CurrencyType' is not supported."), 400);
    }, calls);
    const sf = conn('salesforce', 'acme', { kind: 'bearer', token: 'oauth-token' }, { apiBase: F.INSTANCE, appUrl: F.LIGHTNING });
    const w = world(sf, { fetch });
    const first = await prepareContext(sf.source, w.deps);
    expect(first).toMatchObject({ currency: 'EUR', multiCurrency: false });
    expect(calls).toHaveLength(2);
    expect(w.stored()?.details).toEqual({ currency: 'EUR', multiCurrency: false });
    const second = await prepareContext(sf.source, w.deps);
    expect(second).toMatchObject({ currency: 'EUR', multiCurrency: false });
    expect(calls).toHaveLength(2); // nothing asked again
  });

  it('HubSpot: reads the portal and company currency once', async () => {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch({ 'GET /account-info/v3/details': () => ({ portalId: 1234567, companyCurrency: 'EUR', uiDomain: 'app.hubspot.com' }) }, calls);
    const hs = conn('hubspot', '1234567', { kind: 'bearer', token: 'pat-na1-x' }, { apiBase: 'https://api.hubapi.com', appUrl: 'https://app.hubspot.com' });
    const w = world(hs, { fetch });
    expect(await prepareContext(hs.source, w.deps)).toMatchObject({ portalId: '1234567', currency: 'EUR' });
    expect(await prepareContext(hs.source, w.deps)).toMatchObject({ portalId: '1234567', currency: 'EUR' });
    expect(calls.map((call) => call.url.pathname)).toEqual(['/account-info/v3/details']);
  });

  describe('Salesforce OAuth', () => {
    const grant = { clientId: '3MVG9-client', loginUrl: 'https://login.salesforce.com', refreshToken: 'refresh-1' };
    const sf = conn(
      'salesforce',
      'acme',
      { kind: 'bearer', token: 'access-1' },
      { apiBase: F.INSTANCE, appUrl: F.LIGHTNING, oauth: grant, details: { currency: 'USD', multiCurrency: false } },
    );

    it('refreshes an expired access token once, keeps the new tokens and repeats the request', async () => {
      const seen: string[] = [];
      const fetch: FetchLike = async (input, init) => {
        const url = new URL(input);
        if (url.pathname === '/services/oauth2/token') {
          seen.push(`token ${String(init?.body)}`);
          return jsonResponse({ access_token: 'access-2', refresh_token: 'refresh-2', instance_url: F.INSTANCE });
        }
        const auth = new Headers(init?.headers).get('authorization');
        seen.push(`${url.pathname} ${auth}`);
        return auth === 'Bearer access-2'
          ? F.limitResponse(F.queryResult([F.USER]))
          : F.limitResponse(F.sfError('INVALID_SESSION_ID', 'Session expired or invalid'), 401);
      };
      const w = world(sf, { fetch });
      const page = await withConnection(salesforceAdapter, sf.source, w.deps).fetchPage(F.sfContext(fetch), 'users', null, null);
      expect(page.records.owner?.map((owner) => owner.externalId)).toEqual(['0055e000001AbCdAAK']);
      expect(seen).toEqual([
        '/services/data/v60.0/query Bearer access-1',
        'token grant_type=refresh_token&refresh_token=refresh-1&client_id=3MVG9-client',
        '/services/data/v60.0/query Bearer access-2',
      ]);
      expect(w.stored()).toMatchObject({ auth: { kind: 'bearer', token: 'access-2' }, oauth: { ...grant, refreshToken: 'refresh-2' } });
    });

    it('refreshes with the consumer secret where the connected app requires it', async () => {
      const bodies: string[] = [];
      const fetch: FetchLike = async (input, init) => {
        if (new URL(input).pathname === '/services/oauth2/token') {
          bodies.push(String(init?.body));
          return jsonResponse({ access_token: 'access-2', instance_url: F.INSTANCE });
        }
        const auth = new Headers(init?.headers).get('authorization');
        return auth === 'Bearer access-2'
          ? F.limitResponse(F.queryResult([F.USER]))
          : F.limitResponse(F.sfError('INVALID_SESSION_ID', 'Session expired or invalid'), 401);
      };
      const secretive = { ...sf, oauth: { ...grant, clientSecret: 'app-secret' } };
      await withConnection(salesforceAdapter, sf.source, world(secretive, { fetch }).deps).fetchPage(F.sfContext(fetch), 'users', null, null);
      expect(bodies).toEqual(['grant_type=refresh_token&refresh_token=refresh-1&client_id=3MVG9-client&client_secret=app-secret']);
    });

    it('when the refresh is refused too, says to connect again (not to reload a tab)', async () => {
      const fetch: FetchLike = async (input) =>
        new URL(input).pathname === '/services/oauth2/token'
          ? jsonResponse({ error: 'invalid_grant', error_description: 'expired access/refresh token' }, 400)
          : F.limitResponse(F.sfError('INVALID_SESSION_ID', 'Session expired or invalid'), 401);
      const error = await failure(withConnection(salesforceAdapter, sf.source, world(sf, { fetch }).deps).fetchPage(F.sfContext(fetch), 'users', null, null));
      expect({ kind: error.kind, userAction: error.userAction }).toEqual({
        kind: 'auth',
        userAction: 'Connect Salesforce again in KPI Lens options → Connections (OAuth).',
      });
    });
  });

  it('each page reads the connection again: a token changed in the options is used at once', async () => {
    const used: (string | null)[] = [];
    const fetch: FetchLike = async (_input, init) => {
      used.push(new Headers(init?.headers).get('authorization'));
      return F.limitResponse(F.queryResult([]));
    };
    const sf = conn('salesforce', 'acme', { kind: 'bearer', token: 'first' }, { apiBase: F.INSTANCE, appUrl: F.LIGHTNING, details: { multiCurrency: false } });
    const w = world(sf, { fetch });
    const adapter = withConnection(salesforceAdapter, sf.source, w.deps);
    await adapter.fetchPage(F.sfContext(fetch), 'users', null, null);
    w.set({ ...sf, auth: { kind: 'bearer', token: 'second' } });
    await adapter.fetchPage(F.sfContext(fetch), 'users', null, null);
    expect(used).toEqual(['Bearer first', 'Bearer second']);
  });
});

describe('no credential leaves for an address that is not the CRM’s', () => {
  const noRequest: FetchLike = async (input) => {
    throw new Error(`a request left for ${input}`);
  };

  it.each([
    ['a rewritten API address', { apiBase: 'https://evil.example/api/v1' }],
    ['the CRM’s host over plain http', { apiBase: 'http://api.close.com/api/v1' }],
    ['the CRM’s host on another port', { apiBase: 'https://api.close.com:8443/api/v1' }],
    ['a look-alike host', { apiBase: 'https://api.close.com.evil.example/api/v1' }],
    ['a user name in the URL', { apiBase: 'https://evil.example@api.close.com/api/v1' }],
    ['loopback in a production build', { apiBase: 'http://127.0.0.1:9/api/v1' }],
  ])('Close with %s: refused before any request, and the rep is told to connect again', async (_what, change) => {
    const close = conn('close', 'app.close.com', { kind: 'basic', username: 'api_key_secret', password: '' }, change);
    const error = await failure(prepareContext(close.source, world(close, { fetch: noRequest }).deps));
    expect({ kind: error.kind, userAction: error.userAction }).toEqual({ kind: 'auth', userAction: 'Connect Close again in KPI Lens options → Connections.' });
    expect(error.message).toMatch(/^KPI Lens did not send your Close sign-in to .+: it is not an address of Close$/);
  });

  it('test and development builds reach the sandbox and fake CRMs on loopback, and nothing else', async () => {
    const close = conn('close', 'app.close.com', { kind: 'basic', username: 'k', password: '' }, { apiBase: 'http://127.0.0.1:4555/api/v1' });
    const ctx = await prepareContext(
      close.source,
      world(close, { fetch: async () => jsonResponse({}), addresses: { kind: 'crm-hosts', loopback: true } }).deps,
    );
    expect(ctx.baseUrl).toBe('http://127.0.0.1:4555/api/v1');
    await expect(ctx.fetch('https://evil.example/api/v1/me/')).rejects.toThrow(/did not send your Close sign-in to evil\.example/);
  });

  it('a Salesforce refresh token goes to Salesforce only: a rewritten login host is refused', async () => {
    const sf = conn(
      'salesforce',
      'acme',
      { kind: 'bearer', token: 'access-1' },
      { apiBase: F.INSTANCE, appUrl: F.LIGHTNING, oauth: { clientId: 'c', loginUrl: 'https://login.evil.example', refreshToken: 'refresh-secret' } },
    );
    const error = await failure(prepareContext(sf.source, world(sf, { fetch: noRequest }).deps));
    expect(error.message).toContain('login.evil.example');
  });

  it('a session connection whose page address was rewritten asks no tab to relay', async () => {
    const pd = conn('pipedrive', 'acme', { kind: 'session' }, { appUrl: 'https://evil.example' });
    const origins: string[] = [];
    const error = await failure(
      prepareContext(pd.source, world(pd, { session: { cookie: async () => undefined, relay: (origin) => (origins.push(origin), fakeRelay(true)) } }).deps),
    );
    expect(error.message).toContain('evil.example');
    expect(origins).toEqual([]);
  });

  it('an address a request is made to later (a next-page link the CRM returned) is held to the same rule', async () => {
    const sent: string[] = [];
    const pd = conn('pipedrive', 'acme', { kind: 'token', token: 'secret-token' });
    const ctx = await prepareContext(pd.source, world(pd, { fetch: async (input) => (sent.push(input), jsonResponse({})) }).deps);
    await ctx.fetch('https://acme.pipedrive.com/api/v1/deals?start=100');
    await expect(ctx.fetch('https://next.evil.example/api/v1/deals?start=200', { headers: { 'x-api-token': 'secret-token' } })).rejects.toMatchObject({
      kind: 'auth',
    });
    expect(sent).toEqual(['https://acme.pipedrive.com/api/v1/deals?start=100']);
  });

  it('the CLI sends to the address the rep gave on the command line', async () => {
    const close = conn('close', 'app.close.com', { kind: 'basic', username: 'k', password: '' }, { apiBase: 'http://mock.internal:4010/api/v1' });
    const ctx = await prepareContext(close.source, world(close, { fetch: async () => jsonResponse({ ok: true }), addresses: { kind: 'as-given' } }).deps);
    expect(await (await ctx.fetch('http://mock.internal:4010/api/v1/me/')).json()).toEqual({ ok: true });
  });
});
