import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bitrix24Adapter } from '../../lib/adapters/bitrix24';
import { loadContractExamples } from '../../lib/adapters/bitrix24/test-contract-examples';
import { fakeBitrix } from '../../lib/adapters/bitrix24/test-fake-bitrix';
import { activity, BITRIX_WEBHOOK, deal } from '../../lib/adapters/bitrix24/test-fixtures';
import type { AdapterContext } from '../../lib/adapters/types';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

const KEYS = [
  'ID',
  'TITLE',
  'NAME',
  'LAST_NAME',
  'ASSIGNED_BY_ID',
  'RESPONSIBLE_ID',
  'STAGE_ID',
  'STAGE_SEMANTIC_ID',
  'STATUS_ID',
  'CATEGORY_ID',
  'OPPORTUNITY',
  'CURRENCY_ID',
  'DATE_CREATE',
  'DATE_MODIFY',
  'CLOSEDATE',
  'CLOSED',
  'COMPANY_ID',
  'CONTACT_ID',
  'SOURCE_ID',
  'TYPE_ID',
  'PROVIDER_ID',
  'DIRECTION',
  'SUBJECT',
  'START_TIME',
  'END_TIME',
  'COMPLETED',
  'OWNER_ID',
  'OWNER_TYPE_ID',
  'ENTITY_ID',
  'SORT',
  'SEMANTICS',
  'ACTIVE',
  'EMAIL',
  'UF_DEPARTMENT',
] as const;
const likely = fc.constantFrom(
  '1',
  '7',
  '55',
  'S',
  'F',
  'P',
  'WON',
  'LOSE',
  'NEW',
  'C1:WON',
  'RUB',
  'USD',
  'Y',
  'N',
  '2',
  '1 250 000.50',
  '15000.00',
  '2024-02-01T10:00:00+03:00',
  '2024-02-30T10:00:00+03:00',
  'DEAL_STAGE',
  'CRM_EMAIL',
  'VOXIMPLANT_CALL',
);

/** The first item lists of Bitrix24's REST reference examples (shared/contracts/bitrix24). */
const documented = (file: string) => {
  const body = loadContractExamples().find((e) => e.file === file && /Response/.test(e.section))?.body as { result: unknown } | undefined;
  const result = body?.result as Record<string, unknown>[] | { categories?: Record<string, unknown>[]; items?: Record<string, unknown>[] } | undefined;
  return (Array.isArray(result) ? result : (result?.categories ?? result?.items ?? [])).slice(0, 2);
};

const OBJECTS: [object: string, method: string, items: Record<string, unknown>[]][] = [
  ['users', 'user.get', documented('user-get.md')],
  ['pipelines', 'crm.status.list', documented('crm-status-list.md')],
  ['companies', 'crm.company.list', [{ ID: '55', TITLE: 'ООО «Ромашка»', ASSIGNED_BY_ID: '7', DATE_MODIFY: '2024-02-01T10:00:00+03:00' }]],
  ['leads', 'crm.lead.list', documented('crm-lead-list.md')],
  ['deals', 'crm.deal.list', [deal(), deal({ STAGE_SEMANTIC_ID: 'F' }), ...documented('crm-deal-list.md')]],
  ['activities', 'crm.activity.list', [activity(), ...documented('crm-activity-list.md')]],
];

const input = fc.oneof(
  ...OBJECTS.map(([object, method, documentedItems]) =>
    fc.record({
      object: fc.constant(object),
      method: fc.constant(method),
      list: items(wireItem(documentedItems, KEYS, likely)),
      history: items(wireItem([], KEYS, likely)),
      body: wholeBody,
      status: fc.constantFrom(200, 200, 400, 401, 403, 503),
    }),
  ),
);

describe('Bitrix24: hostile pages through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    expect(OBJECTS.map(([o]) => o)).toEqual(bitrix24Adapter.objects.map((o) => o.name));
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(input, async ({ object, method, list, history, body, status }) => {
        const parsed = JSON.parse(listJson(list)) as unknown[];
        const { fetch } = fakeBitrix(
          ({ method: called }) => {
            if (called === method) return { result: parsed, total: parsed.length };
            if (called === 'crm.category.list') return { result: { categories: [{ id: 0, name: 'Общая', sort: 100 }] }, total: 1 };
            if (called === 'crm.stagehistory.list') return { result: { items: JSON.parse(listJson(history)) as unknown[] } };
            if (called === 'crm.currency.base.get') return { result: 'RUB' };
            return { result: [], total: 0 };
          },
          (called) => (body !== undefined && called !== 'crm.category.list' ? { text: JSON.stringify(body) ?? 'null', status } : undefined),
        );
        const ctx: AdapterContext = {
          fetch,
          now: () => Date.UTC(2024, 4, 1),
          baseUrl: BITRIX_WEBHOOK,
          auth: { kind: 'webhook' },
          source: 'bitrix24:x',
          timeZone: 'Asia/Almaty',
          pageSize: 50,
        };
        await expectPageOrCrmError(coverage, body === undefined ? parsed.length : 0, () => bitrix24Adapter.fetchPage(ctx, object, null, null));
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
  }, 120_000);
});
