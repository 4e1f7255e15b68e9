import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pipedriveAdapter } from '../../lib/adapters/pipedrive';
import { okExamples, pipedriveContext, routedFetch } from '../contracts/pipedrive';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

const KEYS = [
  'id',
  'title',
  'name',
  'owner_id',
  'user_id',
  'org_id',
  'deal_id',
  'lead_id',
  'pipeline_id',
  'stage_id',
  'product_id',
  'value',
  'currency',
  'status',
  'add_time',
  'update_time',
  'won_time',
  'lost_time',
  'close_time',
  'expected_close_date',
  'probability',
  'lost_reason',
  'origin',
  'channel',
  'is_deleted',
  'is_archived',
  'type',
  'subject',
  'done',
  'due_date',
  'due_time',
  'duration',
  'marked_as_done_time',
  'start_time',
  'end_time',
  'outcome',
  'order_nr',
  'prices',
  'quantity',
  'item_price',
  'discount',
  'discount_type',
  'is_enabled',
  'modified',
  'created',
  'email',
  'active_flag',
  'assignee',
  'interval',
  'expected_outcome',
  'code',
] as const;
const likely = fc.constantFrom(
  1,
  2,
  7,
  '1',
  'USD',
  'EUR',
  'won',
  'lost',
  'open',
  'call',
  'meeting',
  true,
  false,
  0,
  50,
  1500.5,
  '2024-03-01T09:00:00Z',
  '2024-03-01 09:00:00',
  '2024-03-01',
  '01:30',
  'percentage',
  'amount',
);

/** Where each object's list is read (`v2 /deals`), and the documented items of that answer. */
const OBJECTS: { object: string; route: string; example: [version: 'v1' | 'v2', path: string] }[] = [
  { object: 'users', route: 'v1 /users', example: ['v1', '/users'] },
  { object: 'pipelines', route: 'v2 /pipelines', example: ['v2', '/pipelines'] },
  { object: 'stages', route: 'v2 /stages', example: ['v2', '/stages'] },
  { object: 'products', route: 'v2 /products', example: ['v2', '/products'] },
  { object: 'organizations', route: 'v2 /organizations', example: ['v2', '/organizations'] },
  { object: 'deals', route: 'v2 /deals', example: ['v2', '/deals'] },
  { object: 'activities', route: 'v2 /activities', example: ['v2', '/activities'] },
  { object: 'callLogs', route: 'v1 /callLogs', example: ['v1', '/callLogs'] },
  { object: 'leads', route: 'v1 /leads', example: ['v1', '/leads'] },
  { object: 'goals', route: 'v1 /goals/find', example: ['v1', '/goals/find'] },
];

/** The first items of the spec's 200 examples: real Pipedrive shapes to mutate. */
function documented(version: 'v1' | 'v2', path: string): Record<string, unknown>[] {
  return okExamples(version, path).flatMap((body) => {
    const data = body.data as unknown;
    const list = Array.isArray(data) ? data : Array.isArray((data as { goals?: unknown })?.goals) ? (data as { goals: unknown[] }).goals : [];
    return list.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null).slice(0, 2);
  });
}

const input = fc.oneof(
  ...OBJECTS.map(({ object, route, example }) =>
    fc.record({
      object: fc.constant(object),
      route: fc.constant(route),
      list: items(wireItem(documented(...example), KEYS, likely)),
      body: wholeBody,
      status: fc.constantFrom(200, 200, 200, 400, 404, 410),
    }),
  ),
);

describe('Pipedrive: hostile pages through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(input, async ({ object, route, list, body, status }) => {
        const page =
          object === 'goals' ? `{"success":true,"data":{"goals":${listJson(list)}}}` : `{"success":true,"data":${listJson(list)},"additional_data":{}}`;
        const text = body === undefined ? page : (JSON.stringify(body) ?? 'null');
        const answer = () => new Response(text, { status: body === undefined ? 200 : status });
        const fetch = routedFetch({ [route]: answer, 'v2 /deals/products': answer, 'v1 /currencies': { success: true, data: [] } });
        // goals are read twice (active, past) and deduplicated by id, so a page may hold fewer outcomes than items
        const expected = body !== undefined || object === 'goals' ? 0 : list.length;
        await expectPageOrCrmError(coverage, expected, () => pipedriveAdapter.fetchPage(pipedriveContext(fetch), object, null, null));
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
    expect(coverage.crmErrors).toBeGreaterThan(0);
  }, 120_000);
});
