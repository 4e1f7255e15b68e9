import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSummaryStore, rankSources, sourceOf } from './store';

const status = (source: string, records: number, lastSyncAt?: number) => ({
  source,
  crm: source.split(':')[0]!,
  label: source,
  records,
  quarantined: 0,
  syncing: false,
  lastSyncAt,
});

/** A background whose answers the test gives, in any order. */
function background() {
  const pending: { message: { type: string; source?: string; week?: string }; reply: (value: unknown) => void; refuse: (error: string) => void }[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: { type: string }, _sender, reply) => {
    pending.push({ message, reply: (value) => reply({ ok: true, value }), refuse: (error) => reply({ ok: false, error }) });
    return true;
  });
  return { of: (type: string) => pending.filter((entry) => entry.message.type === type) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await settle();
  expect(check()).toBe(true);
};
const reply = (week: string) => ({ summary: null, view: 'personal', teamAvailable: false, weeks: { current: week, previous: 'w-1' } });

describe('the summary page store', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => fakeBrowser.reset());

  it('ranks sources with records, the most recently synced first', () => {
    // b synced at 20 beats a at 10; c has no records; d and e never synced, so by name.
    expect(rankSources([status('a', 5, 10), status('c', 0, 99), status('e', 1), status('b', 5, 20), status('d', 1)]).map((s) => s.source)).toEqual([
      'b',
      'a',
      'd',
      'e',
    ]);
  });

  it("builds the most recent source's summary, again when its data changes, and a week left never replaces the week asked", async () => {
    const bg = background();
    const store = createSummaryStore(new URLSearchParams('view=personal'));
    const stop = store.start();
    await until(() => bg.of('status/get').length === 1);
    bg.of('status/get')[0]!.reply({ sources: [status('pipedrive:acme', 10, 5), status('demo', 10, 9)] });
    await until(() => bg.of('summary/build').length === 1);
    expect(sourceOf(store.getState())).toBe('demo');
    expect(bg.of('summary/build')[0]!.message).toEqual({ type: 'summary/build', source: 'demo', view: 'personal' });

    store.getState().actions.setWeek('2017-W23');
    await until(() => bg.of('summary/build').length === 2);
    bg.of('summary/build')[1]!.reply(reply('2017-W23'));
    await until(() => store.getState().answers.summary.value !== undefined);
    bg.of('summary/build')[0]!.reply(reply('last week'));
    await settle();
    expect(store.getState().answers.summary.value?.weeks.current).toBe('2017-W23');

    await fakeBrowser.storage.session.set({ 'data-version:demo': 1 });
    await until(() => bg.of('summary/build').length === 3);
    expect(bg.of('summary/build')[2]!.message).toMatchObject({ source: 'demo', week: '2017-W23' });
    // Another source's data, or a status move, changes nothing here; the source list is asked once.
    await fakeBrowser.storage.session.set({ 'data-version:pipedrive:acme': 2, 'status-version:demo': 3 });
    await settle();
    expect(bg.of('summary/build')).toHaveLength(3);
    expect(bg.of('status/get')).toHaveLength(1);
    stop();
  });

  it('says why the background could not build it, and keeps the source the address names', async () => {
    const bg = background();
    const store = createSummaryStore(new URLSearchParams('source=csv:q3&view=team'));
    const stop = store.start();
    await until(() => bg.of('summary/build').length === 1);
    expect(bg.of('summary/build')[0]!.message).toEqual({ type: 'summary/build', source: 'csv:q3', view: 'team' });
    bg.of('summary/build')[0]!.refuse('no such source: csv:q3');
    await until(() => store.getState().answers.summary.error !== undefined);
    expect(store.getState().answers.summary).toMatchObject({ error: 'no such source: csv:q3', loading: false });
    stop();
  });
});
