import { describe, expect, it } from 'vitest';
import { memorySyncStore } from '../sync/memory-store';
import { runSync } from '../sync/runner';
import { bitrix24Adapter } from './bitrix24';
import { fakeBitrix } from './bitrix24/test-fake-bitrix';
import { closeAdapter } from './close';
import { hubspotAdapter } from './hubspot';
import { kommoAdapter } from './kommo';
import { fakeFetch, type FakeReply } from './kommo/test-fake-fetch';
import { advancePager, MAX_PAGES, Pager } from './pager';
import { pipedriveAdapter } from './pipedrive';
import { salesforceAdapter } from './salesforce';
import { sandboxAdapter } from './sandbox';
import type { AdapterAuth, CrmAdapter, FetchLike } from './types';

/**
 * Pagers that never end (issue 16): for every adapter, a CRM that always says
 * "more", with a position it already sent or with a fresh one each time, and
 * pages that say "more" yet cannot move. Each run goes through the real sync
 * engine (one object, memory store, instant sleeps) and must stop that object
 * with a clear CrmError after a bounded number of requests.
 */
const CAP = 40;
const REPEATED = /sent a page position it had already sent while KPI Lens read .+: its paging does not end$/;
const ENDLESS = new RegExp(`still said there was more after ${CAP} pages while KPI Lens read .+: its paging does not end$`);
const NO_PROGRESS = /sent a page that .+ while KPI Lens read .+: its paging does not end$/;

type Case = {
  name: string;
  adapter: CrmAdapter;
  object: string;
  baseUrl: string;
  auth: AdapterAuth;
  since?: number;
  /** The CRM: `n` counts the requests so far. */
  serve: () => { fetch: FetchLike; calls: unknown[] };
  message: RegExp;
};

function counted(route: (url: URL, n: number, init?: RequestInit) => FakeReply): () => { fetch: FetchLike; calls: unknown[] } {
  return () => {
    let n = 0;
    return fakeFetch((url, init) => route(url, (n += 1), init));
  };
}

const pd = { baseUrl: 'https://acme.pipedrive.com/api', auth: { kind: 'token', token: 't' } as AdapterAuth };
const hs = { baseUrl: 'https://api.hubapi.com', auth: { kind: 'bearer', token: 'pat' } as AdapterAuth };
const sf = { baseUrl: 'https://acme.my.salesforce.com', auth: { kind: 'bearer', token: '00D!x' } as AdapterAuth };
const cl = { baseUrl: 'https://api.close.com/api/v1', auth: { kind: 'basic', username: 'k', password: '' } as AdapterAuth };
const km = { baseUrl: 'https://acme.amocrm.ru/api/v4', auth: { kind: 'bearer', token: 'lt' } as AdapterAuth };
const bx = { baseUrl: 'https://acme.bitrix24.ru/rest/1/code/', auth: { kind: 'webhook' } as AdapterAuth };
const sb = { baseUrl: 'http://127.0.0.1:5179/api/v1', auth: { kind: 'session' } as AdapterAuth };

