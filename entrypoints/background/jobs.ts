import { browser } from 'wxt/browser';
import { type ContextDeps, guardedFetch, withConnection, relayFor, adapterFor, getConnection, updateConnection } from '@/lib/connections';
import type { KpiLensDb } from '@/lib/db';
import { effectiveTimeZone, loadSettings } from '@/lib/settings';
import { dexieSyncStore, type SyncJob, type SyncStepWrite } from '@/lib/sync';
import { SANDBOX_ALLOWED } from './registration';

/** Records per request; adapters clamp it to what their CRM allows. */
const PAGE_SIZE = 1000;

/** The open tabs of a CRM origin that can relay requests: the one the rep looks at first, then the most recent. */
async function tabsFor(origin: string): Promise<number[]> {
  const tabs = await browser.tabs.query({ url: `${origin}/*` });
  return tabs
    .filter((tab) => tab.id !== undefined && !tab.discarded)
    .sort((a, b) => Number(b.active) - Number(a.active) || (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))
    .map((tab) => tab.id!);
}

/**
 * How the background reaches a CRM, per connection (see lib/connections/context.ts):
 * tokens go straight from here; Salesforce's session is its `sid` cookie on the
 * org's API host, read with the cookies API (an optional permission asked at
 * connect); Pipedrive, amoCRM/Kommo and Bitrix24 sessions work only same-origin,
 * so an open tab of the CRM makes the request (the relay in crm.content).
 */
export function backgroundContextDeps(timeZone: string): ContextDeps {
  return {
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
    timeZone,
    pageSize: PAGE_SIZE,
    load: getConnection,
    update: updateConnection,
    // The CRM's own hosts only; the sandbox and test builds' fake CRMs on loopback besides.
    addresses: { kind: 'crm-hosts', loopback: SANDBOX_ALLOWED },
    session: {
      cookie: async (url, name) => {
        const allowed = await browser.permissions.contains({ permissions: ['cookies'] }).catch(() => false);
        if (!allowed || !browser.cookies) return 'no-permission';
        return (await browser.cookies.get({ url, name }))?.value || undefined;
      },
      relay: (origin) => relayFor(origin, { tabsFor, send: (tabId, message) => browser.tabs.sendMessage(tabId, message) }),
    },
  };
}

export async function backgroundTimeZone(): Promise<string> {
  return effectiveTimeZone(await loadSettings(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * The sync job of a connected source: its adapter reading through the
 * connection's context, the database. Every page re-reads the connection, so a
 * token changed in the options is used at once and a removed connection stops.
 */
export async function buildSyncJob(db: KpiLensDb, source: string, onCommitted?: (write: SyncStepWrite) => void): Promise<SyncJob | null> {
  const connection = await getConnection(source);
  const adapter = connection && adapterFor(connection.crm);
  if (!connection || !adapter) return null;
  const deps = backgroundContextDeps(await backgroundTimeZone());
  return {
    source,
    adapter: withConnection(adapter, source, deps),
    // What the engine passes along; the adapter above prepares its own context for every request.
    ctx: {
      fetch: guardedFetch(deps.fetch, connection.crm, deps.addresses),
      baseUrl: connection.apiBase,
      appUrl: connection.appUrl,
      auth: connection.auth,
      source,
      timeZone: deps.timeZone,
      pageSize: PAGE_SIZE,
    },
    store: dexieSyncStore(db, { onCommitted }),
    env: { now: () => Date.now(), random: () => Math.random() },
  };
}
