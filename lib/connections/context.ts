import { bitrixSessionBaseUrl } from '../adapters/bitrix24/session';
import { CrmError, isCrmError } from '../adapters/errors';
import { readAccountInfo } from '../adapters/hubspot/account';
import { readOrgSettings } from '../adapters/salesforce/org';
import type { AdapterContext, CrmAdapter, FetchLike } from '../adapters/types';
import { assertAddress, assertConnectionAddresses, guardedFetch, type AddressPolicy } from './addresses';
import { CRM_CATALOG, isConnectable, supportsSession } from './catalog';
import type { Relay } from './relay-client';
import { refreshingFetch } from './salesforce-oauth';
import type { Connection } from './types';

/** An adapter context with the account facts the Salesforce and HubSpot adapters read. */
export type PreparedContext = AdapterContext & { currency?: string; multiCurrency?: boolean; portalId?: string };

/** How a browser session is reached; absent in Node (the CLI signs in with tokens only). */
export type SessionAccess = {
  /** A cookie's value; `no-permission` when the rep has not allowed KPI Lens to read cookies. */
  cookie(url: string, name: string): Promise<string | undefined | 'no-permission'>;
  relay(origin: string): Relay;
};

export type ContextDeps = {
  /** Direct requests (the background's own fetch, or Node's). */
  fetch: FetchLike;
  /** The clock the adapters measure waits and budgets on (adapters read none of their own). */
  now: () => number;
  timeZone: string;
  pageSize?: number;
  /** The connection as stored now: a token changed in the options applies to the next page, a removed one stops the sync. */
  load: (source: string) => Promise<Connection | undefined>;
  update: (source: string, change: (current: Connection) => Connection) => Promise<unknown>;
  session?: SessionAccess;
  /** Where credentials may be sent (see addresses.ts): checked before any request carries one. */
  addresses: AddressPolicy;
};

/** While no tab of a session-only CRM is open, the sync waits this long before looking again. */
export const NO_TAB_RETRY_MS = 60_000;

function label(connection: Connection): string {
  return isConnectable(connection.crm) ? CRM_CATALOG[connection.crm].label : 'The CRM';
}

/**
 * Builds the context the adapter uses for one request, the same way for the
 * sync and for the options' "Test": who signs in and how (token, relayed page
 * session, Salesforce session cookie, OAuth with refresh), and the account facts
 * read once per connection (Salesforce currency settings, HubSpot portal and
 * currency). Every failure is a CrmError saying what the rep can do.
 */
export async function prepareContext(source: string, deps: ContextDeps): Promise<PreparedContext> {
  const connection = await deps.load(source);
  if (!connection) throw new CrmError('auth', 'This CRM is no longer connected', 'Connect it again in KPI Lens options → Connections.');
  // A stored address that is not the CRM's (rewritten by anyone) gets no credential, and neither
  // does any address a request is later made to.
  assertConnectionAddresses(connection, deps.addresses);
  const ctx: PreparedContext = {
    fetch: guardedFetch(deps.fetch, connection.crm, deps.addresses),
    now: deps.now,
    baseUrl: connection.apiBase,
    appUrl: connection.appUrl,
    auth: connection.auth,
    source,
    timeZone: deps.timeZone,
    pageSize: deps.pageSize,
  };
  if (connection.auth.kind === 'session') await signInWithSession(connection, ctx, deps);
  if (connection.auth.kind === 'bearer' && connection.oauth) {
    const grant = connection.oauth;
    ctx.fetch = refreshingFetch(ctx.fetch, grant, async (tokens) => {
      await deps.update(source, (current) => ({
        ...current,
        auth: { kind: 'bearer', token: tokens.access_token },
        oauth: { ...grant, refreshToken: tokens.refresh_token ?? grant.refreshToken },
      }));
    });
  }
  await readAccountFacts(connection, ctx, deps);
  return ctx;
}

