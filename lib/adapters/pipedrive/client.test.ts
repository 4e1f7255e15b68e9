import { describe, expect, it } from 'vitest';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { NOW, pipedriveContext, routedFetch, type Call } from '../../../test/contracts/pipedrive';
import { CrmError } from '../errors';
import { pipedriveAdapter } from './index';

const deal = (id: number, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Deal ${id}`,
  owner_id: 7,
  value: 1250.5,
  currency: 'EUR',
  status: 'won',
  add_time: '2024-01-02T10:00:00Z',
  update_time: '2024-02-01T09:00:00Z',
  won_time: '2024-01-31T16:00:00Z',
  ...extra,
});
const v2Page = (data: unknown[], next: string | null) => ({ success: true, data, additional_data: { next_cursor: next } });
const noProducts = v2Page([], null);

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

describe('Pipedrive paging and since', () => {
  it('sends updated_since and the token, passes Pipedrive’s cursor back, then moves on to the archive', async () => {
    const calls: Call[] = [];
    const fetch = routedFetch(
      {
        'v2 /deals': (url) => jsonResponse(url.searchParams.get('cursor') === 'abc' ? v2Page([deal(2)], null) : v2Page([deal(1)], 'abc')),
        'v2 /deals/products': noProducts,
      },
      calls,
    );
    const ctx = pipedriveContext(fetch);
    const since = Date.parse('2024-01-15T08:30:00.250Z');
    const first = await pipedriveAdapter.fetchPage(ctx, 'deals', null, since);
    expect(first.records.deal?.map((d) => d.externalId)).toEqual(['1']);
    expect(calls[0]?.url.searchParams.get('updated_since')).toBe('2024-01-15T08:30:00Z'); // RFC 3339, whole seconds
    expect(new Headers(calls[0]?.init?.headers).get('x-api-token')).toBe('test-token');
    // the engine may pass a newer since mid-chain: the chain keeps the window it started with
    const second = await pipedriveAdapter.fetchPage(ctx, 'deals', first.nextCursor, since + 999_999);
    const dealCalls = calls.filter((c) => c.url.pathname === '/api/v2/deals');
    expect(dealCalls[1]?.url.searchParams.get('cursor')).toBe('abc');
    expect(dealCalls[1]?.url.searchParams.get('updated_since')).toBe('2024-01-15T08:30:00Z');
    expect(second.records.deal?.map((d) => d.externalId)).toEqual(['2']);
    expect(JSON.parse(second.nextCursor ?? 'null')).toMatchObject({ phase: 1 }); // next: /deals/archived
  });

  it('v1 lists page by start until more_items_in_collection is false', async () => {
    const calls: Call[] = [];
    const lead = (id: string) => ({ id, title: id, add_time: '2024-01-01T00:00:00Z', update_time: '2024-01-02T00:00:00Z' });
    const fetch = routedFetch(
      {
        'v1 /leads': (url) =>
          jsonResponse(
            url.searchParams.get('start') === '0'
              ? { success: true, data: [lead('a')], additional_data: { pagination: { start: 0, more_items_in_collection: true, next_start: 1 } } }
              : { success: true, data: [lead('b')], additional_data: { pagination: { start: 1, more_items_in_collection: false } } },
          ),
      },
      calls,
    );
    const ctx = pipedriveContext(fetch, { pageSize: 1 });
    const first = await pipedriveAdapter.fetchPage(ctx, 'leads', null, null);
    const second = await pipedriveAdapter.fetchPage(ctx, 'leads', first.nextCursor, null);
    expect([first.records.lead?.[0]?.externalId, second.records.lead?.[0]?.externalId]).toEqual(['a', 'b']);
    expect(calls.map((c) => c.url.searchParams.get('start'))).toEqual(['0', '1']);
    expect(calls[0]?.url.searchParams.get('limit')).toBe('1');
    expect(JSON.parse(second.nextCursor ?? 'null')).toMatchObject({ phase: 1 }); // then /leads/archived
  });

  it('a page with one malformed item rejects that item and keeps the rest', async () => {
    const bad = deal(3, { value: 'lots', currency: 'EUR' });
    const wrongType = deal(4, { owner_id: 'nobody' });
    const fetch = routedFetch({ 'v2 /deals': v2Page([deal(1), bad, wrongType, deal(2)], null), 'v2 /deals/products': noProducts });
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'deals', null, null);
    expect(page.records.deal?.map((d) => d.externalId)).toEqual(['1', '2']);
    expect(page.records.deal?.[0]?.amount).toEqual({ minor: 125050, currency: 'EUR' }); // 1250.50 × 100
    expect(page.rejects.map((r) => [r.externalId, r.recordType])).toEqual([
      ['3', 'deal'],
      ['4', 'deal'],
    ]);
    expect(page.rejects[0]?.reason).toMatch(/not a readable number/);
    expect(page.rejects[1]?.reason).toMatch(/owner_id/);
    expect(page.rejects[0]?.raw).toEqual(bad); // the raw payload goes to quarantine
  });

  it('reports the daily token budget from the headers', async () => {
    const fetch = routedFetch({
      'v2 /pipelines': () => jsonResponse(v2Page([], null), 200, { 'x-daily-ratelimit-token-remaining': '29500', 'x-daily-ratelimit-token-limit': '30000' }),
    });
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'pipelines', null, null);
    // NOW is 2024-03-10 12:00 UTC → resets at 2024-03-11 00:00 UTC
    expect(page.budget).toEqual({ label: 'daily token budget', remaining: 29500, limit: 30000, resetsAt: Date.parse('2024-03-11T00:00:00Z') });
  });
});

describe('Pipedrive failures', () => {
  it('429 with Retry-After is a rate limit with that wait', async () => {
    const fetch = routedFetch({ 'v2 /stages': () => jsonResponse({ success: false, error: 'Too many requests' }, 429, { 'retry-after': '2' }) });
    const error = await failure(pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'stages', null, null));
    expect([error.kind, error.retryAfterMs]).toEqual(['rate-limit', 2000]);
  });

  it("429 without Retry-After waits the burst window x-ratelimit-reset names (Pipedrive's rate limiting docs), else 10 s", async () => {
    // The headers of the docs' example answer (Advanced plan): x-ratelimit-limit 40, -remaining 39, -reset 2.
    const documented = { 'x-ratelimit-limit': '40', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2', 'x-daily-requests-left': '9999' };
    const burst = routedFetch({ 'v2 /stages': () => jsonResponse({ success: false, error: 'Request over limit', errorCode: 429 }, 429, documented) });
    expect((await failure(pipedriveAdapter.fetchPage(pipedriveContext(burst), 'stages', null, null))).retryAfterMs).toBe(2000);
    const bare = routedFetch({ 'v2 /stages': () => jsonResponse({ success: false }, 429) });
    expect((await failure(pipedriveAdapter.fetchPage(pipedriveContext(bare), 'stages', null, null))).retryAfterMs).toBe(10_000);
  });

  it('429 with the daily token budget at zero pauses until midnight UTC', async () => {
    const fetch = routedFetch({ 'v2 /stages': () => jsonResponse({ success: false }, 429, { 'x-daily-ratelimit-token-remaining': '0' }) });
    const error = await failure(pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'stages', null, null));
    expect(error.kind).toBe('budget-exhausted');
    expect(error.retryAfterMs).toBe(12 * 3600_000); // 12:00 → 24:00 UTC
  });

  it.each([
    ['token', { kind: 'token', token: 'x' }, /API token/],
    ['session', { kind: 'session' }, /reload/i],
  ] as const)('401 with %s auth → auth error with the step for the rep', async (_, auth, action) => {
    const fetch = routedFetch({ 'v2 /stages': () => jsonResponse({ success: false, error: 'unauthorized access', errorCode: 401 }, 401) });
    const error = await failure(pipedriveAdapter.fetchPage(pipedriveContext(fetch, { auth }), 'stages', null, null));
    expect(error.kind).toBe('auth');
    expect(error.userAction).toMatch(action);
  });

  it('session auth sends the cookies and no token', async () => {
    const calls: Call[] = [];
    const fetch = routedFetch({ 'v2 /stages': v2Page([], null) }, calls);
    await pipedriveAdapter.fetchPage(pipedriveContext(fetch, { auth: { kind: 'session' } }), 'stages', null, null);
    expect(calls[0]?.init?.credentials).toBe('include');
    expect(new Headers(calls[0]?.init?.headers).has('x-api-token')).toBe(false);
  });

  it.each([
    ['HTML instead of JSON', () => new Response('<html>login</html>', { status: 200 })],
    ['data is not a list', () => jsonResponse({ success: true, data: { id: 1 } })],
    ['success false with an error', () => jsonResponse({ success: false, error: 'boom' })],
  ])('garbage body (%s) → bad-response', async (_, respond) => {
    const fetch = routedFetch({ 'v2 /activities': respond });
    const error = await failure(pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'activities', null, null));
    expect(error.kind).toBe('bad-response');
  });

  it('an unreadable cursor is a bad-response, not a crash', async () => {
    const error = await failure(pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({})), 'deals', '{not json', null));
    expect(error.kind).toBe('bad-response');
  });

  it('a plan without goals (402) is forbidden: the engine skips the object', async () => {
    const fetch = routedFetch({ 'v1 /goals/find': () => jsonResponse({ success: false, error: 'Payment required' }, 402) });
    const error = await failure(pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'goals', null, NOW));
    expect(error.kind).toBe('forbidden');
  });
});
