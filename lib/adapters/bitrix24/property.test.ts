import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecord, RECORD_TYPES } from '../../model';
import { itemArbitrary, itemsJson } from '../kommo/hostile';
import type { AdapterContext } from '../types';
import { bitrix24Adapter } from './index';
import { loadContractExamples } from './testing/contract-examples';
import { fakeBitrix } from './testing/fake-bitrix';
import { activity, BITRIX_WEBHOOK, deal } from './testing/fixtures';

const documented = (file: string) => {
  const body = loadContractExamples().find((e) => e.file === file && /Response/.test(e.section))?.body as { result: unknown };
  const result = body.result as Record<string, unknown>[] | { categories?: Record<string, unknown>[]; items?: Record<string, unknown>[] };
  return Array.isArray(result) ? result : (result.categories ?? result.items ?? []);
};

const cases: [object: string, method: string, items: Record<string, unknown>[]][] = [
  ['deals', 'crm.deal.list', [deal(), deal({ STAGE_SEMANTIC_ID: 'F' }), ...documented('crm-deal-list.md')]],
  ['leads', 'crm.lead.list', documented('crm-lead-list.md')],
  ['activities', 'crm.activity.list', [activity(), ...documented('crm-activity-list.md')]],
  ['users', 'user.get', documented('user-get.md')],
  ['companies', 'crm.company.list', [{ ID: '55', TITLE: 'ООО «Ромашка»', ASSIGNED_BY_ID: '7', DATE_MODIFY: '2024-02-01T10:00:00+03:00' }]],
  ['pipelines', 'crm.status.list', documented('crm-status-list.md')],
];

describe('bitrix24 mapping never throws on arbitrary input', () => {
  it('every item becomes a valid record or a reject with a reason (1,000 runs over all objects)', async () => {
    const pageOf = fc.constantFrom(...cases).chain(([object, method, items]) => fc.tuple(fc.constant(object), fc.constant(method), fc.array(itemArbitrary(items), { maxLength: 6 }), fc.array(itemArbitrary([]), { maxLength: 3 })));
    await fc.assert(
      fc.asyncProperty(pageOf, async ([object, method, items, history]) => {
        const list = JSON.parse(itemsJson(items)) as unknown[];
        const { fetch } = fakeBitrix(({ method: called }) => {
          if (called === method) return { result: list, total: list.length };
          if (called === 'crm.category.list') return { result: { categories: [{ id: 0, name: 'Общая', sort: 100 }] }, total: 1 };
          if (called === 'crm.stagehistory.list') return { result: { items: JSON.parse(itemsJson(history)) as unknown[] } };
          if (called === 'crm.currency.base.get') return { result: 'RUB' };
          return { result: [], total: 0 };
        });
        const ctx: AdapterContext = { fetch, baseUrl: BITRIX_WEBHOOK, auth: { kind: 'webhook' }, source: 'bitrix24:x', timeZone: 'Asia/Almaty', pageSize: 50 };
        const page = await bitrix24Adapter.fetchPage(ctx, object, null, null);
        let records = 0;
        for (const type of RECORD_TYPES) {
          for (const record of page.records[type] ?? []) {
            expect(parseRecord(type, record).ok).toBe(true);
            records += 1;
          }
        }
        expect(records + page.rejects.length).toBeGreaterThanOrEqual(list.length);
        expect(page.rejects.every((r) => r.reason.length > 0)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
