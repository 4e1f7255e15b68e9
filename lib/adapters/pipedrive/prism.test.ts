import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecord, type RecordType } from '../../model';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { asLastPage, asksLaterPage, PIPEDRIVE_V1, PIPEDRIVE_V2 } from '../../../test/contracts/pipedrive';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { startPrism, type PrismServer } from '../../../test/contracts/prism';
import { CrmError } from '../errors';
import type { AdapterContext, FetchLike, FetchedPage } from '../types';
import { pipedriveAdapter } from './index';

/**
 * The adapter against Pipedrive's published OpenAPI specs served by Prism on
 * loopback, with a real fetch: `/api/v1/*` goes to the v1 mock, `/api/v2/*` to
 * the v2 mock. Prism checks each request against the spec (parameters, the
 * `x-api-token` header) and answers the spec's examples (static mode) or, with
 * `Prefer: dynamic=true` on a request, random schema-valid bodies (Prism's
 * dynamic mode, per request, so one server per spec serves both runs: parsing
 * the 1.7 MB v1 spec is most of the test's time).
 */
let servers: { v1: PrismServer; v2: PrismServer };
/** About 5 s on an idle machine; generous for a loaded one. */
const SLOW = 120_000;

beforeAll(async () => {
  const [v1, v2] = await Promise.all([startPrism(PIPEDRIVE_V1, { timeoutMs: 90_000 }), startPrism(PIPEDRIVE_V2, { timeoutMs: 90_000 })]);
  servers = { v1, v2 };
}, 100_000);

afterAll(async () => {
  await Promise.all(Object.values(servers ?? {}).map((s) => s.stop()));
});

/**
 * Requests to the two mocks. Prism's static mode answers an endpoint's example
 * whatever the cursor, so a list that says "more" says it forever with the same
 * cursor; `endLists` makes a later page the list's last (as a real account's
 * list ends), so a whole sync can finish.
 */
function loopbackFetch(v1: PrismServer, v2: PrismServer, statuses: number[], options: { dynamic?: boolean; endLists?: boolean } = {}): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    const match = /^\/api\/(v1|v2)(\/.*)$/.exec(url.pathname);
    if (!match) throw new Error(`unexpected URL ${input}`);
    const target = `${match[1] === 'v1' ? v1.url : v2.url}${match[2]}${url.search}`;
    const headers = new Headers(init?.headers);
    if (options.dynamic) headers.set('prefer', 'dynamic=true');
    const response = await fetch(target, { ...init, headers });
    statuses.push(response.status);
    if (!options.endLists || !asksLaterPage(url) || response.status !== 200) return response;
    return jsonResponse(asLastPage(await response.json()));
  };
}

function context(fetch: FetchLike, auth: AdapterContext['auth'] = { kind: 'token', token: 'prism-token' }): AdapterContext {
  return {
    fetch,
    now: () => Date.UTC(2024, 4, 1),
    baseUrl: 'https://acme.pipedrive.com/api',
    appUrl: 'https://acme.pipedrive.com',
    auth,
    source: 'pipedrive:acme',
    timeZone: 'Europe/Berlin',
  };
}

function expectAllValid(page: FetchedPage): number {
  let count = 0;
  for (const [type, list] of Object.entries(page.records)) {
    for (const record of list ?? []) {
      expect(parseRecord(type as RecordType, record).ok).toBe(true);
      count++;
    }
  }
  for (const reject of page.rejects) expect(reject.reason.length).toBeGreaterThan(0);
  return count + page.rejects.length;
}

