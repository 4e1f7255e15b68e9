import { describe, expect, it } from 'vitest';
import type { CrmError } from '../errors';
import type { FakeReply } from '../kommo/test-fake-fetch';
import type { AdapterContext } from '../types';
import { bitrix24Adapter } from './index';
import { fakeBitrix, type MethodCall, type MethodReply } from './test-fake-bitrix';
import { BITRIX_WEBHOOK, deal } from './test-fixtures';

/** The tests' clock: adapters read no clock of their own. */
const NOW = Date.UTC(2024, 4, 1);

function portal(answer: (call: MethodCall) => MethodReply, http?: (method: string) => FakeReply | undefined, patch: Partial<AdapterContext> = {}) {
  const fake = fakeBitrix(answer, http);
  const ctx: AdapterContext = {
    fetch: fake.fetch,
    now: () => NOW,
    baseUrl: BITRIX_WEBHOOK,
    auth: { kind: 'webhook' },
    source: 'bitrix24:stroytorg.bitrix24.ru',
    timeZone: 'Europe/Moscow',
    ...patch,
  };
  return { ctx, ...fake };
}

/** A portal with `count` deals, 50 per page, answering crm.deal.list by `start`. */
function dealsPortal(count: number, patch: Partial<AdapterContext> = {}) {
  return portal(
    ({ method, params }) => {
      if (method === 'crm.currency.base.get') return { result: 'RUB' };
      if (method === 'crm.stagehistory.list') return { result: { items: [] }, total: 0 };
      const start = Number(params.get('start'));
      const ids = Array.from({ length: Math.max(0, Math.min(50, count - start)) }, (_, i) => start + i + 1);
      return { result: ids.map((id) => deal({ ID: String(id) })), total: count, ...(start + 50 < count ? { next: start + 50 } : {}) };
    },
    undefined,
    patch,
  );
}

describe('bitrix24 paging and batches', () => {
  it('reads 120 deals to the end: one batch of pages per step, then stage history, cursor by start', async () => {
    const { ctx, methods, calls } = dealsPortal(120, { pageSize: 100 });
    const since = Date.UTC(2024, 3, 24, 7, 0, 0);
    const first = await bitrix24Adapter.fetchPage(ctx, 'deals', null, since);
    const second = await bitrix24Adapter.fetchPage(ctx, 'deals', first.nextCursor, since);
    expect([first.records.deal?.length, JSON.parse(first.nextCursor!), second.records.deal?.length, second.nextCursor]).toEqual([
      100,
      { start: 100, since },
      20,
      null,
    ]);
    // Step 1: a batch of two deal pages (start 0, 50) and the base currency; then a batch of stage history for its 100 deals (10 commands).
    const firstStep = methods.slice(0, 3);
    expect(firstStep.map((m) => [m.method, m.params.get('start')])).toEqual([
      ['crm.deal.list', '0'],
      ['crm.deal.list', '50'],
      ['crm.currency.base.get', null],
    ]);
    expect(firstStep[0]?.params.get('filter[>=DATE_MODIFY]')).toBe('2024-04-24T07:00:00+00:00');
    expect(firstStep[0]?.params.get('order[ID]')).toBe('ASC');
    expect(firstStep[0]?.params.getAll('select[3]')).toEqual(['STAGE_SEMANTIC_ID']);
    expect(methods.filter((m) => m.method === 'crm.stagehistory.list' && m.params.get('filter[@OWNER_ID][0]') === '1')).toHaveLength(1);
    expect(calls.map((c) => c.url.pathname.split('/').at(-1))).toEqual(['batch', 'batch', 'batch', 'batch']);
    expect(first.totalEstimate).toBe(120);
  });

  it('follows stage history that runs over one page', async () => {
    const { ctx, methods } = portal(({ method, params }) => {
      if (method === 'crm.deal.list') return { result: [deal({ ID: '5' })], total: 1 };
      if (method === 'crm.currency.base.get') return { result: 'RUB' };
      const start = Number(params.get('start'));
      const row = (id: number, stage: string, at: string) => ({
        ID: id,
        TYPE_ID: 2,
        OWNER_ID: 5,
        CREATED_TIME: at,
        CATEGORY_ID: 1,
        STAGE_SEMANTIC_ID: 'P',
        STAGE_ID: stage,
      });
      return start === 0
        ? { result: { items: [row(1, 'C1:NEW', '2024-03-01T09:15:00+03:00')] }, total: 2, next: 50 }
        : { result: { items: [row(2, 'C1:WON', '2024-04-24T10:38:55+03:00')] }, total: 2 };
    });
    const page = await bitrix24Adapter.fetchPage(ctx, 'deals', null, null);
    expect(page.records.deal?.[0]?.stageHistory).toEqual([
      { stageId: 'C1:NEW', enteredAt: Date.parse('2024-03-01T09:15:00+03:00') },
      { stageId: 'C1:WON', enteredAt: Date.parse('2024-04-24T10:38:55+03:00') },
    ]);
    expect(methods.filter((m) => m.method === 'crm.stagehistory.list').map((m) => m.params.get('start'))).toEqual(['0', '50']);
  });

  it('keeps the good deals of a page with one malformed item; a deal without currency takes the portal base currency', async () => {
    const { ctx } = portal(({ method }) =>
      method === 'crm.deal.list'
        ? { result: [deal(), { ID: 'bad', OPPORTUNITY: { x: 1 } }, deal({ ID: '102', CURRENCY_ID: '', OPPORTUNITY: '500.00' })], total: 3 }
        : method === 'crm.currency.base.get'
          ? { result: 'KZT' }
          : { result: { items: [] } },
    );
    const page = await bitrix24Adapter.fetchPage(ctx, 'deals', null, null);
    expect(page.records.deal?.map((d) => [d.externalId, d.amount])).toEqual([
      ['101', { minor: 125_000_050, currency: 'RUB' }], // 1 250 000,50 ₽
      ['102', { minor: 50_000, currency: 'KZT' }], // 500.00 ₸ in the base currency
    ]);
    expect(page.rejects).toMatchObject([{ externalId: 'bad', reason: expect.stringMatching(/^not a Bitrix24 deal as documented/) }]);
  });

  it('sends session calls with the cookie and the sessid', async () => {
    const { ctx, calls } = portal(() => ({ result: [], total: 0 }), undefined, {
      auth: { kind: 'session' },
      baseUrl: 'https://stroytorg.bitrix24.ru/rest/?sessid=a1b2c3d4e5f6',
    });
    await bitrix24Adapter.fetchPage(ctx, 'users', null, null);
    expect(calls[0]?.url.toString()).toBe('https://stroytorg.bitrix24.ru/rest/batch?sessid=a1b2c3d4e5f6');
    expect(calls[0]?.init).toMatchObject({ method: 'POST', credentials: 'include' });
  });
});

