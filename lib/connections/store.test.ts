import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetAllConnections, getConnection, listConnections, moveLegacyConnections, removeConnection, saveConnection, updateConnection } from './store';
import type { Connection } from './types';
import { connectionVault, VAULT_DB_NAME } from './vault';

const close: Connection = {
  source: 'close:app.close.com',
  crm: 'close',
  account: 'app.close.com',
  apiBase: 'https://api.close.com/api/v1',
  appUrl: 'https://app.close.com',
  auth: { kind: 'basic', username: 'key', password: '' },
  connectedAt: 1,
};
const pd: Connection = {
  source: 'pipedrive:acme',
  crm: 'pipedrive',
  account: 'acme',
  apiBase: 'https://acme.pipedrive.com/api',
  appUrl: 'https://acme.pipedrive.com',
  auth: { kind: 'session' },
  connectedAt: 2,
};

beforeEach(async () => {
  fakeBrowser.reset();
  await forgetAllConnections();
});

describe('stored connections', () => {
  it('live in the extension’s own IndexedDB, never in storage.local (which content scripts can reach)', async () => {
    await saveConnection(close);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(connectionVault().name).toBe(VAULT_DB_NAME);
    expect(await connectionVault().connections.toArray()).toEqual([close]);
    expect(await getConnection(close.source)).toEqual(close);
  });

  it('keeps the good entries when one stored entry is damaged', async () => {
    await saveConnection(close);
    await connectionVault().connections.put({ source: 'pipedrive:broken', crm: 'not-a-crm' });
    await saveConnection(pd);
    expect((await listConnections()).map((c) => c.source)).toEqual(['close:app.close.com', 'pipedrive:acme']);
    expect(await getConnection('pipedrive:broken')).toBeUndefined();
  });

  it('moves the connections of an earlier version out of storage.local, good entries only, the vault’s own first', async () => {
    const newer = { ...close, auth: { kind: 'basic' as const, username: 'newer-key', password: '' } };
    await saveConnection(newer);
    await browser.storage.local.set({ connections: [close, { ...pd, crm: 'not-a-crm' }, 'junk', pd], settings: { version: 2 } });
    expect(await moveLegacyConnections()).toBe(2);
    expect(await browser.storage.local.get(null)).toEqual({ settings: { version: 2 } });
    expect(await listConnections()).toEqual([newer, pd]);
    await browser.storage.local.set({ connections: 'junk' });
    expect(await moveLegacyConnections()).toBe(0);
    expect(await browser.storage.local.get('connections')).toEqual({});
    expect(await moveLegacyConnections()).toBe(0); // nothing left to move
  });

  it('never loses one of two changes made at once', async () => {
    await saveConnection(close);
    await Promise.all([
      saveConnection(pd),
      updateConnection(close.source, (c) => ({ ...c, user: { ownerId: 'u1', name: 'Dana', at: 5 } })),
      updateConnection(close.source, (c) => ({ ...c, details: { currency: 'EUR' } })),
    ]);
    expect(await getConnection(close.source)).toMatchObject({ user: { ownerId: 'u1' }, details: { currency: 'EUR' } });
    expect(await getConnection(pd.source)).toEqual(pd);
    await removeConnection(pd.source);
    expect((await listConnections()).map((c) => c.source)).toEqual([close.source]);
  });

  it('refuses to save an invalid connection, and updates nothing that was removed', async () => {
    await expect(saveConnection({ ...close, apiBase: 'not a url' })).rejects.toThrow();
    expect(await listConnections()).toEqual([]);
    expect(await updateConnection('close:gone', (c) => c)).toBeUndefined();
    await saveConnection(close);
    await expect(updateConnection(close.source, (c) => ({ ...c, source: 'close:other' }))).rejects.toThrow(/keeps its source/);
  });
});