describe('Pipedrive adapter against Prism mocks of the published specs', () => {
  it(
    'static mode: syncs every object page by page until done, each request accepted by the spec',
    async () => {
      const statuses: number[] = [];
      const ctx = context(loopbackFetch(servers.v1, servers.v2, statuses, { endLists: true }));
      const produced = new Map<string, number>();
      for (const object of pipedriveAdapter.objects) {
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: FetchedPage = await pipedriveAdapter.fetchPage(ctx, object.name, cursor, Date.parse('2020-01-01T00:00:00Z'));
          produced.set(object.name, (produced.get(object.name) ?? 0) + expectAllValid(page));
          cursor = page.nextCursor;
          pages++;
        } while (cursor !== null && pages < 20);
        expect(cursor, `${object.name} reached its end`).toBeNull();
      }
      expect(statuses.every((s) => s === 200)).toBe(true);
      for (const object of pipedriveAdapter.objects) expect(produced.get(object.name), object.name).toBeGreaterThan(0);
      await expect(pipedriveAdapter.whoAmI(ctx)).resolves.toEqual({ ownerId: '1', name: 'Me' });
    },
    SLOW,
  );

  it(
    'static mode as it is (every list says "more" with the same cursor): the sync stops each such chain with the pager guard’s error, never loops',
    async () => {
      const statuses: number[] = [];
      const ctx = context(loopbackFetch(servers.v1, servers.v2, statuses));
      const store = memorySyncStore();
      const clock = { now: 0 };
      const job = { source: ctx.source, adapter: pipedriveAdapter, ctx, store, env: { now: () => clock.now, random: () => 0.5 } };
      const result = await runSync(job, { sleep: async (ms) => void (clock.now += ms) });
      expect(result.status).toBe('done');
      const states = await store.getStates(ctx.source);
      const stuck = states.filter((state) => state.phase === 'error');
      // The v2 lists' examples give a next_cursor: the second page repeats it. The v1 examples read here say no more.
      expect(stuck.map((state) => state.object).sort()).toEqual(['activities', 'deals', 'organizations', 'pipelines', 'products', 'stages']);
      for (const state of stuck)
        expect(state.error?.message).toMatch(
          /^Pipedrive sent a page position it had already sent while KPI Lens read (\w+|the products of a page of deals): its paging does not end$/,
        );
      expect(
        states
          .filter((state) => state.phase === 'done')
          .map((state) => state.object)
          .sort(),
      ).toEqual(['callLogs', 'goals', 'leads', 'users']);
      expect(statuses.length).toBeLessThan(200); // each stuck chain: its pages, then three attempts at the repeated one
      expect(statuses.every((s) => s === 200)).toBe(true);
    },
    SLOW,
  );

  it('without the API token Prism refuses (401) and the adapter reports auth', async () => {
    const ctx = context(loopbackFetch(servers.v1, servers.v2, []), { kind: 'session' });
    const error = await pipedriveAdapter.fetchPage(ctx, 'deals', null, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).kind).toBe('auth');
  });

  it(
    'dynamic mode: random schema-valid answers never crash fetchPage; every item is a record or a reasoned reject, an endless list the guard’s error',
    async () => {
      const bodies: string[] = [];
      const fetchDynamic = loopbackFetch(servers.v1, servers.v2, [], { dynamic: true });
      const ctx = context(async (input, init) => {
        const response = await fetchDynamic(input, init);
        bodies.push(await response.clone().text());
        return response;
      });
      let items = 0;
      for (let round = 0; round < 2; round++) {
        for (const object of pipedriveAdapter.objects) {
          let cursor: string | null = null;
          for (let pages = 0; pages < 2; pages++) {
            let page: FetchedPage;
            try {
              page = await pipedriveAdapter.fetchPage(ctx, object.name, cursor, null);
            } catch (error) {
              // Random bodies always carry a fresh next_cursor: a list that says "more" forever, which the pager guard stops.
              expect(error).toBeInstanceOf(CrmError);
              expect((error as CrmError).message).toMatch(/paging does not end$/);
              break;
            }
            items += expectAllValid(page);
            cursor = page.nextCursor;
            if (cursor === null) break;
          }
        }
      }
      expect(items).toBeGreaterThan(0);
      // random answers, not the examples: the same request gave different bodies
      expect(new Set(bodies).size).toBeGreaterThan(bodies.length / 2);
    },
    SLOW,
  );
});