async function signInWithSession(connection: Connection, ctx: PreparedContext, deps: ContextDeps): Promise<void> {
  const { session } = deps;
  const name = label(connection);
  if (connection.crm === 'sandbox') return; // loopback, no cookies: the background's own requests do
  if (!supportsSession(connection.crm)) {
    throw new CrmError(
      'auth',
      `${name} does not let KPI Lens use your browser session`,
      `Add a ${name} ${connection.crm === 'close' ? 'API key' : 'private app token'} in KPI Lens options → Connections.`,
    );
  }
  if (!session) throw new CrmError('auth', `${name} session sign-in works only in the browser`, 'Use an API token here.');
  if (connection.crm === 'salesforce') {
    const sid = await session.cookie(connection.apiBase, 'sid');
    if (sid === 'no-permission') {
      throw new CrmError(
        'auth',
        'KPI Lens may not read your Salesforce session',
        'In KPI Lens options → Connections, connect Salesforce again and allow access, or sign in with OAuth.',
      );
    }
    if (!sid) throw new CrmError('auth', 'No Salesforce session was found', 'Open Salesforce in a tab and sign in, then sync again.');
    ctx.auth = { kind: 'bearer', token: sid };
    return;
  }
  const relay = session.relay(new URL(connection.appUrl).origin);
  if (!(await relay.available())) {
    throw new CrmError(
      'rate-limit',
      `No ${name} tab is open`,
      `Open ${name} in a tab to sync, or use an API token in KPI Lens options → Connections.`,
      NO_TAB_RETRY_MS,
    );
  }
  ctx.fetch = guardedFetch(relay.fetch, connection.crm, deps.addresses);
  if (connection.crm === 'bitrix24') {
    const sessid = await relay.bitrixSessid().catch(() => null);
    if (!sessid)
      throw new CrmError(
        'auth',
        'The Bitrix24 page did not give its session',
        'Reload the Bitrix24 tab, or connect with an inbound webhook in KPI Lens options.',
      );
    ctx.baseUrl = bitrixSessionBaseUrl(connection.appUrl, sessid);
    assertAddress(connection.crm, ctx.baseUrl, deps.addresses);
  }
}

async function readAccountFacts(connection: Connection, ctx: PreparedContext, deps: ContextDeps): Promise<void> {
  const details = connection.details ?? {};
  if (connection.crm === 'salesforce') {
    if (details.multiCurrency === undefined) {
      Object.assign(details, await readOrgSettings(ctx));
      await deps.update(connection.source, (current) => ({ ...current, details: { ...current.details, ...details } }));
    }
    ctx.currency = details.currency;
    ctx.multiCurrency = details.multiCurrency;
  }
  if (connection.crm === 'hubspot') {
    if (details.portalId === undefined) {
      const info = await readAccountInfo(ctx);
      Object.assign(details, { portalId: info.portalId, currency: info.currency });
      await deps.update(connection.source, (current) => ({ ...current, details: { ...current.details, ...details } }));
    }
    ctx.portalId = details.portalId;
    ctx.currency = details.currency;
  }
}

/**
 * The adapter as a sync job uses it: every page (and whoAmI) is made with a
 * freshly prepared context, and sign-in problems of OAuth connections say to
 * connect again rather than to reload a tab.
 */
export function withConnection(adapter: CrmAdapter, source: string, deps: ContextDeps): CrmAdapter {
  const run = async <T>(task: (ctx: PreparedContext) => Promise<T>): Promise<T> => {
    const ctx = await prepareContext(source, deps);
    try {
      return await task(ctx);
    } catch (error) {
      if (isCrmError(error) && error.kind === 'auth' && ctx.auth.kind === 'bearer' && adapter.id === 'salesforce' && (await deps.load(source))?.oauth) {
        throw new CrmError('auth', error.message, 'Connect Salesforce again in KPI Lens options → Connections (OAuth).', undefined, error.status);
      }
      throw error;
    }
  };
  const whoAmI = adapter.whoAmI;
  return {
    ...adapter,
    fetchPage: (_ctx, object, cursor, since) => run((ctx) => adapter.fetchPage(ctx, object, cursor, since)),
    whoAmI: whoAmI ? () => run((ctx) => whoAmI.call(adapter, ctx)) : undefined,
  };
}
