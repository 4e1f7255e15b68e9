import { describe, expect, it } from 'vitest';
import { CrmError } from '../errors';
import type { AdapterContext } from '../types';
import { fakeFetch, type FakeReply } from './test-fake-fetch';
import { accountResponse, callNoteItem, KOMMO_BASE, lead, listResponse, pipelinesResponse, userResponse } from './test-fixtures';
import { kommoAdapter } from './index';

/** The tests' clock: adapters read no clock of their own. */
const NOW = Date.UTC(2024, 4, 1);

function context(route: (url: URL, init?: RequestInit) => FakeReply, patch: Partial<AdapterContext> = {}) {
  const fake = fakeFetch(route);
  const ctx: AdapterContext = {
    fetch: fake.fetch,
    now: () => NOW,
    baseUrl: KOMMO_BASE,
    auth: { kind: 'bearer', token: 'tok' },
    source: 'kommo:stroytorg.amocrm.ru',
    timeZone: 'Europe/Moscow',
    ...patch,
  };
  return { ctx, calls: fake.calls };
}

async function drain(ctx: AdapterContext, object: string, since: number | null) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const page = await kommoAdapter.fetchPage(ctx, object, cursor, since);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 20);
  return pages;
}

describe('kommo client', () => {
  it('pages leads to the end, reads the account currency once and carries it in the cursor', async () => {
    const { ctx, calls } = context((url) => {
      if (url.pathname === '/api/v4/account') return { body: accountResponse };
      const page = Number(url.searchParams.get('page'));
      if (page === 1) return { body: listResponse('leads', [lead(), lead({ id: 2, status_id: 143 })], 1, true) };
      if (page === 2) return { body: listResponse('leads', [lead({ id: 3, status_id: 32392159 })], 2, false) };
      return { status: 204 };
    });
    const pages = await drain(ctx, 'leads', Date.UTC(2024, 0, 1, 0, 0, 30));
    expect(pages.map((p) => p.records.deal?.map((d) => `${d.externalId}:${d.status}`))).toEqual([['19619:won', '2:lost'], ['3:open']]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    expect(calls.filter((c) => c.url.pathname === '/api/v4/account')).toHaveLength(1);
    const first = calls.find((c) => c.url.pathname === '/api/v4/leads')!.url.searchParams;
    expect(Object.fromEntries(first)).toEqual({
      page: '1',
      limit: '250',
      'order[id]': 'asc',
      'filter[updated_at][from]': '1704067230', // 2024-01-01T00:00:30Z in Unix seconds
      with: 'contacts,loss_reason',
    });
    expect(JSON.parse(pages[0]!.nextCursor!)).toEqual({ page: 2, since: Date.UTC(2024, 0, 1, 0, 0, 30), currency: 'RUB' });
    expect(calls[0]?.init?.headers).toMatchObject({ Authorization: 'Bearer tok' });
  });

  it('keeps the first since of a chain even if a later call passes another one', async () => {
    const { ctx, calls } = context(() => ({ body: listResponse('companies', [], 2, false) }));
    await kommoAdapter.fetchPage(ctx, 'companies', JSON.stringify({ page: 2, since: 5_000 }), 9_999_000);
    expect(calls[0]?.url.searchParams.get('filter[updated_at][from]')).toBe('5');
  });

  it('treats 204 No Content as an empty last page and clamps the page size to 250', async () => {
    const { ctx, calls } = context(() => ({ status: 204 }), { pageSize: 10_000 });
    const page = await kommoAdapter.fetchPage(ctx, 'contacts', null, null);
    expect(page).toMatchObject({ records: {}, rejects: [], nextCursor: null });
    expect(calls[0]?.url.searchParams.get('limit')).toBe('250');
    expect(calls[0]?.url.searchParams.has('filter[updated_at][from]')).toBe(false);
  });

  it('keeps the good items of a page with one malformed item', async () => {
    const { ctx } = context((url) =>
      url.pathname.endsWith('/account') ? { body: accountResponse } : { body: listResponse('leads', [lead(), { id: 'bad', price: {} }, lead({ id: 5 })]) },
    );
    const page = await kommoAdapter.fetchPage(ctx, 'leads', null, null);
    expect(page.records.deal?.map((d) => d.externalId)).toEqual(['19619', '5']);
    expect(page.rejects).toHaveLength(1);
    expect(page.rejects[0]?.reason).toMatch(/not an amoCRM lead as documented/);
  });

  it('reads call notes of leads, then contacts, then companies', async () => {
    const { ctx, calls } = context((url) => ({ body: listResponse('notes', url.pathname.includes('/leads/') ? [callNoteItem] : []) }));
    const pages = await drain(ctx, 'calls', null);
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/v4/leads/notes', '/api/v4/contacts/notes', '/api/v4/companies/notes']);
    expect(calls[0]?.url.searchParams.getAll('filter[note_type][]')).toEqual(['call_in', 'call_out']);
    expect(pages.flatMap((p) => p.records.activity ?? []).map((a) => a.externalId)).toEqual(['note:76787983']);
  });

  it('maps pipelines, teams and users in single steps', async () => {
    const { ctx } = context((url) => {
      if (url.pathname.endsWith('/leads/pipelines')) return { body: pipelinesResponse };
      if (url.pathname.endsWith('/account')) return { body: accountResponse };
      return { body: listResponse('users', [userResponse]) };
    });
    expect((await kommoAdapter.fetchPage(ctx, 'pipelines', null, null)).records.stage).toHaveLength(5);
    expect((await kommoAdapter.fetchPage(ctx, 'teams', null, null)).records.team?.map((t) => [t.externalId, t.name])).toEqual([
      ['0', 'Отдел продаж'],
      ['357154', 'Региональные продажи'],
    ]);
    expect((await kommoAdapter.fetchPage(ctx, 'users', null, null)).records.owner?.[0]?.name).toBe('Иван Петров');
  });

  it('reads the recycle bin and reports its leads as deleted deals', async () => {
    const { ctx, calls } = context(() => ({ body: listResponse('leads', [{ id: 19619, updated_at: 1706788800, is_deleted: true, _links: {} }]) }));
    const page = await kommoAdapter.fetchPage(ctx, 'deleted-leads', null, 1_700_000_000_000);
    expect(page.deleted).toEqual({ deal: ['19619'] });
    expect(page.records).toEqual({});
    expect(calls[0]?.url.searchParams.get('with')).toBe('only_deleted');
    expect(calls[0]?.url.searchParams.get('filter[updated_at][from]')).toBe('1700000000');
  });

  it('tells who is signed in', async () => {
    const { ctx } = context((url) => (url.pathname.endsWith('/account') ? { body: accountResponse } : { body: userResponse }));
    await expect(kommoAdapter.whoAmI!(ctx)).resolves.toEqual({ ownerId: '3276403', name: 'Иван Петров' });
  });
});

describe('kommo failures', () => {
  async function failure(reply: FakeReply, patch: Partial<AdapterContext> = {}): Promise<CrmError> {
    const { ctx } = context(() => reply, patch);
    return kommoAdapter.fetchPage(ctx, 'companies', null, null).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error as CrmError,
    );
  }

  it('turns 429 into a rate limit with the Retry-After wait', async () => {
    const error = await failure({ status: 429, headers: { 'retry-after': '3' } });
    expect([error.kind, error.retryAfterMs]).toEqual(['rate-limit', 3000]);
    expect(kommoAdapter.requestsPerSecond).toBe(5);
  });

  it('turns 401 into an auth error that says what to do for a token and for a session', async () => {
    expect(await failure({ status: 401 })).toMatchObject({ kind: 'auth', userAction: expect.stringMatching(/long-lived token/) });
    expect(await failure({ status: 401 }, { auth: { kind: 'session' } })).toMatchObject({
      kind: 'auth',
      userAction: expect.stringMatching(/Sign in to amoCRM again/),
    });
    expect(await failure({ status: 200, body: {} }, { auth: { kind: 'basic', username: 'a', password: 'b' } })).toMatchObject({ kind: 'auth' });
  });

  it('turns 402 (unpaid account) into forbidden and a garbage page into bad-response', async () => {
    expect((await failure({ status: 402, body: { title: 'Payment Required' } })).kind).toBe('forbidden');
    expect((await failure({ text: '<html>Вход</html>' })).kind).toBe('bad-response');
    expect((await failure({ body: { _embedded: { companies: 'nope' } } })).kind).toBe('bad-response');
    expect((await failure({ body: [1, 2, 3] })).kind).toBe('bad-response');
  });

  it('refuses an unreadable cursor', async () => {
    const { ctx } = context(() => ({ status: 204 }));
    await expect(kommoAdapter.fetchPage(ctx, 'leads', '{"page":0}', null)).rejects.toMatchObject({ kind: 'bad-response' });
    await expect(kommoAdapter.fetchPage(ctx, 'nothing', null, null)).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('sends session calls with the cookie and the XHR marker', async () => {
    const { ctx, calls } = context(() => ({ status: 204 }), { auth: { kind: 'session' } });
    await kommoAdapter.fetchPage(ctx, 'contacts', null, null);
    expect(calls[0]?.init).toMatchObject({ credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  });
});
