import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { forgetAllConnections, getConnection, listConnections, saveConnection } from '@/lib/connections';
import { countAll, KpiLensDb, upsertRecords, SCHEMA_VERSIONS } from '@/lib/db';
import type { RequestOf } from '@/lib/messaging';
import { loadSettings, saveSettings } from '@/lib/settings';
import { createStatusCache } from '../status-cache';
import { connectionHandlers } from './connections';
import type { HandlerDeps } from './types';

let db: KpiLensDb;
let counter = 0;
const kicked: string[] = [];
const removedPermissions: unknown[] = [];
let granted = { origins: ['https://app.close.com/*', 'https://api.close.com/*', 'http://127.0.0.1/*'], permissions: ['storage'] };

function handlers() {
  const deps = {
    db,
    scheduler: { kick: async (source: string) => (kicked.push(source), 'started' as const) },
    views: { invalidate: vi.fn() },
    versions: { bumpNow: vi.fn(), bumpSoon: vi.fn() },
    statuses: createStatusCache(db),
  } as unknown as HandlerDeps;
  return connectionHandlers(deps);
}
const sender = {};
const connect = (input: RequestOf<'connections/connect'>['input']) => handlers()['connections/connect']({ type: 'connections/connect', input }, sender);

beforeEach(async () => {
  fakeBrowser.reset();
  await forgetAllConnections();
  db = new KpiLensDb(`connections-handler-${++counter}`, SCHEMA_VERSIONS);
  kicked.length = 0;
  removedPermissions.length = 0;
  granted = { origins: ['https://app.close.com/*', 'https://api.close.com/*', 'http://127.0.0.1/*'], permissions: ['storage'] };
  const within = (request: { origins?: string[]; permissions?: string[] }) =>
    (request.origins ?? []).every((origin) => granted.origins.includes(origin)) &&
    (request.permissions ?? []).every((name) => granted.permissions.includes(name));
  vi.spyOn(browser.permissions, 'contains').mockImplementation(async (request) => within(request as { origins?: string[] }));
  vi.spyOn(browser.permissions, 'getAll').mockImplementation(async () => ({ ...granted }));
  vi.spyOn(browser.permissions, 'remove').mockImplementation(async (request) => (removedPermissions.push(request), true));
  vi.spyOn(browser.alarms, 'clear').mockImplementation(async () => true);
  vi.stubGlobal('navigator', { locks: { request: (_name: string, task: () => Promise<unknown>) => task() } });
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input);
    if (url.pathname.endsWith('/me/')) return jsonResponse({ id: 'user_1', first_name: 'Dana', last_name: 'Rep' });
    return jsonResponse({ error: 'nope' }, 404);
  });
});
afterEach(() => {
  db.close();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('connection handlers in the background', () => {
  it('connects a token CRM: keeps it, makes its user the personal owner, starts the sync; the list never shows the token', async () => {
    const reply = await connect({ crm: 'close', method: 'token', token: 'api_live_secret_123456' });
    expect(reply).toEqual({ ok: true, source: 'close:app.close.com', user: { ownerId: 'user_1', name: 'Dana Rep' }, problem: undefined });
    expect(await getConnection('close:app.close.com')).toMatchObject({
      auth: { kind: 'basic', username: 'api_live_secret_123456' },
      user: { ownerId: 'user_1', name: 'Dana Rep' },
    });
    expect((await loadSettings()).currentOwner).toEqual({ 'close:app.close.com': 'user_1' });
    expect(kicked).toEqual(['close:app.close.com']);
    const list = await handlers()['connections/list']({ type: 'connections/list' }, sender);
    expect(list.connections).toMatchObject([
      {
        source: 'close:app.close.com',
        label: 'Close',
        method: 'token',
        credentialHint: '…3456',
        user: { name: 'Dana Rep' },
        status: { records: 0, syncing: false },
      },
    ]);
    expect(JSON.stringify(list)).not.toContain('api_live_secret');
  });

  it('connects nothing while the browser has not granted the CRM’s hosts', async () => {
    granted.origins = [];
    const reply = await connect({ crm: 'close', method: 'token', token: 'api_key_abcdef' });
    expect(reply).toMatchObject({ ok: false, problem: { kind: 'permission' } });
    expect(await listConnections()).toEqual([]);
    expect(kicked).toEqual([]);
  });

  it('tests a connection through the sync’s context and remembers the user', async () => {
    await saveConnection({
      source: 'close:app.close.com',
      crm: 'close',
      account: 'app.close.com',
      apiBase: 'https://api.close.com/api/v1',
      appUrl: 'https://app.close.com',
      auth: { kind: 'basic', username: 'k', password: '' },
      connectedAt: 1,
    });
    await saveSettings({ currentOwner: { 'close:app.close.com': 'someone-else' } });
    const outcome = await handlers()['connections/test']({ type: 'connections/test', source: 'close:app.close.com' }, sender);
    expect(outcome).toEqual({ ok: true, user: { ownerId: 'user_1', name: 'Dana Rep' } });
    expect((await loadSettings()).currentOwner['close:app.close.com']).toBe('user_1'); // an explicit test picks the signed-in user
    const unknown = await handlers()['connections/test']({ type: 'connections/test', source: 'close:nope' }, sender);
    expect(unknown).toMatchObject({ ok: false, problem: { message: 'This CRM is not connected' } });
  });

  it('disconnects: removes the connection, deletes its data on request, gives back the host access', async () => {
    await connect({ crm: 'close', method: 'token', token: 'api_key_abcdef' });
    const source = 'close:app.close.com';
    await upsertRecords(db, {
      owner: [{ source, externalId: 'user_1', updatedAt: 1, name: 'Dana', role: 'rep', active: true }],
      deal: [{ source, externalId: 'd1', updatedAt: 1, title: 'T', ownerId: 'user_1', status: 'open', lineItems: [] }],
    });
    const reply = await handlers()['connections/disconnect']({ type: 'connections/disconnect', source, deleteData: true }, sender);
    expect(reply).toEqual({ removed: true, dataDeleted: true, permissionsRemoved: ['https://app.close.com/*', 'https://api.close.com/*'] });
    expect(removedPermissions).toEqual([{ origins: ['https://app.close.com/*', 'https://api.close.com/*'], permissions: [] }]);
    expect(await listConnections()).toEqual([]);
    expect(await countAll(db, 'deal')).toBe(0);
    expect(await db.owners.count()).toBe(0);
    expect((await loadSettings()).currentOwner).toEqual({});
  });

  it('disconnecting can keep the data', async () => {
    await connect({ crm: 'close', method: 'token', token: 'api_key_abcdef' });
    const source = 'close:app.close.com';
    await upsertRecords(db, { owner: [{ source, externalId: 'user_1', updatedAt: 1, name: 'Dana', role: 'rep', active: true }] });
    const reply = await handlers()['connections/disconnect']({ type: 'connections/disconnect', source, deleteData: false }, sender);
    expect(reply).toMatchObject({ removed: true, dataDeleted: false });
    expect(await db.owners.count()).toBe(1);
    expect(await handlers()['connections/disconnect']({ type: 'connections/disconnect', source, deleteData: true }, sender)).toEqual({
      removed: false,
      dataDeleted: false,
      permissionsRemoved: [],
    });
  });
});