const org = (n: number) => ({ id: n, name: `Org ${n}`, owner_id: 1, add_time: '2024-01-01T00:00:00Z', update_time: '2024-01-02T00:00:00Z' });
const v2 = (n: number, cursor: string | null) => ({ body: { success: true, data: [org(n)], additional_data: { next_cursor: cursor } } });
const v1Users = (start: number, nextStart: number, items = 1) => ({
  body: {
    success: true,
    data: Array.from({ length: items }, (_, i) => ({ id: start + i + 1, name: 'Rep', email: 'r@x', active_flag: true })),
    additional_data: { pagination: { start, limit: 1, more_items_in_collection: true, next_start: nextStart } },
  },
});
const hsOwners = (after: string) => ({
  body: {
    results: [
      {
        id: '501',
        firstName: 'A',
        lastName: 'B',
        email: 'a@b',
        userId: 1,
        archived: false,
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2024-01-01T00:00:00Z',
      },
    ],
    paging: { next: { after } },
  },
});
const hsCompanies = (after: string) => ({
  body: {
    results: [
      {
        id: '4001',
        properties: { name: 'Initech', hs_lastmodifieddate: '2024-02-21T10:00:00Z' },
        createdAt: '2024-01-01T00:00:00Z',
        updatedAt: '2024-02-21T10:00:00Z',
        archived: false,
      },
    ],
    paging: { next: { after } },
  },
});
const sfUsers = (next: string | undefined) => ({
  body: {
    totalSize: 5,
    done: false,
    ...(next ? { nextRecordsUrl: next } : {}),
    records: [{ attributes: { type: 'User' }, Id: '0055e000001AbCdAAK', Name: 'Alex', IsActive: true, SystemModstamp: '2024-01-01T00:00:00.000+0000' }],
  },
});
const closeUsers = (items: number) => ({
  body: {
    data: Array.from({ length: items }, (_, i) => ({
      id: `user_${i}`,
      first_name: 'Dana',
      last_name: 'Rep',
      email: 'd@x',
      date_created: '2024-01-01T00:00:00Z',
    })),
    has_more: true,
  },
});
const kommoUsers = (items: number) => ({
  body: {
    _embedded: { users: Array.from({ length: items }, (_, i) => ({ id: i + 1, name: 'Rep' })) },
    _links: { next: { href: 'https://acme.amocrm.ru/api/v4/users?page=2' } },
  },
});

