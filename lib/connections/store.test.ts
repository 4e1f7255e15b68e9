import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getConnection, listConnections, removeConnection, saveConnection, updateConnection } from './store';
import type { Connection } from './types';

const close: Connection = { source: 'close:app.close.com', crm: 'close', account: 'app.close.com', apiBase: 'https://api.close.com/api/v1', appUrl: 'https://app.close.com', auth: { kind: 'basic', username: 'key', password: '' }, connectedAt: 1 };
const pd: Connection = { source: 'pipedrive:acme', crm: 'pipedrive', account: 'acme', apiBase: 'https://acme.pipedrive.com/api', appUrl: 'https://acme.pipedrive.com', auth: { kind: 'session' }, connectedAt: 2 };

beforeEach(() => fakeBrowser.reset());

describe('stored connections', () => {
  it('keeps the good entries when one stored entry is damaged', async () => {
    await browser.storage.local.set({ connections: [close, { ...pd, crm: 'not-a-crm' }, 'junk', pd] });
    expect((await listConnections()).map((c) => c.source)).toEqual(['close:app.close.com', 'pipedrive:acme']);
    await browser.storage.local.set({ connections: 'junk' });
    expect(await listConnections()).toEqual([]);
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
  });
});
