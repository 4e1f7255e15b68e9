import { describe, expect, it } from 'vitest';
import type { CrmError } from '../errors';
import { fakeFetch, type FakeReply } from '../kommo/test-fake-fetch';
import type { AdapterContext } from '../types';
import { closeRetryAfterMs } from './client';
import { callItem, CLOSE_BASE, leadItem, meResponse, opportunity, pipelinesPage, usersPage, wonOpportunity } from './test-fixtures';
import { closeAdapter } from './index';

/** The tests' clock: adapters read no clock of their own. */
const NOW = Date.UTC(2024, 4, 1);

function context(route: (url: URL) => FakeReply, patch: Partial<AdapterContext> = {}) {
  const fake = fakeFetch(route);
  const ctx: AdapterContext = {
    fetch: fake.fetch,
    now: () => NOW,
    baseUrl: CLOSE_BASE,
    auth: { kind: 'basic', username: 'api_key_123', password: '' },
    source: 'close:app.close.com',
    timeZone: 'UTC',
    ...patch,
  };
  return { ctx, calls: fake.calls };
}

describe('close client', () => {
  it('pages opportunities with _skip/_limit until has_more is false, filtered by date_updated__gte', async () => {
    const { ctx, calls } = context((url) => {
      const skip = Number(url.searchParams.get('_skip'));
      if (skip === 0) return { body: { data: [opportunity(), wonOpportunity], has_more: true, total_results: 3 } };
      return { body: { data: [opportunity({ id: 'oppo_3', status_type: 'lost' })], has_more: false, total_results: 3 } };
    });
    const since = Date.UTC(2024, 3, 24, 7, 38, 55);
    const first = await closeAdapter.fetchPage(ctx, 'opportunities', null, since);
    const second = await closeAdapter.fetchPage(ctx, 'opportunities', first.nextCursor, since);
    // the changed records are done; an incremental chain goes on to the deletions logged since `since`
    expect([first.records.deal?.length, second.records.deal?.[0]?.status, JSON.parse(second.nextCursor ?? 'null'), first.totalEstimate]).toEqual([
      2,
      'lost',
      { pass: 'deleted', since, events: null },
      3,
    ]);
    expect(Object.fromEntries(calls[0]!.url.searchParams)).toEqual({
      _order_by: 'date_created',
      _skip: '0',
      _limit: '100',
      date_updated__gte: '2024-04-24T07:38:55.000Z',
    });
    expect(calls[1]?.url.searchParams.get('_skip')).toBe('2');
    expect(calls[0]?.init?.headers).toMatchObject({ Authorization: `Basic ${btoa('api_key_123:')}` });
  });

  it('looks back two days for calls (Close filters activities by creation only) and reads leads, users and pipelines whole', async () => {
    const { ctx, calls } = context((url) => {
      if (url.pathname.endsWith('/activity/call/')) return { body: { data: [callItem], has_more: false } };
      if (url.pathname.endsWith('/lead/')) return { body: { data: [leadItem], has_more: false } };
      if (url.pathname.endsWith('/user/')) return { body: usersPage };
      return { body: pipelinesPage };
    });
    const since = Date.UTC(2024, 0, 10);
    expect((await closeAdapter.fetchPage(ctx, 'calls', null, since)).records.activity).toHaveLength(1);
    expect(calls[0]?.url.searchParams.get('date_created__gte')).toBe('2024-01-08T00:00:00.000Z');
    await closeAdapter.fetchPage(ctx, 'leads', null, since);
    expect(calls[1]?.url.searchParams.has('date_updated__gte')).toBe(false);
    expect(calls[1]?.url.searchParams.get('_fields')).toContain('display_name');
    expect((await closeAdapter.fetchPage(ctx, 'users', null, null)).records.owner).toHaveLength(2);
    expect((await closeAdapter.fetchPage(ctx, 'pipelines', null, null)).records.stage).toHaveLength(4);
  });

  it('keeps the good opportunities of a page with one malformed item', async () => {
    const { ctx } = context(() => ({
      body: { data: [opportunity(), { id: 'oppo_x', status_type: 'won', date_updated: 5 }, wonOpportunity], has_more: false },
    }));
    const page = await closeAdapter.fetchPage(ctx, 'opportunities', null, null);
    expect(page.records.deal?.map((d) => d.status)).toEqual(['open', 'won']);
    expect(page.rejects).toMatchObject([{ recordType: 'deal', externalId: 'oppo_x', reason: expect.stringMatching(/date_updated/) }]);
  });

  it('tells who owns the API key', async () => {
    const { ctx } = context(() => ({ body: meResponse }));
    await expect(closeAdapter.whoAmI!(ctx)).resolves.toEqual({ ownerId: meResponse.id, name: 'Anthony Nemitz' });
  });
});

