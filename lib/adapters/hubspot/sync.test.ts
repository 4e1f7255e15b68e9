import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import type { RecordType } from '../../model';
import type { SyncJob } from '../../sync/engine';
import { memorySyncStore, type MemorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import type { SyncStore } from '../../sync/store';
import { fakeClock } from '../../sync/test-support';
import { fakePortal, type FakePortal } from './test-fake-portal';
import { hubspotAdapter } from './index';

const ARCHIVED_TYPES = ['companies', 'deals', 'calls', 'emails', 'meetings', 'contacts', 'goal_targets'];

function job(portal: FakePortal, store: SyncStore, clock: ReturnType<typeof fakeClock>): SyncJob {
  const ctx = H.hsContext(portal.fetch);
  return { source: ctx.source, adapter: hubspotAdapter, ctx, store, env: clock.env };
}

const ids = (store: MemorySyncStore, type: RecordType) => [...store.records.get(type)!.values()].map((r) => r.externalId).sort();
const archivedListsAsked = (portal: FakePortal, from: number) =>
  portal.calls
    .slice(from)
    .filter((c) => c.method === 'GET' && c.url.searchParams.get('archived') === 'true' && c.url.pathname.startsWith('/crm/v3/objects/'))
    .map((c) => c.url.pathname.split('/')[4]);

describe('HubSpot deletions through the sync engine', () => {
  it('a deal and a call archived in HubSpot are gone after the next incremental run; nothing else is lost', async () => {
    const portal = fakePortal();
    const clock = fakeClock();
    const store = memorySyncStore();
    expect(await runSync(job(portal, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    const before = store.snapshot();
    expect([ids(store, 'deal'), ids(store, 'activity')]).toEqual([
      ['9001', '9002', '9003'],
      ['7001', '7002', '7003'],
    ]);

    clock.advance(DAY_MS);
    portal.archive('deals', '9002', clock.env.now());
    portal.archive('calls', '7001', clock.env.now());
    const asked = portal.calls.length;
    expect(await runSync(job(portal, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done', records: 6 });
    // 6 = owner 1 + team 1 + pipeline 1 + stages 2 + quota 1: the objects without a date filter, re-read whole; nothing else changed

    expect([ids(store, 'deal'), ids(store, 'activity')]).toEqual([
      ['9001', '9003'],
      ['7002', '7003'],
    ]);
    // every other record is exactly what the first run stored
    const after = store.snapshot();
    expect(after).toEqual({
      ...before,
      deal: before.deal?.filter((d) => d.externalId !== '9002'),
      activity: before.activity?.filter((a) => a.externalId !== '7001'),
    });
    expect(store.quarantine).toEqual([]);
    // incremental: searched, not listed; and every CRM object's archive was read, in sync order
    expect(portal.calls.slice(asked).some((c) => c.method === 'POST' && c.url.pathname === '/crm/v3/objects/deals/search')).toBe(true);
    expect(archivedListsAsked(portal, asked)).toEqual(ARCHIVED_TYPES);
  });

  it('a deal HubSpot restores and a merged contact come back on the next sync', async () => {
    const portal = fakePortal();
    portal.put('contacts', H.crmObject('3002', { ...H.CONTACT.properties, firstname: 'Patricia', email: 'patricia@initech.example' }));
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(portal, store, clock), { sleep: clock.sleep });
    expect(ids(store, 'lead')).toEqual(['3001', '3002']);

    clock.advance(DAY_MS);
    portal.archive('deals', '9002', clock.env.now());
    await runSync(job(portal, store, clock), { sleep: clock.sleep });
    expect(ids(store, 'deal')).toEqual(['9001', '9003']);

    clock.advance(DAY_MS);
    const mergedAt = clock.env.now();
    portal.restore('deals', '9002', mergedAt);
    // A merge: 3002 is archived into 3001, which HubSpot modifies.
    portal.archive('contacts', '3002', mergedAt);
    portal.touch('contacts', '3001', mergedAt, { lastname: 'Doe-Merged' });
    expect(await runSync(job(portal, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    expect(ids(store, 'deal')).toEqual(['9001', '9002', '9003']);
    expect(store.records.get('deal')!.get(`hubspot:1234567\u00009002`)).toMatchObject({ updatedAt: mergedAt, status: 'lost' });
    expect(ids(store, 'lead')).toEqual(['3001']);
    expect(store.records.get('lead')!.get(`hubspot:1234567\u00003001`)).toMatchObject({ name: 'Pat Doe-Merged' });
  });

  it('a run killed between the passes resumes from its cursor without losing the deletions', async () => {
    const portal = fakePortal();
    const clock = fakeClock();
    const store = memorySyncStore();
    const firstStart = clock.env.now();
    await runSync(job(portal, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    portal.archive('deals', '9002', clock.env.now());
    portal.archive('calls', '7001', clock.env.now());

    // The process dies while committing the first page of archived deals: that step is lost.
    const dying: SyncStore = {
      ...store,
      commitStep: async (write) => {
        if (write.deleted?.deal) throw new Error('killed');
        return store.commitStep(write);
      },
    };
    await expect(runSync(job(portal, dying, clock), { sleep: clock.sleep })).rejects.toThrow('killed');
    const deals = store.states.get('hubspot:1234567/deals')!;
    const runSince = deals.runSince;
    expect(runSince).toBe(firstStart - 15 * 60_000); // the first run's start, less the engine's overlap
    expect(JSON.parse(deals.cursor ?? 'null')).toEqual({ archived: true, since: runSince });
    expect(ids(store, 'deal')).toContain('9002');

    const asked = portal.calls.length;
    expect(await runSync(job(portal, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    expect([ids(store, 'deal'), ids(store, 'activity')]).toEqual([
      ['9001', '9003'],
      ['7002', '7003'],
    ]);
    // resumed at the deals' archive: the changed deals were not searched again, companies not touched
    const resumed = portal.calls.slice(asked);
    expect(resumed.some((c) => c.url.pathname.startsWith('/crm/v3/objects/deals/search') || c.url.pathname.startsWith('/crm/v3/objects/companies'))).toBe(
      false,
    );
    expect(archivedListsAsked(portal, asked)).toEqual(ARCHIVED_TYPES.slice(1));
  });

  it('a malformed archived page goes to quarantine and is retried; the deletion lands when HubSpot answers properly', async () => {
    const portal = fakePortal();
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(portal, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    portal.archive('deals', '9002', clock.env.now());
    portal.breakArchive('deals', { results: 'not a list' }, 2);
    expect(await runSync(job(portal, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    expect(store.quarantine.map((q) => [q.recordType, q.reason])).toEqual([
      ['unknown', expect.stringMatching(/archived deals answer is not shaped as documented/)],
      ['unknown', expect.stringMatching(/archived deals answer is not shaped as documented/)],
    ]);
    expect(ids(store, 'deal')).toEqual(['9001', '9003']);
  });

  it('an archived list broken on every attempt gives deals up for this run and deletes nothing', async () => {
    const portal = fakePortal();
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(portal, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    portal.archive('deals', '9002', clock.env.now());
    portal.breakArchive('deals', '<html>', 99);
    await runSync(job(portal, store, clock), { sleep: clock.sleep });
    expect(store.states.get('hubspot:1234567/deals')).toMatchObject({ phase: 'error', error: { kind: 'bad-response' } });
    expect(store.quarantine).toHaveLength(3); // MAX_BAD_PAGE_ATTEMPTS
    expect(ids(store, 'deal')).toEqual(['9001', '9002', '9003']);
    // the other objects still synced their archives
    expect(store.states.get('hubspot:1234567/calls')).toMatchObject({ phase: 'done' });
  });
});
