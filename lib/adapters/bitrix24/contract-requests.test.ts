import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { fakeClock } from '../../sync/test-support';
import type { AdapterContext } from '../types';
import { bitrix24Adapter } from './index';
import { BITRIX_CONTRACTS, loadContractExamples } from './test-contract-examples';
import { fakeBitrix, type MethodCall, type MethodReply } from './test-fake-bitrix';
import { activity, BITRIX_WEBHOOK, deal } from './test-fixtures';

/**
 * Every method the Bitrix24 adapter calls, in a full and an incremental sync,
 * is checked against its reference page in shared/contracts/bitrix24: the
 * parameters are ones the page's "Method Parameters" table lists, every filter
 * key's prefix is one the page names, `order` values are ASC or DESC, `start`
 * is a multiple of the static page of 50, and no batch holds more than the 50
 * commands batch.md allows. Two methods have no page in the vendored set and
 * are named here instead of being checked: crm.company.list (the company twin
 * of crm.deal.list) and crm.currency.base.get (no parameters).
 */
const PAGES: Record<string, string> = {
  'crm.deal.list': 'crm-deal-list.md',
  'crm.lead.list': 'crm-lead-list.md',
  'crm.activity.list': 'crm-activity-list.md',
  'crm.category.list': 'crm-category-list.md',
  'crm.status.list': 'crm-status-list.md',
  'crm.stagehistory.list': 'crm-stage-history-list.md',
  'user.get': 'user-get.md',
};
const NOT_VENDORED = new Set(['crm.company.list', 'crm.currency.base.get']);

type Reference = { params: Set<string>; prefixes: string[] };

