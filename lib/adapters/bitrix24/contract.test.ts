import { describe, expect, it } from 'vitest';
import { parseRecord } from '../../model';
import { isCrmError } from '../errors';
import type { AdapterContext, FetchedPage } from '../types';
import { bitrixBatch, throwFirstError } from './call';
import { bitrix24Adapter } from './index';
import { collectStageHistory } from './map-deals';
import { type ContractExample, loadContractExamples } from './test-contract-examples';
import { fakeBitrix, type MethodReply } from './test-fake-bitrix';

/**
 * Contract tests against every JSON example of the Bitrix24 REST reference
 * pages (shared/contracts/bitrix24): each success example is served by a fake
 * portal and read through the adapter's own client; each item must become a
 * valid record whose values equal the example's fields, or a reject with a
 * reason. Each error example must become the right CrmError.
 */
const examples = loadContractExamples();
const WEBHOOK = 'https://acme.bitrix24.ru/rest/1/abcdef0123456789/';
/** The tests' clock: adapters read no clock of their own. */
const NOW = Date.UTC(2024, 4, 1);
const handled = new Set<ContractExample>();

function example(file: string, section: RegExp, nth = 0): ContractExample {
  const found = examples.filter((e) => e.file === file && section.test(e.section))[nth];
  if (!found) throw new Error(`no example ${nth} under ${section} in ${file}`);
  handled.add(found);
  return found;
}

const asReply = (body: unknown): MethodReply => body as MethodReply;

function portal(answer: (method: string, params: URLSearchParams) => unknown, pageSize = 50) {
  const fake = fakeBitrix((call) => asReply(answer(call.method, call.params)));
  const ctx: AdapterContext = {
    fetch: fake.fetch,
    now: () => NOW,
    baseUrl: WEBHOOK,
    auth: { kind: 'webhook' },
    source: 'bitrix24:acme.bitrix24.ru',
    timeZone: 'Europe/Moscow',
    pageSize,
  };
  return { ctx, methods: fake.methods };
}

function expectValid(page: FetchedPage) {
  for (const [type, records] of Object.entries(page.records)) for (const record of records ?? []) expect(parseRecord(type as never, record).ok).toBe(true);
  for (const reject of page.rejects) expect(reject.reason).not.toBe('');
}

const empty = { result: [], total: 0 };

