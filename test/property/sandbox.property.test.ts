import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../lib/adapters/kommo/test-fake-fetch';
import { SANDBOX_OBJECTS, sandboxAdapter } from '../../lib/adapters/sandbox';
import type { AdapterContext } from '../../lib/adapters/types';
import { generateDemoData } from '../../lib/demo';
import { RECORD_TYPES, type RecordType } from '../../lib/model';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

/** Canonical records as the sandbox CRM serves them: two of each type from the demo data. */
const demo = generateDemoData({ asOf: Date.parse('2024-03-10T12:00:00Z'), seed: 7 });
const DATA_KEY: Record<RecordType, keyof typeof demo> = {
  owner: 'owners',
  team: 'teams',
  pipeline: 'pipelines',
  stage: 'stages',
  product: 'products',
  customer: 'customers',
  deal: 'deals',
  activity: 'activities',
  lead: 'leads',
  mrrMovement: 'mrrMovements',
  spend: 'spend',
  quota: 'quotas',
  target: 'targets',
};
const sample = (type: RecordType) => ((demo[DATA_KEY[type]] as unknown[]) ?? []).slice(0, 2) as Record<string, unknown>[];
const KEYS = [...new Set(RECORD_TYPES.flatMap((type) => sample(type).flatMap((r) => Object.keys(r))))];
const likely = fc.constantFrom(
  'rep-1',
  'USD',
  'EUR',
  'won',
  'lost',
  'open',
  'call',
  'email',
  1_709_283_600_000,
  0,
  -1,
  { minor: 100, currency: 'USD' },
  { minor: 1.5, currency: 'usd' },
  [],
);

const input = fc.oneof(
  ...RECORD_TYPES.map((type) =>
    fc.record({
      object: fc.constant(SANDBOX_OBJECTS[type]),
      list: items(wireItem(sample(type), KEYS, likely)),
      deleted: fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor')), { maxLength: 2 }),
      body: wholeBody,
      status: fc.constantFrom(200, 200, 404, 500),
    }),
  ),
);

describe('Sandbox CRM: hostile pages through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    expect(RECORD_TYPES.every((type) => sample(type).length > 0)).toBe(true);
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(input, async ({ object, list, deleted, body, status }) => {
        const text =
          body === undefined ? `{"data":${listJson(list)},"next_cursor":null,"deleted":${JSON.stringify(deleted)}}` : (JSON.stringify(body) ?? 'null');
        const { fetch } = fakeFetch(() => ({ text, status: body === undefined ? 200 : status }));
        const ctx: AdapterContext = {
          fetch,
          now: () => Date.UTC(2024, 4, 1),
          baseUrl: 'http://127.0.0.1:5179/api/v1',
          auth: { kind: 'session' },
          source: 'sandbox:127.0.0.1:5179',
          timeZone: 'Europe/Berlin',
        };
        await expectPageOrCrmError(coverage, body === undefined ? list.length : 0, () => sandboxAdapter.fetchPage(ctx, object, null, null));
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
  }, 120_000);
});
