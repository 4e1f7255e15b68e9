import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KpiLensDb } from '../db/db';
import { countAll, upsertRecords } from '../db/records';
import { SCHEMA_VERSIONS } from '../db/schema';
import { forgetAllConnections, listConnections, saveConnection } from '../connections/store';
import { saveSettings } from '../settings/storage';
import { countAllRows, eraseEverything } from './data-erase';

describe('delete everything', () => {
  it('leaves nothing: no record, entry, cursor or quarantine in the database, nothing in storage', async () => {
    fakeBrowser.reset();
    const db = new KpiLensDb('erase-test', SCHEMA_VERSIONS);
    await upsertRecords(db, {
      deal: [{ source: 'pipedrive:acme', externalId: '1', updatedAt: 1, title: 'x', ownerId: 'u', status: 'open', lineItems: [] }],
      quota: [
        {
          source: 'pipedrive:acme',
          externalId: 'manual:quota:rep:u:month:2025-03-01:2025-04-01',
          updatedAt: 1,
          ownerId: 'u',
          periodKind: 'month',
          startDate: '2025-03-01',
          endDate: '2025-04-01',
          amount: { minor: 1, currency: 'USD' },
        },
      ],
    });
    await db.quarantine.add({ source: 'pipedrive:acme', recordType: 'deal', rawJson: '{}', reason: 'x', at: 1 });
    await db.syncState.put({
      key: 'pipedrive:acme/deals',
      source: 'pipedrive:acme',
      object: 'deals',
      cursor: 'c',
      runSince: null,
      highWater: null,
      phase: 'running',
      recordsThisRun: 1,
      rejectsThisRun: 0,
      runStartedAt: 1,
      attempts: 0,
      updatedAt: 1,
    });
    await db.meta.put({ key: 'k', value: 1 });
    await saveSettings({ staleDays: 20 });
    await saveConnection({
      source: 'pipedrive:acme',
      crm: 'pipedrive',
      account: 'acme',
      apiBase: 'https://acme.pipedrive.com/api',
      appUrl: 'https://acme.pipedrive.com',
      auth: { kind: 'token', token: 'secret' },
      connectedAt: 1,
    });
    await fakeBrowser.storage.local.set({ 'ui:pipedrive': { open: false } });
    await fakeBrowser.storage.session.set({ 'data-version:pipedrive:acme': 3 });
    // A deal, a quota, a quarantine entry, a cursor, a meta entry, and the deal's column store: a hot,
    // a cold and an extra chunk and the store's meta row.
    expect(await countAllRows(db)).toBe(5 + 4);

    await eraseEverything(db, { local: fakeBrowser.storage.local, session: fakeBrowser.storage.session, connections: { clear: forgetAllConnections } });

    expect(await countAllRows(db)).toBe(0);
    expect(await listConnections()).toEqual([]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // The database itself still works for what comes next.
    await upsertRecords(db, { deal: [{ source: 'demo', externalId: '1', updatedAt: 1, title: 'x', ownerId: 'u', status: 'open', lineItems: [] }] });
    expect(await countAll(db, 'deal')).toBe(1);
    db.close();
  });
});