const CASES: Case[] = [
  {
    name: 'Pipedrive v2 list, the same next_cursor again',
    adapter: pipedriveAdapter,
    object: 'organizations',
    ...pd,
    serve: counted((_u, n) => v2(n, 'same')),
    message: REPEATED,
  },
  {
    name: 'Pipedrive v2 list, a fresh next_cursor forever',
    adapter: pipedriveAdapter,
    object: 'organizations',
    ...pd,
    serve: counted((_u, n) => v2(n, `c${n}`)),
    message: ENDLESS,
  },
  {
    name: 'Pipedrive v2 list, a loop of two cursors',
    adapter: pipedriveAdapter,
    object: 'organizations',
    ...pd,
    serve: counted((_u, n) => v2(n, n % 2 ? 'a' : 'b')),
    message: REPEATED,
  },
  {
    name: 'Pipedrive v1 list, more items at a start that does not move',
    adapter: pipedriveAdapter,
    object: 'callLogs',
    ...pd,
    serve: counted((u) => v1Users(Number(u.searchParams.get('start')), Number(u.searchParams.get('start')))),
    message: NO_PROGRESS,
  },
  {
    name: 'Pipedrive v1 list, more items but none on the page',
    adapter: pipedriveAdapter,
    object: 'callLogs',
    ...pd,
    serve: counted((u) => v1Users(Number(u.searchParams.get('start')), Number(u.searchParams.get('start')) + 1, 0)),
    message: NO_PROGRESS,
  },
  {
    name: 'Pipedrive v1 list, more items forever',
    adapter: pipedriveAdapter,
    object: 'callLogs',
    ...pd,
    serve: counted((u) => v1Users(Number(u.searchParams.get('start')), Number(u.searchParams.get('start')) + 1)),
    message: ENDLESS,
  },
  {
    name: 'Pipedrive deal products (a loop inside one page), the same cursor again',
    adapter: pipedriveAdapter,
    object: 'deals',
    ...pd,
    serve: counted((u, n) =>
      u.pathname.endsWith('/deals/products')
        ? { body: { success: true, data: [], additional_data: { next_cursor: 'same' } } }
        : { body: { success: true, data: [{ ...org(n), title: 'D', status: 'open', value: 1, currency: 'EUR' }], additional_data: { next_cursor: null } } },
    ),
    message: /sent a page position it had already sent while KPI Lens read the products of a page of deals/,
  },
  { name: 'HubSpot owners, the same after again', adapter: hubspotAdapter, object: 'owners', ...hs, serve: counted(() => hsOwners('same')), message: REPEATED },
  {
    name: 'HubSpot owners, a fresh after forever',
    adapter: hubspotAdapter,
    object: 'owners',
    ...hs,
    serve: counted((_u, n) => hsOwners(`a${n}`)),
    message: ENDLESS,
  },
  {
    name: 'HubSpot object list, the same after again',
    adapter: hubspotAdapter,
    object: 'companies',
    ...hs,
    serve: counted(() => hsCompanies('same')),
    message: REPEATED,
  },
  {
    name: 'HubSpot search (incremental), the same after again',
    adapter: hubspotAdapter,
    object: 'companies',
    ...hs,
    since: Date.parse('2024-01-01T00:00:00Z'),
    serve: counted(() => hsCompanies('5')),
    message: REPEATED,
  },
  {
    name: 'HubSpot goals: owners looked up by user id (a loop inside one page), the same after again',
    adapter: hubspotAdapter,
    object: 'goals',
    ...hs,
    serve: counted((u) => (u.pathname === '/crm/v3/owners' ? hsOwners('same') : { body: { results: [], paging: { next: { after: 'g1' } } } })),
    message: /sent a page position it had already sent while KPI Lens read owners/,
  },
  {
    name: 'Salesforce, the same nextRecordsUrl again',
    adapter: salesforceAdapter,
    object: 'users',
    ...sf,
    serve: counted(() => sfUsers('/services/data/v60.0/query/01gX-2000')),
    message: REPEATED,
  },
  {
    name: 'Salesforce, a fresh nextRecordsUrl forever',
    adapter: salesforceAdapter,
    object: 'users',
    ...sf,
    serve: counted((_u, n) => sfUsers(`/services/data/v60.0/query/01gX-${n * 2000}`)),
    message: ENDLESS,
  },
  {
    name: 'Salesforce, done: false without a nextRecordsUrl',
    adapter: salesforceAdapter,
    object: 'users',
    ...sf,
    serve: counted(() => sfUsers(undefined)),
    message: NO_PROGRESS,
  },
  { name: 'Close list, has_more forever', adapter: closeAdapter, object: 'users', ...cl, serve: counted(() => closeUsers(1)), message: ENDLESS },
  { name: 'Close list, has_more on an empty page', adapter: closeAdapter, object: 'users', ...cl, serve: counted(() => closeUsers(0)), message: NO_PROGRESS },
  {
    name: 'Close event log (deletions), the same cursor_next again',
    adapter: closeAdapter,
    object: 'meetings',
    ...cl,
    since: Date.parse('2024-03-01T00:00:00Z'),
    serve: counted((u) => (u.pathname.endsWith('/event/') ? { body: { data: [], cursor_next: 'same' } } : { body: { data: [], has_more: false } })),
    message: REPEATED,
  },
  { name: 'amoCRM list, a next link forever', adapter: kommoAdapter, object: 'users', ...km, serve: counted(() => kommoUsers(1)), message: ENDLESS },
  {
    name: 'amoCRM list, a next link on an empty page',
    adapter: kommoAdapter,
    object: 'users',
    ...km,
    serve: counted(() => kommoUsers(0)),
    message: NO_PROGRESS,
  },
  {
    name: 'Bitrix24 list, next forever',
    adapter: bitrix24Adapter,
    object: 'users',
    ...bx,
    serve: () =>
      fakeBitrix((call) => ({ result: [{ ID: String(Number(call.params.get('start')) + 1), NAME: 'Rep' }], next: Number(call.params.get('start')) + 50 })),
    message: ENDLESS,
  },
  {
    name: 'Bitrix24 list, a next that does not move forward',
    adapter: bitrix24Adapter,
    object: 'users',
    ...bx,
    serve: () => fakeBitrix((call) => ({ result: [{ ID: '1', NAME: 'Rep' }], next: Number(call.params.get('start')) })),
    message: NO_PROGRESS,
  },
  {
    name: 'Bitrix24 list, next on an empty page',
    adapter: bitrix24Adapter,
    object: 'users',
    ...bx,
    serve: () => fakeBitrix((call) => ({ result: [], next: Number(call.params.get('start')) + 50 })),
    message: NO_PROGRESS,
  },
  {
    name: 'sandbox, the same next_cursor again',
    adapter: sandboxAdapter,
    object: 'deals',
    ...sb,
    serve: counted(() => ({ body: { data: [], next_cursor: 'same' } })),
    message: REPEATED,
  },
  {
    name: 'sandbox, a fresh next_cursor forever',
    adapter: sandboxAdapter,
    object: 'deals',
    ...sb,
    serve: counted((_u, n) => ({ body: { data: [], next_cursor: `c${n}` } })),
    message: ENDLESS,
  },
];