/** The parameter names of a page's "Method Parameters" table and the filter prefixes it lists. */
function reference(file: string): Reference {
  const text = readFileSync(join(BITRIX_CONTRACTS, file), 'utf8');
  const table = /## Method Parameters([\s\S]*?)\n## /.exec(text)?.[1] ?? '';
  const params = new Set(
    [...table.matchAll(/^\|\| \*\*([A-Za-z_]+)\*\*/gm)]
      .map((m) => m[1]!)
      .filter((name) => name !== 'Name')
      .map((name) => name.toLowerCase()),
  );
  const prefixes = [...table.matchAll(/^\s*- `([^`]+)` ?[—-]/gm)].map((m) => m[1]!).filter((p) => /^[<>=!@%]+$/.test(p));
  return { params, prefixes: [...new Set(prefixes)].sort((a, b) => b.length - a.length) };
}

/** What is wrong with one call against its page. */
function problems(call: MethodCall): string[] {
  if (NOT_VENDORED.has(call.method)) return [];
  const file = PAGES[call.method];
  if (!file) return [`${call.method} has no reference page`];
  const ref = reference(file);
  const out: string[] = [];
  for (const [key, value] of call.params) {
    const top = key.split('[')[0]!;
    if (!ref.params.has(top.toLowerCase())) out.push(`${call.method}: ${top} is not a documented parameter`);
    const filterKey = /^filter\[([^\]]+)\]/i.exec(key)?.[1];
    if (filterKey) {
      const prefix = /^[<>=!@%]+/.exec(filterKey)?.[0];
      if (prefix && !ref.prefixes.includes(prefix)) out.push(`${call.method}: filter prefix ${prefix} is not documented`);
      if (/^\d+$/.test(key.split('[')[2]?.replace(']', '') ?? '') && prefix !== '@' && prefix !== '!@')
        out.push(`${call.method}: filter ${filterKey} is given a list without the IN prefix @`);
    }
    if (/^order(\[|$)/i.test(key) && !/^(asc|desc)$/i.test(value)) out.push(`${call.method}: order ${value} is neither ASC nor DESC`);
    if (key === 'start' && (!/^\d+$/.test(value) || Number(value) % 50 !== 0)) out.push(`${call.method}: start ${value} is not a page of 50`);
  }
  return out;
}

const example = (file: string) => loadContractExamples().find((e) => e.file === file && /Response/.test(e.section))!.body as MethodReply;

function list(count: number, make: (id: number) => unknown, start: number): MethodReply {
  const ids = Array.from({ length: Math.max(0, Math.min(50, count - start)) }, (_, i) => start + i + 1);
  return { result: ids.map(make), total: count, ...(start + 50 < count ? { next: start + 50 } : {}) };
}

async function sync(since: number | null) {
  const fake = fakeBitrix(({ method, params }) => {
    const start = Number(params.get('start') ?? 0);
    switch (method) {
      case 'user.get':
        return example('user-get.md');
      case 'crm.category.list':
        return example('crm-category-list.md');
      case 'crm.status.list':
        return params.get('filter[ENTITY_ID]') === 'DEAL_STAGE' ? example('crm-status-list.md') : { result: [], total: 0 };
      case 'crm.company.list':
        return list(3, (id) => ({ ID: String(id), TITLE: `Компания ${id}`, ASSIGNED_BY_ID: '1', DATE_MODIFY: '2024-04-01T10:00:00+03:00' }), start);
      case 'crm.lead.list':
        return list(120, (id) => ({ ...(example('crm-lead-list.md') as { result: object[] }).result[0], ID: String(id) }), start);
      case 'crm.deal.list':
        return list(700, (id) => deal({ ID: String(id) }), start);
      case 'crm.currency.base.get':
        return { result: 'RUB' };
      case 'crm.stagehistory.list':
        return { result: { items: [] }, total: 0 };
      case 'crm.activity.list':
        return list(130, (id) => activity({ ID: String(id) }), start);
      default:
        return { error: 'ERROR_METHOD_NOT_FOUND', error_description: method };
    }
  });
  const clock = fakeClock();
  const store = memorySyncStore();
  const ctx: AdapterContext = {
    fetch: fake.fetch,
    now: clock.env.now,
    baseUrl: BITRIX_WEBHOOK,
    auth: { kind: 'webhook' },
    source: 'bitrix24:stroytorg.bitrix24.ru',
    timeZone: 'Europe/Moscow',
    pageSize: 1000,
  };
  if (since !== null) {
    for (const spec of bitrix24Adapter.objects) {
      await store.saveState({
        key: `${ctx.source}/${spec.name}`,
        source: ctx.source,
        object: spec.name,
        cursor: null,
        runSince: null,
        highWater: since,
        runStartedAt: null,
        phase: 'done',
        recordsThisRun: 0,
        rejectsThisRun: 0,
        attempts: 0,
        updatedAt: clock.env.now(),
      });
    }
  }
  const { now: _now, ...jobCtx } = ctx;
  expect(await runSync({ source: ctx.source, adapter: bitrix24Adapter, ctx: jobCtx, store, env: clock.env }, { sleep: clock.sleep })).toMatchObject({
    status: 'done',
  });
  const batches = fake.calls
    .filter((call) => call.url.pathname.endsWith('/batch'))
    .map((call) => Object.keys((JSON.parse(String(call.init?.body)) as { cmd: object }).cmd).length);
  return { methods: fake.methods, batches };
}

describe('Bitrix24 requests ask only for what the reference pages document', () => {
  it.each([
    ['a full sync', null],
    ['an incremental sync', Date.UTC(2024, 3, 1)],
  ])('%s', async (_, since) => {
    const { methods, batches } = await sync(since);
    expect(new Set(methods.map((m) => m.method))).toEqual(new Set([...Object.keys(PAGES), ...NOT_VENDORED]));
    expect(methods.flatMap(problems)).toEqual([]);
    expect(Math.max(...batches)).toBeLessThanOrEqual(50);
    expect(Math.max(...batches)).toBe(50); // a step of 1,000 deals is 20 pages + the currency; stage history fills a batch of 50
  });

  it('the incremental sync filters each list by its own modification date, with the >= prefix', async () => {
    const { methods } = await sync(Date.UTC(2024, 3, 1));
    const asked = (method: string) =>
      new Set(methods.filter((m) => m.method === method).flatMap((m) => [...m.params.keys()].filter((k) => k.startsWith('filter['))));
    expect(asked('crm.deal.list')).toEqual(new Set(['filter[>=DATE_MODIFY]']));
    expect(asked('crm.lead.list')).toEqual(new Set(['filter[>=DATE_MODIFY]']));
    expect(asked('crm.activity.list')).toEqual(new Set(['filter[>=LAST_UPDATED]']));
  });

  it('the checker refuses what the pages refuse', () => {
    const call = (method: string, query: string): MethodCall => ({ method, params: new URLSearchParams(query), viaBatch: true });
    expect(problems(call('crm.status.list', 'start=50'))).toEqual(['crm.status.list: start is not a documented parameter']);
    expect(problems(call('crm.stagehistory.list', 'filter[OWNER_ID][0]=1&order[ID]=UP'))).toEqual([
      'crm.stagehistory.list: filter OWNER_ID is given a list without the IN prefix @',
      'crm.stagehistory.list: order UP is neither ASC nor DESC',
    ]);
    expect(problems(call('crm.deal.list', 'filter[~DATE_MODIFY]=1&start=25'))).toEqual(['crm.deal.list: start 25 is not a page of 50']);
    expect(problems(call('crm.deal.list', 'filter[!@ID][0]=1'))).toEqual([]);
    expect(reference('crm-deal-list.md').prefixes).toEqual(expect.arrayContaining(['>=', '@', '!@', '%', '=']));
  });
});
