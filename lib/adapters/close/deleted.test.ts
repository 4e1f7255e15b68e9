import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import type { RecordType } from '../../model';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import type { SyncStore } from '../../sync/store';
import { fakeClock } from '../../sync/test-support';
import type { AdapterContext } from '../types';
import { fakeCloseOrg } from './test-fake-org';
import { meetingItem, outgoingEmail } from './test-fixtures';
import { closeAdapter } from './index';

const SOURCE = 'close:app.close.com';
const OVERLAP = 15 * 60_000; // the engine's since overlap

type Org = ReturnType<typeof fakeCloseOrg>;
type Store = ReturnType<typeof memorySyncStore>;

function job(org: Org, store: SyncStore, clock: ReturnType<typeof fakeClock>, pageSize?: number) {
  const ctx: AdapterContext = {
    fetch: org.fetch,
    now: clock.env.now,
    baseUrl: 'https://api.close.com/api/v1',
    auth: { kind: 'basic', username: 'key', password: '' },
    source: SOURCE,
    timeZone: 'UTC',
    pageSize,
  };
  return { source: SOURCE, adapter: closeAdapter, ctx, store, env: clock.env };
}

const ids = (store: Store, type: RecordType) => [...(store.records.get(type)?.values() ?? [])].map((record) => record.externalId).sort();
const eventCalls = (org: Org, from = 0) => org.calls.slice(from).filter((call) => call.url.pathname.endsWith('/event/'));

