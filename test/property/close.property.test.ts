import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeAdapter } from '../../lib/adapters/close';
import {
  callItem,
  CLOSE_BASE,
  leadItem,
  meetingItem,
  opportunity,
  outgoingEmail,
  pipelinesPage,
  usersPage,
  wonOpportunity,
} from '../../lib/adapters/close/test-fixtures';
import { fakeFetch } from '../../lib/adapters/kommo/test-fake-fetch';
import type { AdapterContext } from '../../lib/adapters/types';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

const KEYS = [
  'id',
  'lead_id',
  'user_id',
  'status_type',
  'status_id',
  'status_label',
  'pipeline_id',
  'value',
  'value_period',
  'value_currency',
  'confidence',
  'date_created',
  'date_updated',
  'date_won',
  'date_lost',
  'note',
  'direction',
  'duration',
  'status',
  'date_sent',
  'opens',
  'subject',
  'starts_at',
  'ends_at',
  'first_name',
  'last_name',
  'email',
  'display_name',
  'name',
  'statuses',
  'organization_id',
  'contact_id',
  '_type',
] as const;
const likely = fc.constantFrom(
  'won',
  'lost',
  'active',
  'outbound',
  'inbound',
  'monthly',
  'annual',
  'one_time',
  'USD',
  100000,
  50,
  0,
  '2024-03-01T09:00:00.000000+00:00',
  '2024-03-01',
  'completed',
  'sent',
  'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O',
);

/** Close's documented items per object (lib/adapters/close/fixtures, from the API reference). */
const OBJECTS: [object: string, documented: Record<string, unknown>[]][] = [
  ['users', usersPage.data],
  ['pipelines', pipelinesPage.data],
  ['leads', [leadItem]],
  ['opportunities', [opportunity(), wonOpportunity]],
  ['calls', [callItem]],
  ['emails', [outgoingEmail]],
  ['meetings', [meetingItem]],
];

const input = fc.oneof(
  ...OBJECTS.map(([object, documented]) =>
    fc.record({
      object: fc.constant(object),
      list: items(wireItem(documented, KEYS, likely)),
      body: wholeBody,
      status: fc.constantFrom(200, 200, 400, 401, 404, 500),
    }),
  ),
);

describe('Close: hostile pages through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    expect(OBJECTS.map(([o]) => o)).toEqual(closeAdapter.objects.map((o) => o.name));
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(input, async ({ object, list, body, status }) => {
        const text = body === undefined ? `{"data":${listJson(list)},"has_more":false}` : (JSON.stringify(body) ?? 'null');
        const { fetch } = fakeFetch(() => ({ text, status: body === undefined ? 200 : status }));
        const ctx: AdapterContext = {
          fetch,
          now: () => Date.UTC(2024, 4, 1),
          baseUrl: CLOSE_BASE,
          auth: { kind: 'basic', username: 'k', password: '' },
          source: 'close:x',
          timeZone: 'Europe/Berlin',
        };
        await expectPageOrCrmError(coverage, body === undefined ? list.length : 0, () => closeAdapter.fetchPage(ctx, object, null, null));
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
  }, 120_000);
});