describe('Bitrix24 reference examples', () => {
  it('finds the examples of every reference page', () => {
    expect(new Set(examples.map((e) => e.file)).size).toBe(9);
    expect(examples.length).toBeGreaterThanOrEqual(19);
  });

  it('crm.deal.list: the example selects no STAGE_SEMANTIC_ID, so each deal is rejected with that reason', async () => {
    const body = example('crm-deal-list.md', /Response/).body as { result: { ID: string }[]; total: number };
    const { ctx, methods } = portal((method) =>
      method === 'crm.deal.list' ? body : method === 'crm.currency.base.get' ? { result: 'RUB' } : { result: { items: [] }, total: 0 },
    );
    const page = await bitrix24Adapter.fetchPage(ctx, 'deals', null, null);
    expectValid(page);
    expect(page.records.deal).toBeUndefined();
    expect(page.rejects.map((r) => r.externalId)).toEqual(body.result.map((d) => d.ID));
    expect(page.rejects.every((r) => /STAGE_SEMANTIC_ID/.test(r.reason))).toBe(true);
    expect([page.nextCursor, page.totalEstimate]).toEqual([null, 6]);
    // The stage history of the page's deals was asked for, ten deals per command.
    expect(methods.find((m) => m.method === 'crm.stagehistory.list')?.params.getAll('filter[@OWNER_ID][0]')).toEqual(['37']);
  });

  it('crm.lead.list: converted leads with their dates, source and owner', async () => {
    const body = example('crm-lead-list.md', /Response/).body as { result: Record<string, string>[] };
    const { ctx } = portal(() => body);
    const page = await bitrix24Adapter.fetchPage(ctx, 'leads', null, null);
    expectValid(page);
    expect(page.rejects).toEqual([]);
    const [first, second] = page.records.lead ?? [];
    const raw = body.result[0]!;
    expect(first).toEqual({
      source: 'bitrix24:acme.bitrix24.ru',
      externalId: raw.ID,
      updatedAt: Date.parse(raw.DATE_MODIFY!), // 2021-11-26T18:56:13+02:00
      url: 'https://acme.bitrix24.ru/crm/lead/details/5/',
      name: raw.TITLE,
      ownerId: raw.ASSIGNED_BY_ID,
      createdAt: Date.parse(raw.DATE_CREATE!),
      status: 'converted', // STATUS_SEMANTIC_ID S
      channel: 'call', // SOURCE_ID CALL
      channelRaw: 'CALL',
      convertedAt: Date.parse(raw.DATE_CLOSED!),
      region: raw.ADDRESS_COUNTRY,
    });
    expect(second?.convertedAt).toBe(Date.parse('2021-07-16T16:43:47+02:00'));
    expect([page.nextCursor && JSON.parse(page.nextCursor).start, page.totalEstimate]).toEqual([50, 654]);
  });

  it('crm.activity.list: a full call activity maps; partial selections are rejected with a reason', async () => {
    const full = example('crm-activity-list.md', /Response Handling/).body as { result: Record<string, string>[] };
    const { ctx } = portal(() => full);
    const page = await bitrix24Adapter.fetchPage(ctx, 'activities', null, null);
    expectValid(page);
    const raw = full.result[0]!;
    expect(page.records.activity?.[0]).toEqual({
      source: 'bitrix24:acme.bitrix24.ru',
      externalId: '20',
      updatedAt: Date.parse(raw.LAST_UPDATED!),
      url: 'https://acme.bitrix24.ru/crm/contact/details/15/', // OWNER_TYPE_ID 3 = contact
      ownerId: '505',
      type: 'call', // TYPE_ID 2
      direction: 'outbound', // DIRECTION 2
      subtype: 'CALL',
      title: 'Outgoing call Klaus Weber',
      occurredAt: Date.parse('2020-09-27T13:25:00+03:00'),
      createdAt: Date.parse('2020-09-27T13:26:55+03:00'),
      done: true, // COMPLETED Y
      durationSec: 6 * 3600, // 13:25 → 19:25
    });
    expect([JSON.parse(page.nextCursor!).start, page.totalEstimate]).toEqual([50, 123456]);

    for (const [nth, id] of [
      [0, '20'],
      [1, '101121'],
    ] as const) {
      const partial = example('crm-activity-list.md', /Returned Data Example/, nth).body;
      const { ctx: partialCtx } = portal(() => partial);
      const rejected = await bitrix24Adapter.fetchPage(partialCtx, 'activities', null, null);
      expect(rejected.records.activity).toBeUndefined();
      expect(rejected.rejects).toMatchObject([{ externalId: id, reason: expect.stringMatching(/RESPONSIBLE_ID/) }]);
    }
  });

  it('crm.category.list + crm.status.list: funnels and the stages of funnel 0 with their semantics', async () => {
    const categories = example('crm-category-list.md', /Response/).body;
    const statuses = example('crm-status-list.md', /Response/).body;
    const { ctx, methods } = portal((method, params) =>
      method === 'crm.category.list' ? categories : params.get('filter[ENTITY_ID]') === 'DEAL_STAGE' ? statuses : empty,
    );
    const page = await bitrix24Adapter.fetchPage(ctx, 'pipelines', null, null);
    expectValid(page);
    expect(page.rejects).toEqual([]);
    expect(page.records.pipeline?.map((p) => [p.externalId, p.name, p.order])).toEqual([
      ['9', 'Funnel with Original Name', 200],
      ['10', 'Lead Route', 200],
      ['11', 'Path to Success', 200],
      ['0', 'General', 300],
    ]);
    expect(methods.filter((m) => m.method === 'crm.status.list').map((m) => m.params.get('filter[ENTITY_ID]'))).toEqual([
      'DEAL_STAGE_9',
      'DEAL_STAGE_10',
      'DEAL_STAGE_11',
      'DEAL_STAGE',
    ]);
    // Five in-progress stages → 100·k/6 for k = 1…5; SEMANTICS S → 100, F → 0.
    expect(page.records.stage?.map((s) => [s.externalId, s.pipelineId, s.order, s.probability])).toEqual([
      ['NEW', '0', 10, 17],
      ['PREPARATION', '0', 20, 33],
      ['PREPAYMENT_INVOICE', '0', 30, 50],
      ['EXECUTING', '0', 40, 67],
      ['FINAL_INVOICE', '0', 50, 83],
      ['WON', '0', 60, 100],
      ['LOSE', '0', 70, 0],
      ['APOLOGY', '0', 80, 0],
    ]);
  });

  it('crm.stagehistory.list: rows become the stage history of their deal', async () => {
    const body = example('crm-stage-history-list.md', /Response/).body as { result: { items: unknown[] } };
    expect(collectStageHistory(body.result.items)).toEqual({
      history: new Map([['21', [{ stageId: 'NEW', enteredAt: Date.parse('2024-04-25T14:59:11+00:00') }]]]),
      unreadable: 0,
    });
    const deal = {
      ID: '21',
      TITLE: 'Поставка оборудования',
      STAGE_ID: 'NEW',
      STAGE_SEMANTIC_ID: 'P',
      CATEGORY_ID: '0',
      OPPORTUNITY: '1250000.50',
      CURRENCY_ID: 'RUB',
      ASSIGNED_BY_ID: '1',
      DATE_CREATE: '2024-04-25T17:59:11+03:00',
      DATE_MODIFY: '2024-04-25T17:59:11+03:00',
    };
    const { ctx } = portal((method) =>
      method === 'crm.deal.list' ? { result: [deal], total: 1 } : method === 'crm.stagehistory.list' ? body : { result: 'RUB' },
    );
    const page = await bitrix24Adapter.fetchPage(ctx, 'deals', null, null);
    expect(page.records.deal?.[0]).toMatchObject({
      externalId: '21',
      status: 'open',
      amount: { minor: 125_000_050, currency: 'RUB' },
      stageHistory: [{ stageId: 'NEW', enteredAt: Date.parse('2024-04-25T14:59:11+00:00') }],
    });
  });

  it('user.get: users with names, e-mail and active flag', async () => {
    const body = example('user-get.md', /Response/).body;
    const { ctx } = portal(() => body);
    const page = await bitrix24Adapter.fetchPage(ctx, 'users', null, null);
    expectValid(page);
    expect(page.records.owner?.map((o) => [o.externalId, o.name, o.email, o.active, o.updatedAt])).toEqual([
      ['1', 'Vadim Valeev', 'v.r.valeev@bitrix.com', true, Date.parse('2024-07-15T00:00:00+00:00')], // TIMESTAMP_X is {} → DATE_REGISTER
      ['3', 'John Smith', 'test@gmail.com', true, Date.parse('2024-07-22T00:00:00+00:00')],
    ]);
  });

  it('batch: results, totals and errors split back per command', async () => {
    const success = example('batch.md', /Response/).body;
    const fake = fakeBitrix(
      () => ({ result: null }),
      () => ({ body: success }),
    );
    const ctx: AdapterContext = { fetch: fake.fetch, now: () => NOW, baseUrl: WEBHOOK, auth: { kind: 'webhook' }, source: 's', timeZone: 'UTC' };
    const outcome = await bitrixBatch(ctx, {
      get_user: { method: 'user.current', params: {} },
      get_department: { method: 'department.get', params: { ID: '$result[get_user][UF_DEPARTMENT][0]' } },
    });
    expect(outcome.errors).toEqual({});
    expect(outcome.results.get_user?.result).toMatchObject({ ID: '1', NAME: 'John', LAST_NAME: 'Doe' });
    expect(outcome.results.get_department).toEqual({ result: [{ ID: '1', NAME: 'DEMO', SORT: 500 }], total: 1, next: undefined });
    const sent = JSON.parse(String(fake.calls[0]?.init?.body)) as { cmd: Record<string, string> };
    expect(sent.cmd.get_department).toBe('department.get?ID=%24result%5Bget_user%5D%5BUF_DEPARTMENT%5D%5B0%5D');

    for (const nth of [0, 1]) {
      const failed = example('batch.md', /Error Handling/, nth).body;
      const errorFake = fakeBitrix(
        () => ({ result: null }),
        () => ({ body: failed }),
      );
      const outcomeWithErrors = await bitrixBatch({ ...ctx, fetch: errorFake.fetch }, { get_user: { method: 'user.current', params: {} } });
      expect(outcomeWithErrors.errors.get_user).toMatchObject({ kind: 'forbidden', userAction: expect.stringMatching(/scope/) });
      expect(() => throwFirstError(outcomeWithErrors.errors)).toThrow(/insufficient_scope/);
    }
  });

  it('the batch example user answers whoAmI', async () => {
    const user = (example('batch.md', /Response/).body as { result: { result: { get_user: unknown } } }).result.result.get_user;
    const { ctx } = portal(() => ({ result: user }));
    await expect(bitrix24Adapter.whoAmI!(ctx)).resolves.toEqual({ ownerId: '1', name: 'John Doe' });
  });

  it('a response with only the time block (limits.md) is not a page', async () => {
    const onlyTime = example('limits.md', /Limits/).body;
    const fake = fakeBitrix(
      () => ({ result: null }),
      () => ({ body: onlyTime }),
    );
    const ctx: AdapterContext = { fetch: fake.fetch, now: () => NOW, baseUrl: WEBHOOK, auth: { kind: 'webhook' }, source: 's', timeZone: 'UTC' };
    await expect(bitrix24Adapter.fetchPage(ctx, 'leads', null, null)).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('OPERATION_TIME_LIMIT waits for operating_reset_at of the last successful answer (limits.md: "For the first retry, refer to operating_reset_at")', async () => {
    const time = (example('limits.md', /Resource Intensity Limits/).body as { time: { start: number; operating_reset_at: number } }).time;
    const blocked = { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' };
    const batchAnswer = {
      result: { result: { p0: [] }, result_error: { p1: blocked }, result_total: { p0: 0 }, result_next: [], result_time: { p0: time } },
      time,
    };
    const fake = fakeBitrix(
      () => ({ result: null }),
      () => ({ body: batchAnswer }),
    );
    const at = Math.round(time.start * 1000); // 2026-05-14T08:26:32.911Z, the example's own start
    const ctx: AdapterContext = { fetch: fake.fetch, now: () => at, baseUrl: WEBHOOK, auth: { kind: 'webhook' }, source: 's', timeZone: 'UTC', pageSize: 100 };
    const error = await bitrix24Adapter.fetchPage(ctx, 'leads', null, null).catch((e: unknown) => e);
    // operating_reset_at 1778747792 s − now 1778747192.911 s = 599.089 s, rounded up to whole seconds
    expect(isCrmError(error) && { kind: error.kind, wait: error.retryAfterMs }).toEqual({ kind: 'budget-exhausted', wait: 600_000 });
    // A direct call whose error answer carries no time waits one basket (a minute).
    const direct = fakeBitrix(
      () => ({ result: null }),
      () => ({ status: 429, body: blocked }),
    );
    const whoAmI = await bitrix24Adapter.whoAmI!({ ...ctx, fetch: direct.fetch }).catch((e: unknown) => e);
    expect(isCrmError(whoAmI) && { kind: whoAmI.kind, wait: whoAmI.retryAfterMs }).toEqual({ kind: 'budget-exhausted', wait: 60_000 });
  });

  // Each documented error, answered with its documented status (the stage history page lists 401 and 400; its
  // "entity is not supported" is the 400 case of its error table).
  it.each([
    ['crm-activity-list.md', 400, 'activities', 'bad-response'],
    ['crm-category-list.md', 400, 'pipelines', 'bad-response'],
    ['crm-deal-list.md', 400, 'deals', 'bad-response'],
    ['crm-lead-list.md', 400, 'leads', 'forbidden'],
    ['crm-stage-history-list.md', 400, 'deals', 'bad-response'],
    ['crm-status-list.md', 400, 'pipelines', 'bad-response'],
  ])('%s error example → %s %s → %s', async (file, status, object, kind) => {
    const failure = example(file, /Error Handling/);
    if (failure.status !== undefined && file !== 'crm-stage-history-list.md') expect(failure.status).toBe(status);
    const fake = fakeBitrix(
      () => ({ result: null }),
      () => ({ status, body: failure.body }),
    );
    const ctx: AdapterContext = { fetch: fake.fetch, now: () => NOW, baseUrl: WEBHOOK, auth: { kind: 'webhook' }, source: 's', timeZone: 'UTC' };
    const error = await bitrix24Adapter.fetchPage(ctx, object, null, null).catch((e: unknown) => e);
    expect(isCrmError(error) && error.kind).toBe(kind);
  });

  it('leaves no example unread', () => {
    expect(examples.filter((e) => !handled.has(e)).map((e) => `${e.file}:${e.line}`)).toEqual([]);
  });
});