describe('Close deletions through the event log', () => {
  it('an incremental run removes the opportunity and the call the rep deleted, and nothing else', async () => {
    const org = fakeCloseOrg();
    const clock = fakeClock();
    const store = memorySyncStore();
    const firstStart = clock.env.now();
    expect(await runSync(job(org, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    expect(eventCalls(org)).toHaveLength(0); // the first run is full: no since, no deleted pass
    const before = { deal: ids(store, 'deal'), activity: ids(store, 'activity'), customer: ids(store, 'customer'), owner: ids(store, 'owner') };
    expect(before.deal).toEqual(['oppo_1', 'oppo_2', 'oppo_3']);
    expect(before.activity).toEqual(['acti_call1', 'acti_call2', meetingItem.id, outgoingEmail.id].sort());

    clock.advance(DAY_MS);
    org.remove('opportunity', 'oppo_2', clock.env.now());
    org.remove('activity.call', 'acti_call2', clock.env.now());
    const asked = org.calls.length;
    expect(await runSync(job(org, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done', rejected: 0 });
    expect(ids(store, 'deal')).toEqual(['oppo_1', 'oppo_3']);
    expect(ids(store, 'activity')).toEqual(before.activity.filter((id) => id !== 'acti_call2'));
    expect([ids(store, 'customer'), ids(store, 'owner')]).toEqual([before.customer, before.owner]);
    // one deleted pass per object with a deletion event type, each asking from the run's since
    const since = new Date(firstStart - OVERLAP).toISOString();
    expect(
      eventCalls(org, asked).map((call) => [
        call.url.searchParams.get('object_type'),
        call.url.searchParams.get('action'),
        call.url.searchParams.get('date_updated__gte'),
      ]),
    ).toEqual(['lead', 'opportunity', 'activity.call', 'activity.email', 'activity.meeting'].map((type) => [type, 'deleted', since]));

    // a full run has no deleted pass
    const beforeFull = org.calls.length;
    expect(await runSync(job(org, store, clock), { sleep: clock.sleep, full: true })).toMatchObject({ status: 'done' });
    expect(eventCalls(org, beforeFull)).toHaveLength(0);
  });

  it('pages the event log with _cursor / cursor_next, the filters again on every page but the date (the cursor holds it)', async () => {
    const org = fakeCloseOrg();
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(org, store, clock, 1), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    org.remove('opportunity', 'oppo_1', clock.env.now());
    clock.advance(60_000);
    org.remove('opportunity', 'oppo_3', clock.env.now());
    const asked = org.calls.length;
    await runSync(job(org, store, clock, 1), { sleep: clock.sleep });
    expect(ids(store, 'deal')).toEqual(['oppo_2']);
    const pages = eventCalls(org, asked).filter((call) => call.url.searchParams.get('object_type') === 'opportunity');
    expect(
      pages.map((call) => [
        call.url.searchParams.get('_cursor'),
        call.url.searchParams.get('_limit'),
        call.url.searchParams.get('action'),
        call.url.searchParams.has('date_updated__gte'),
      ]),
    ).toEqual([
      [null, '1', 'deleted', true],
      ['after-1', '1', 'deleted', false],
    ]);
  });

  it('a run killed between the passes resumes from the deleted pass and still deletes', async () => {
    const org = fakeCloseOrg();
    const clock = fakeClock();
    const store = memorySyncStore();
    const firstStart = clock.env.now();
    await runSync(job(org, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    org.remove('opportunity', 'oppo_2', clock.env.now());
    org.remove('activity.call', 'acti_call2', clock.env.now());

    // The process dies while committing the deleted opportunities: that step is lost.
    const dying: SyncStore = {
      ...store,
      commitStep: async (write) => {
        if (write.deleted?.deal) throw new Error('killed');
        return store.commitStep(write);
      },
    };
    await expect(runSync(job(org, dying, clock), { sleep: clock.sleep })).rejects.toThrow('killed');
    const state = store.states.get(`${SOURCE}/opportunities`)!;
    expect(state.runSince).toBe(firstStart - OVERLAP);
    expect(JSON.parse(state.cursor ?? 'null')).toEqual({ pass: 'deleted', since: firstStart - OVERLAP, events: null });
    expect(ids(store, 'deal')).toContain('oppo_2');

    const asked = org.calls.length;
    expect(await runSync(job(org, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    expect([ids(store, 'deal'), ids(store, 'activity').includes('acti_call2')]).toEqual([['oppo_1', 'oppo_3'], false]);
    // resumed in the deleted pass: the opportunities were not listed again
    expect(org.calls.slice(asked).some((call) => call.url.pathname.endsWith('/opportunity/'))).toBe(false);
  });

  it('a malformed event page is retried through the usual bad-response path; the deletion lands when Close answers properly', async () => {
    const org = fakeCloseOrg();
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(org, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    org.remove('opportunity', 'oppo_2', clock.env.now());
    org.breakEvents('opportunity', { data: 'not a list', cursor_next: null }, 2);
    expect(await runSync(job(org, store, clock), { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    expect(store.quarantine.map((entry) => entry.reason)).toEqual([
      expect.stringMatching(/opportunity event log page without its data list/),
      expect.stringMatching(/opportunity event log page without its data list/),
    ]);
    expect(ids(store, 'deal')).toEqual(['oppo_1', 'oppo_3']);
  });

  it('an event log broken on every attempt stops the opportunities, deletes nothing, and the other objects finish', async () => {
    const org = fakeCloseOrg();
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(org, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    org.remove('opportunity', 'oppo_2', clock.env.now());
    org.remove('activity.call', 'acti_call2', clock.env.now());
    org.breakEvents('opportunity', '<html>', 99);
    await runSync(job(org, store, clock), { sleep: clock.sleep });
    expect(store.states.get(`${SOURCE}/opportunities`)).toMatchObject({ phase: 'error', error: { kind: 'bad-response' } });
    expect(ids(store, 'deal')).toEqual(['oppo_1', 'oppo_2', 'oppo_3']);
    expect(store.states.get(`${SOURCE}/calls`)).toMatchObject({ phase: 'done' });
    expect(ids(store, 'activity')).not.toContain('acti_call2');
  });

  it('keeps a record when the event log lists an event that is not its deletion, and says so', async () => {
    const org = fakeCloseOrg();
    const clock = fakeClock();
    const store = memorySyncStore();
    await runSync(job(org, store, clock), { sleep: clock.sleep });
    clock.advance(DAY_MS);
    org.breakEvents(
      'opportunity',
      {
        data: [
          { object_type: 'opportunity', object_id: 'oppo_1', action: 'updated' },
          { object_type: 'opportunity', action: 'deleted' },
        ],
        cursor_next: null,
      },
      1,
    );
    const result = await runSync(job(org, store, clock), { sleep: clock.sleep });
    expect(result).toMatchObject({ status: 'done', rejected: 2 });
    expect(ids(store, 'deal')).toEqual(['oppo_1', 'oppo_2', 'oppo_3']);
    expect(store.quarantine.map((entry) => [entry.recordType, entry.externalId])).toEqual([
      ['deal', 'oppo_1'],
      ['deal', undefined],
    ]);
  });
});
