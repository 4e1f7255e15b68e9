import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crmItem, fieldValue } from '../../../test/contracts/arbitraries';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { pipedriveContext, routedFetch } from '../../../test/contracts/pipedrive';
import { parseRecord, type RecordType } from '../../model';
import { isCrmError } from '../errors';
import type { FetchedPage } from '../types';
import { pipedriveAdapter } from './index';

const KEYS = [
  'id', 'title', 'name', 'owner_id', 'user_id', 'org_id', 'deal_id', 'lead_id', 'activity_id', 'pipeline_id', 'stage_id', 'product_id',
  'value', 'currency', 'status', 'add_time', 'update_time', 'won_time', 'lost_time', 'close_time', 'expected_close_date', 'probability',
  'lost_reason', 'origin', 'channel', 'mrr', 'is_deleted', 'is_archived', 'type', 'subject', 'done', 'due_date', 'due_time', 'duration',
  'marked_as_done_time', 'start_time', 'end_time', 'outcome', 'address', 'order_nr', 'deal_probability', 'prices', 'code', 'category',
  'quantity', 'item_price', 'discount', 'discount_type', 'is_enabled', 'modified', 'created', 'email', 'access', 'active_flag',
  'assignee', 'interval', 'expected_outcome', 'source_name',
] as const;

const ROUTES: Record<string, string> = {
  users: 'v1 /users', pipelines: 'v2 /pipelines', stages: 'v2 /stages', products: 'v2 /products', organizations: 'v2 /organizations',
  deals: 'v2 /deals', activities: 'v2 /activities', callLogs: 'v1 /callLogs', leads: 'v1 /leads', goals: 'v1 /goals/find',
};

function expectValid(page: FetchedPage): number {
  let count = page.rejects.length;
  for (const [type, list] of Object.entries(page.records)) {
    for (const record of list ?? []) {
      expect(parseRecord(type as RecordType, record).ok).toBe(true);
      count++;
    }
  }
  for (const ids of Object.values(page.deleted ?? {})) count += ids?.length ?? 0;
  return count;
}

describe('Pipedrive mapping never throws on arbitrary input', () => {
  it('arbitrary items in a well-formed page: each becomes a valid record, a deletion or a reasoned reject', async () => {
    const objects = pipedriveAdapter.objects.map((o) => o.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...objects), fc.array(crmItem(KEYS), { maxLength: 6 }), async (object, items) => {
        const body = object === 'goals' ? { success: true, data: { goals: items } } : { success: true, data: items, additional_data: {} };
        const fetch = routedFetch({ [ROUTES[object] ?? '']: body, 'v2 /deals/products': { success: true, data: items }, 'v1 /currencies': { data: items } });
        const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), object, null, null);
        const outcomes = expectValid(page);
        // goals are read twice per type (active, past) and deduplicated by id; other items each end somewhere
        if (object !== 'goals') expect(outcomes).toBeGreaterThanOrEqual(items.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('an arbitrary body either maps or fails with a CrmError, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('deals', 'activities', 'users', 'leads'), fieldValue(), async (object, body) => {
        const fetch = routedFetch({ [ROUTES[object] ?? '']: () => jsonResponse(body ?? null), 'v2 /deals/products': { data: [] } });
        try {
          expectValid(await pipedriveAdapter.fetchPage(pipedriveContext(fetch), object, null, null));
        } catch (error) {
          expect(isCrmError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
