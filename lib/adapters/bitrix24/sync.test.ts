import { describe, expect, it } from 'vitest';
import { runSync } from '../../sync/runner';
import { memorySyncStore } from '../../sync/memory-store';
import { fakeClock } from '../../sync/test-support';
import type { AdapterContext } from '../types';
import { bitrix24Adapter } from './index';
import { loadContractExamples } from './test-contract-examples';
import { fakeBitrix, type MethodReply } from './test-fake-bitrix';
import { activity, BITRIX_WEBHOOK, deal } from './test-fixtures';

const example = (file: string) => loadContractExamples().find((e) => e.file === file && /Response/.test(e.section))!.body as MethodReply;

/** A list method answering `count` generated items 50 at a time. */
function list(count: number, make: (id: number) => unknown, start: number): MethodReply {
  const ids = Array.from({ length: Math.max(0, Math.min(50, count - start)) }, (_, i) => start + i + 1);
  return { result: ids.map(make), total: count, ...(start + 50 < count ? { next: start + 50 } : {}) };
}

describe('a whole Bitrix24 sync through the engine', () => {
  it('brings every object home, waits out a QUERY_LIMIT_EXCEEDED and spaces requests at 2 per second', async () => {
    let limited = false;
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
          // The reference example says 654 leads follow; this portal has only its two.
          return start === 0 ? { result: (example('crm-lead-list.md') as { result: unknown[] }).result, total: 2 } : { result: [], total: 2 };
        case 'crm.deal.list':
          if (start === 500 && !limited) {
            limited = true;
            return { error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' };
          }
          return list(1200, (id) => deal({ ID: String(id), STAGE_SEMANTIC_ID: id % 3 === 0 ? 'S' : id % 3 === 1 ? 'F' : 'P' }), start);
        case 'crm.currency.base.get':
          return { result: 'RUB' };
        case 'crm.stagehistory.list':
          return { result: { items: [] }, total: 0 };
        case 'crm.activity.list':
          return list(75, (id) => activity({ ID: String(id) }), start);
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
    };
    const result = await runSync({ source: ctx.source, adapter: bitrix24Adapter, ctx, store, env: clock.env }, { sleep: clock.sleep });

    expect(result).toEqual({ status: 'done', records: 2 + 4 + 8 + 3 + 2 + 1200 + 75, rejected: 0 });
    const counts = Object.fromEntries([...store.records].filter(([, table]) => table.size).map(([type, table]) => [type, table.size]));
    expect(counts).toEqual({ owner: 2, pipeline: 4, stage: 8, customer: 3, lead: 2, deal: 1200, activity: 75 });
    // 1 200 deals = 3 steps of 500 (10 pages each), one of them retried after the rate limit.
    expect(clock.slept).toContain(5000);
    expect(Math.min(...clock.slept)).toBeGreaterThanOrEqual(500 - 1); // 2 requests per second → ≥ 500 ms between steps
    expect(store.quarantine).toEqual([]);
  });
});