describe('every pager stops a CRM that never stops saying "more"', () => {
  it.each(CASES)('$name', async ({ adapter, object, baseUrl, auth, since, serve, message }) => {
    const crm = serve();
    const only: CrmAdapter = { ...adapter, objects: adapter.objects.filter((spec) => spec.name === object) };
    expect(only.objects).toHaveLength(1);
    const store = memorySyncStore();
    const source = `${adapter.id}:endless`;
    let now = Date.parse('2024-03-10T12:00:00Z');
    const job = {
      source,
      adapter: only,
      ctx: { fetch: crm.fetch, baseUrl, auth, source, timeZone: 'UTC', pageSize: 1 },
      store,
      env: { now: () => now, random: () => 0.5 },
      maxPages: CAP,
    };
    if (since !== undefined) {
      await store.saveState({
        key: `${source}/${object}`,
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
      });
    }
    const result = await runSync(job, { sleep: async (ms) => void (now += ms) });
    expect(result.status).toBe('done'); // the run ends; the object in it stopped with the reason
    const [state] = await store.getStates(source);
    expect(state?.phase).toBe('error');
    expect(state?.error?.kind).toBe('bad-response');
    expect(state?.error?.message).toMatch(message);
    expect(crm.calls.length).toBeLessThanOrEqual(CAP + 10);
    expect(store.quarantine.at(-1)?.reason).toMatch(message);
  });
});

describe('the guard itself', () => {
  it('remembers the last 64 positions, hashed, and counts pages up to the cap', () => {
    let trail = advancePager(undefined, 'p1', 'CRM', 'deals');
    expect(trail.pages).toBe(1);
    for (let i = 2; i <= 100; i += 1) trail = advancePager(trail, `p${i}`, 'CRM', 'deals');
    expect(trail.pages).toBe(100);
    expect(trail.recent).toHaveLength(64);
    expect(trail.recent.every((key) => key.length <= 12)).toBe(true);
    expect(() => advancePager(trail, 'p100', 'CRM', 'deals')).toThrow(/already sent/);
    expect(() => advancePager(trail, 'p37', 'CRM', 'deals')).toThrow(/already sent/); // 64 back
    expect(advancePager(trail, 'p36', 'CRM', 'deals').pages).toBe(101); // older: left to the page cap
    expect(() => advancePager({ pages: MAX_PAGES - 1, recent: [] }, 'x', 'CRM', 'deals')).toThrow(
      `still said there was more after ${MAX_PAGES.toLocaleString('en')} pages`,
    );
  });

  it('a Pager for inner loops: no token is the end, a repeated one throws', () => {
    const pager = new Pager('CRM', 'owners', 3);
    expect(pager.next(undefined)).toBe(false);
    expect(pager.next('a')).toBe(true);
    expect(pager.next(2)).toBe(true);
    expect(() => pager.next('a')).toThrow('CRM sent a page position it had already sent while KPI Lens read owners: its paging does not end');
    expect(() => new Pager('CRM', 'owners', 2).next('z')).not.toThrow();
  });
});
