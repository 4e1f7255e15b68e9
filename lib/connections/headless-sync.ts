import { parseWebhookUrl } from '../adapters/bitrix24/detect';
import { CLOSE_APP_URL } from '../adapters/close/detect';
import type { CrmId } from '../adapters/hosts';
import { readAccountInfo } from '../adapters/hubspot/account';
import { detectKommo } from '../adapters/kommo/detect';
import { detectPipedrive } from '../adapters/pipedrive/detect';
import { detectSalesforce } from '../adapters/salesforce/detect';
import type { AdapterAuth, FetchLike } from '../adapters/types';
import type { QuarantineEntry, SyncObjectState } from '../db/types';
import type { SyncJob } from '../sync/engine';
import { memorySyncStore, type MemorySyncStore } from '../sync/memory-store';
import { runSync, type RunResult, type SyncProgress } from '../sync/runner';
import { stateKey } from '../sync/store';
import { problemOf, testConnection, type ConnectProblem } from './connect';
import { withConnection, type ContextDeps } from './context';
import { adapterFor } from './registry';
import { sourceOf, type Connection } from './types';

export type HeadlessCrm = Exclude<CrmId, 'sandbox'>;

export type HeadlessSyncOptions = {
  crm: HeadlessCrm;
  /** The API root (a Bitrix24 webhook URL for Bitrix24). */
  baseUrl: string;
  token?: string;
  /** The account key of the records' `source`; read from the URL (or HubSpot's account) when absent. */
  account?: string;
  /** Only records updated at or after this instant, where the CRM can filter so. */
  since?: number;
  timeZone: string;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Longest wait (rate limit, exhausted budget) sat through before stopping. */
  maxWaitMs: number;
  onProgress?: (progress: SyncProgress) => void;
};

export type HeadlessSyncResult =
  | { ok: false; stage: 'check'; problem: ConnectProblem }
  | {
      ok: boolean;
      stage: 'sync';
      source: string;
      result: RunResult;
      store: MemorySyncStore;
      states: SyncObjectState[];
      user?: { ownerId: string; name: string };
    };

/** How each CRM signs in with the one credential the CLI takes. */
function authFor(crm: HeadlessCrm, token: string | undefined): AdapterAuth {
  if (crm === 'bitrix24') return { kind: 'webhook' };
  const value = token ?? '';
  if (crm === 'pipedrive') return { kind: 'token', token: value };
  if (crm === 'close') return { kind: 'basic', username: value, password: '' };
  return { kind: 'bearer', token: value };
}

/** The account key and record links from the API URL, as the extension would name the same account. */
function accountOf(crm: HeadlessCrm, baseUrl: string): { account: string; appUrl: string } {
  const url = new URL(baseUrl);
  const fallback = { account: url.host, appUrl: url.origin };
  switch (crm) {
    case 'pipedrive': {
      const detected = detectPipedrive(url);
      return detected ? { account: detected.account, appUrl: detected.appUrl } : fallback;
    }
    case 'salesforce': {
      const detected = detectSalesforce(url);
      return detected ? { account: detected.account, appUrl: detected.appUrl } : fallback;
    }
    case 'kommo': {
      const detected = detectKommo(url);
      return detected ? { account: detected.account, appUrl: detected.appUrl } : fallback;
    }
    case 'bitrix24': {
      const hook = parseWebhookUrl(baseUrl);
      return { account: url.host, appUrl: hook?.appUrl ?? url.origin };
    }
    case 'hubspot':
      return { account: url.host, appUrl: 'https://app.hubspot.com' };
    case 'close':
      return { account: 'app.close.com', appUrl: CLOSE_APP_URL };
  }
}

/**
 * The extension's sync, run in Node: the same adapter, prepared the same way
 * (lib/connections/context.ts), the same engine, into a memory store. First a
 * check that the credentials work (so a wrong token or URL fails in a second,
 * not after minutes of retries), then the run; `since` starts it as an
 * incremental run from that instant.
 */
export async function headlessSync(options: HeadlessSyncOptions): Promise<HeadlessSyncResult> {
  const adapter = adapterFor(options.crm)!;
  const named = accountOf(options.crm, options.baseUrl);
  let connection: Connection = {
    source: '',
    crm: options.crm,
    account: options.account ?? named.account,
    apiBase: options.baseUrl,
    appUrl: named.appUrl,
    auth: authFor(options.crm, options.token),
    connectedAt: options.now(),
  };
  const deps: ContextDeps = {
    fetch: options.fetch,
    now: options.now,
    timeZone: options.timeZone,
    pageSize: 500,
    load: async () => connection,
    update: async (_source, change) => {
      connection = change(connection);
    },
    // The rep names the API address on the command line (a mock server, a self-hosted Bitrix24).
    addresses: { kind: 'as-given' },
  };
  if (options.crm === 'hubspot' && options.account === undefined) {
    try {
      const info = await readAccountInfo({
        fetch: options.fetch,
        now: options.now,
        baseUrl: options.baseUrl,
        auth: connection.auth,
        source: 'hubspot:?',
        timeZone: options.timeZone,
      });
      connection = { ...connection, account: info.portalId, details: { portalId: info.portalId, currency: info.currency } };
    } catch (error) {
      return { ok: false, stage: 'check', problem: problemOf(error) };
    }
  }
  connection = { ...connection, source: sourceOf(options.crm, connection.account) };
  const source = connection.source;
  const check = await testConnection(adapter, source, deps);
  if (!check.ok) return { ok: false, stage: 'check', problem: check.problem };

  const store = memorySyncStore();
  if (options.since !== undefined) {
    for (const spec of adapter.objects) await store.saveState(sinceState(source, spec.name, options.since, options.now()));
  }
  const job: SyncJob = {
    source,
    adapter: withConnection(adapter, source, deps),
    ctx: { fetch: options.fetch, baseUrl: options.baseUrl, auth: connection.auth, source, timeZone: options.timeZone },
    store,
    env: { now: options.now, random: options.random },
  };
  const result = await runSync(job, { sleep: options.sleep, maxWaitMs: options.maxWaitMs, onProgress: options.onProgress });
  const states = await store.getStates(source);
  const complete = result.status === 'done' && states.every((state) => state.phase === 'done');
  return { ok: complete, stage: 'sync', source, result, store, states, user: check.user };
}

/** A finished earlier run whose high-water mark is `since`: the engine's next run then asks only for what changed after it. */
function sinceState(source: string, object: string, since: number, now: number): SyncObjectState {
  return {
    key: stateKey(source, object),
    source,
    object,
    cursor: null,
    runSince: null,
    highWater: since,
    runStartedAt: null,
    phase: 'done',
    recordsThisRun: 0,
    rejectsThisRun: 0,
    attempts: 0,
    updatedAt: now,
  };
}

/** Quarantine entries as the JSON output shows them: the raw payload parsed back where it is whole. */
export function quarantineForOutput(entries: readonly QuarantineEntry[]) {
  return entries.map((entry) => {
    let raw: unknown = entry.rawJson;
    try {
      raw = JSON.parse(entry.rawJson);
    } catch {
      // capped or unserialisable: kept as the text it is
    }
    return { recordType: entry.recordType, externalId: entry.externalId, reason: entry.reason, at: entry.at, raw };
  });
}
