import { describe, expect, it } from 'vitest';
import { testConnection } from '../../connections/connect';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { fakeClock } from '../../sync/test-support';
import type { AdapterContext } from '../types';
import { fakeFetch, type FakeReply } from './test-fake-fetch';
import { accountResponse, KOMMO_BASE, lead, listResponse, pipelinesResponse, userResponse } from './test-fixtures';
import { kommoAdapter } from './index';

/** The tests' clock: adapters read no clock of their own. */
const NOW = Date.UTC(2024, 4, 1);

/**
 * What a rep who is not an account administrator can do (amoCRM's API docs:
 * `GET /api/v4/users` and `/users/{id}` are "available only with account
 * administrator rights", `GET /api/v4/account` "for all account users"), and
 * what an IP allow-list does to a sync (error 113, HTTP 403).
 */
const FORBIDDEN: FakeReply = { status: 403, body: { title: 'Forbidden', type: 'https://httpstatus.es/403', status: 403, detail: 'Not enough rights' } };
const IP_BLOCKED: FakeReply = { status: 403, body: { response: { error: 'Access to this account is prohibited from your IP address', error_code: 113 } } };

function rep(route: (path: string, url: URL) => FakeReply | undefined) {
  const fake = fakeFetch((url) => {
    const path = url.pathname.replace('/api/v4', '');
    const answer = route(path, url);
    if (answer) return answer;
    if (path === '/account') return { body: accountResponse };
    if (path === '/users' || path.startsWith('/users/')) return FORBIDDEN;
    if (path === '/leads/pipelines') return { body: pipelinesResponse };
    if (path === '/leads' && url.searchParams.get('with') !== 'only_deleted') return { body: listResponse('leads', [lead()]) };
    return { status: 204 };
  });
  const ctx: AdapterContext = {
    fetch: fake.fetch,
    now: () => NOW,
    baseUrl: KOMMO_BASE,
    auth: { kind: 'bearer', token: 't' },
    source: 'kommo:stroytorg.amocrm.ru',
    timeZone: 'Europe/Moscow',
  };
  return { ctx, calls: fake.calls };
}

describe('amoCRM for a rep who is not an account administrator', () => {
  it('the connection test passes: the rep is the account’s current user, named where amoCRM shows the name', async () => {
    const { ctx } = rep(() => undefined);
    await expect(kommoAdapter.whoAmI!(ctx)).resolves.toEqual({ ownerId: '3276403', name: '#3276403' });
    const outcome = await testConnection(kommoAdapter, ctx.source, {
      fetch: ctx.fetch,
      now: ctx.now,
      timeZone: 'UTC',
      load: async () => ({
        source: ctx.source,
        crm: 'kommo',
        account: 'stroytorg.amocrm.ru',
        apiBase: KOMMO_BASE,
        appUrl: 'https://stroytorg.amocrm.ru',
        auth: ctx.auth,
        connectedAt: 0,
      }),
      update: async () => undefined,
      addresses: { kind: 'crm-hosts', loopback: false }, // as production builds: amoCRM's own host
    });
    expect(outcome).toEqual({ ok: true, user: { ownerId: '3276403', name: '#3276403' } });
    // an administrator's token reads the name
    const { ctx: admin } = rep((path) => (path === '/users/3276403' ? { body: userResponse } : undefined));
    await expect(kommoAdapter.whoAmI!(admin)).resolves.toEqual({ ownerId: '3276403', name: 'Иван Петров' });
  });

  it('the whole sync completes: users degrades to the rep themself, every other object is read', async () => {
    const { ctx } = rep(() => undefined);
    const store = memorySyncStore();
    const clock = fakeClock();
    const result = await runSync({ source: ctx.source, adapter: kommoAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep });
    expect(result).toMatchObject({ status: 'done' });
    const states = await store.getStates(ctx.source);
    expect(states.map((state) => [state.object, state.phase, state.error?.message])).toEqual(
      kommoAdapter.objects.map((spec) => [spec.name, 'done', undefined]),
    );
    expect([...store.records.get('owner')!.values()].map((owner) => [owner.externalId, (owner as { name: string }).name])).toEqual([['3276403', '#3276403']]);
    expect(store.records.get('deal')!.size).toBe(1);
  });
});

describe('amoCRM refusing this IP address (error 113)', () => {
  it('backs off the whole sync for an hour with the reason, instead of skipping object after object', async () => {
    const { ctx, calls } = rep((path) => (path === '/leads/pipelines' ? IP_BLOCKED : undefined));
    const store = memorySyncStore();
    const clock = fakeClock();
    const result = await runSync({ source: ctx.source, adapter: kommoAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep, maxWaitMs: 60_000 });
    expect(result).toMatchObject({
      status: 'waiting',
      reason: "amoCRM refuses API requests from this computer's IP address (code 113: the account keeps an IP allow-list)",
    });
    const states = new Map((await store.getStates(ctx.source)).map((state) => [state.object, state]));
    expect(states.get('pipelines')).toMatchObject({ phase: 'paused', waitUntil: clock.env.now() + 3_600_000 });
    expect(states.get('pipelines')?.error?.userAction).toMatch(/add this network's IP address to the API allow-list/);
    // nothing after it was tried: no object was skipped as "forbidden"
    for (const object of ['companies', 'contacts', 'leads', 'deleted-leads', 'tasks', 'calls']) expect(states.get(object)?.phase, object).toBe('running');
    expect(calls.some((call) => call.url.pathname.endsWith('/companies'))).toBe(false);
  });

  it('any other 403 still skips only the object it concerns', async () => {
    const { ctx } = rep((path) => (path === '/tasks' ? FORBIDDEN : undefined));
    const store = memorySyncStore();
    const clock = fakeClock();
    await runSync({ source: ctx.source, adapter: kommoAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep });
    const states = new Map((await store.getStates(ctx.source)).map((state) => [state.object, state]));
    expect([states.get('tasks')?.phase, states.get('tasks')?.error?.kind]).toEqual(['done', 'forbidden']);
    expect(states.get('calls')?.phase).toBe('done');
  });
});