describe('close failures', () => {
  async function failure(reply: FakeReply, patch: Partial<AdapterContext> = {}): Promise<CrmError> {
    const { ctx } = context(() => reply, patch);
    return closeAdapter.fetchPage(ctx, 'opportunities', null, null).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error as CrmError,
    );
  }

  it('waits as long as Close says after a 429: Retry-After, RateLimit reset, or the old body', async () => {
    expect(await failure({ status: 429, headers: { 'retry-after': '4' } })).toMatchObject({ kind: 'rate-limit', retryAfterMs: 4000 });
    expect(await failure({ status: 429, headers: { ratelimit: 'limit=240, remaining=0, reset=7' } })).toMatchObject({ kind: 'rate-limit', retryAfterMs: 7000 });
    expect(await failure({ status: 429, body: { error: { rate_reset: 2.5, message: 'API call count exceeded' } } })).toMatchObject({
      kind: 'rate-limit',
      retryAfterMs: 3000,
    });
    expect(closeRetryAfterMs(new Headers({ ratelimit: 'limit=240, remaining=0, reset=1.5' }), null, 0)).toBe(1500);
  });

  it('turns 401 into an auth error that says where to get a new key', async () => {
    expect(await failure({ status: 401, body: { error: 'Unauthorized' } })).toMatchObject({ kind: 'auth', userAction: expect.stringMatching(/API Keys/) });
    expect(await failure({ status: 200, body: {} }, { auth: { kind: 'session' } })).toMatchObject({ kind: 'auth' });
  });

  it('turns a garbage page, a 400 and a 5xx into the right kinds', async () => {
    expect((await failure({ text: 'Service Unavailable<html>' })).kind).toBe('bad-response');
    expect((await failure({ body: { data: 'x' } })).kind).toBe('bad-response');
    expect((await failure({ status: 400, body: { error: 'Invalid _order_by' } })).kind).toBe('bad-response');
    expect((await failure({ status: 503 })).kind).toBe('transient');
    expect((await failure({ status: 403 })).kind).toBe('forbidden');
  });

  it('a lead list past Close’s maximum skip stops with Close’s words (leads have no date filter to window by)', async () => {
    const said = 'The skip you set is larger than the maximum skip for this resource (max_skip = 250000). Please refine your search query.';
    const { ctx } = context(() => ({ status: 400, body: { error: said } }));
    const error = await closeAdapter.fetchPage(ctx, 'leads', JSON.stringify({ skip: 250_100, since: null }), null).catch((e: unknown) => e as CrmError);
    expect(error).toMatchObject({ kind: 'bad-response', status: 400, maxSkip: 250_000, message: `Close will not page /lead/ further: ${said}` });
  });

  it('refuses an unreadable cursor and an unknown object', async () => {
    const { ctx } = context(() => ({ body: { data: [], has_more: false } }));
    await expect(closeAdapter.fetchPage(ctx, 'opportunities', 'skip=5', null)).rejects.toMatchObject({ kind: 'bad-response' });
    await expect(closeAdapter.fetchPage(ctx, 'tasks', null, null)).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
