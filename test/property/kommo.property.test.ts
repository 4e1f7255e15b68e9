import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kommoAdapter } from '../../lib/adapters/kommo';
import { fakeFetch } from '../../lib/adapters/kommo/test-fake-fetch';
import {
  accountResponse,
  callNoteItem,
  companyItem,
  contactItem,
  KOMMO_BASE,
  lead,
  pipelinesResponse,
  taskItem,
  userResponse,
} from '../../lib/adapters/kommo/test-fixtures';
import type { AdapterContext } from '../../lib/adapters/types';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

const KEYS = [
  'id',
  'name',
  'price',
  'responsible_user_id',
  'group_id',
  'status_id',
  'pipeline_id',
  'loss_reason_id',
  'created_at',
  'updated_at',
  'closed_at',
  'closest_task_at',
  'is_deleted',
  'custom_fields_values',
  'account_id',
  '_embedded',
  '_links',
  'task_type_id',
  'text',
  'complete_till',
  'is_completed',
  'result',
  'note_type',
  'params',
  'entity_id',
  'created_by',
  'statuses',
  'sort',
  'is_main',
  'email',
  'rights',
  'lang',
] as const;
const likely = fc.constantFrom(142, 143, 1, 2, 0, 1711000000, '1 250 000,50', 'call_in', 'call_out', true, false, 'RUB', 'USD', {
  duration: 60,
  uniq: 'x',
  phone: '+7 900',
  source: 'x',
  link: 'https://example.com/rec.mp3',
});

/** Each object, the `_embedded` key its list answers under, and documented items (lib/adapters/kommo/fixtures). */
const OBJECTS: [object: string, key: string, documented: Record<string, unknown>[]][] = [
  ['teams', 'users_groups', [{ id: 1, name: 'Отдел продаж', uuid: null }]],
  ['users', 'users', [userResponse]],
  ['pipelines', 'pipelines', pipelinesResponse._embedded.pipelines],
  ['companies', 'companies', [companyItem]],
  ['contacts', 'contacts', [contactItem]],
  ['leads', 'leads', [lead(), lead({ status_id: 143, price: '1 250 000,50' })]],
  ['deleted-leads', 'leads', [lead({ is_deleted: true })]],
  ['tasks', 'tasks', [taskItem]],
  ['calls', 'notes', [callNoteItem]],
];

const input = fc.oneof(
  ...OBJECTS.map(([object, key, documented]) =>
    fc.record({
      object: fc.constant(object),
      key: fc.constant(key),
      list: items(wireItem(documented, KEYS, likely)),
      body: wholeBody,
      status: fc.constantFrom(200, 200, 204, 400, 401, 402, 403),
    }),
  ),
);

const account = JSON.stringify(accountResponse);

describe('amoCRM / Kommo: hostile pages through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    expect(OBJECTS.map(([o]) => o)).toEqual(kommoAdapter.objects.map((o) => o.name));
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(input, async ({ object, key, list, body, status }) => {
        const page = `{"_page":1,"_links":{},"_embedded":{"${key}":${listJson(list)}}}`;
        const text = body === undefined ? page : (JSON.stringify(body) ?? 'null');
        const teams = object === 'teams';
        // teams come from the account answer (`_embedded.users_groups`); a later duplicate key wins in JSON.parse
        const { fetch } = fakeFetch((url) =>
          url.pathname.endsWith('/account') && !teams
            ? { text: account }
            : {
                text: teams && body === undefined ? `${account.slice(0, -1)},"_embedded":{"users_groups":${listJson(list)}}}` : text,
                status: body === undefined ? 200 : status,
              },
        );
        const ctx: AdapterContext = {
          fetch,
          now: () => Date.UTC(2024, 4, 1),
          baseUrl: KOMMO_BASE,
          auth: { kind: 'bearer', token: 't' },
          source: 'kommo:x',
          timeZone: 'Europe/Moscow',
        };
        await expectPageOrCrmError(coverage, body === undefined ? list.length : 0, () => kommoAdapter.fetchPage(ctx, object, null, null));
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
  }, 120_000);
});