describe('bitrix24 failures', () => {
  async function failure(http: FakeReply, patch: Partial<AdapterContext> = {}): Promise<CrmError> {
    const { ctx } = portal(
      () => ({ result: [] }),
      () => http,
      patch,
    );
    return bitrix24Adapter.fetchPage(ctx, 'leads', null, null).then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error as CrmError,
    );
  }

  it('QUERY_LIMIT_EXCEEDED (HTTP 503) is a rate limit to wait out, not a server error', async () => {
    expect(await failure({ status: 503, body: { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' } })).toMatchObject({
      kind: 'rate-limit',
      retryAfterMs: 5000,
      status: 503,
    });
    expect(await failure({ status: 503, headers: { 'retry-after': '2' }, body: { error: 'QUERY_LIMIT_EXCEEDED' } })).toMatchObject({
      kind: 'rate-limit',
      retryAfterMs: 2000,
    });
    expect(
      await failure({ status: 429, body: { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' } }),
    ).toMatchObject({ kind: 'budget-exhausted', retryAfterMs: 60_000 });
    expect(bitrix24Adapter.requestsPerSecond).toBe(2);
  });

  it('a rate limit inside a batch stops the step too', async () => {
    const { ctx } = portal(() => ({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }));
    await expect(bitrix24Adapter.fetchPage(ctx, 'activities', null, null)).rejects.toMatchObject({ kind: 'rate-limit' });
  });

  it.each([
    [401, 'expired_token'],
    [401, 'invalid_token'],
    [401, 'NO_AUTH_FOUND'],
    [400, 'INVALID_CREDENTIALS'],
  ])('HTTP %i %s is an auth error', async (status, code) => {
    expect(await failure({ status, body: { error: code, error_description: 'The access token provided has expired.' } })).toMatchObject({
      kind: 'auth',
      userAction: expect.stringMatching(/webhook/),
    });
  });

  it('tells a session user to reload the tab', async () => {
    expect(await failure({ status: 401, body: { error: 'NO_AUTH_FOUND' } }, { auth: { kind: 'session' } })).toMatchObject({
      kind: 'auth',
      userAction: expect.stringMatching(/reload the Bitrix24 tab/),
    });
  });

  it('a garbage page is a bad response; a 5xx is transient; no network is transient', async () => {
    expect((await failure({ status: 200, text: '<!DOCTYPE html><title>Авторизация</title>' })).kind).toBe('bad-response');
    expect((await failure({ status: 200, body: { result: { result: 'nope' } } })).kind).toBe('bad-response');
    expect((await failure({ status: 502, text: 'Bad Gateway' })).kind).toBe('transient');
    const ctx: AdapterContext = {
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      now: () => NOW,
      baseUrl: BITRIX_WEBHOOK,
      auth: { kind: 'webhook' },
      source: 's',
      timeZone: 'UTC',
    };
    await expect(bitrix24Adapter.fetchPage(ctx, 'leads', null, null)).rejects.toMatchObject({ kind: 'transient' });
  });

  it('a next page that does not move forward is a broken answer, not a loop', async () => {
    const { ctx } = portal(() => ({ result: [{ ID: '1' }], total: 99, next: 0 }));
    await expect(bitrix24Adapter.fetchPage(ctx, 'users', null, null)).rejects.toMatchObject({ kind: 'bad-response' });
    await expect(bitrix24Adapter.fetchPage(ctx, 'users', '{"start":-5}', null)).rejects.toMatchObject({ kind: 'bad-response' });
  });
});
