import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hubspotAdapter } from '../../lib/adapters/hubspot';
import { HUBSPOT_OBJECTS_DETAIL } from '../../lib/adapters/hubspot/objects';
import type { FetchLike } from '../../lib/adapters/types';
import * as hs from '../contracts/hubspot';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

const PROPERTY_NAMES = [...new Set(HUBSPOT_OBJECTS_DETAIL.flatMap((o) => o.properties ?? []))];
const KEYS = [
  'id',
  'properties',
  'createdAt',
  'updatedAt',
  'archived',
  'firstName',
  'lastName',
  'email',
  'userId',
  'teams',
  'stages',
  'label',
  'displayOrder',
  'metadata',
  ...PROPERTY_NAMES,
];
const likely = fc.oneof(
  fc.constantFrom('501', '9001', '2024-03-01T09:00:00Z', '1709283600000', 'true', 'false', '12500.50', 'EUR', '0.2', 'closedwon', 'default', ''),
  // a properties map with arbitrary values: HubSpot sends every property as a string or null
  fc.dictionary(
    fc.constantFrom(...PROPERTY_NAMES, '__proto__', 'constructor'),
    fc.oneof(fc.constantFrom('2024-03-01T09:00:00Z', 'true', '501', '12500.50'), fc.string({ maxLength: 8 }), fc.constant(null)),
    { maxKeys: 8 },
  ),
);
/** HubSpot's published shapes (typed as @hubspot/api-client models), as JSON on the wire. */
const wire = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;
const DOCUMENTED: Record<string, Record<string, unknown>[]> = {
  owners: [wire(hs.OWNER)],
  pipelines: hs.PIPELINES.results.map(wire),
  companies: [wire(hs.COMPANY)],
  deals: [wire(hs.DEAL_WON), wire(hs.DEAL_LOST), wire(hs.DEAL_OPEN)],
  calls: [wire(hs.CALL)],
  emails: [wire(hs.EMAIL)],
  meetings: [wire(hs.MEETING)],
  contacts: [wire(hs.CONTACT)],
  goals: [wire(hs.GOAL)],
};

const input = fc.oneof(
  ...HUBSPOT_OBJECTS_DETAIL.map(({ name }) =>
    fc.record({
      object: fc.constant(name),
      list: items(wireItem(DOCUMENTED[name] ?? [], KEYS, likely)),
      body: wholeBody,
      status: fc.constantFrom(200, 207, 400, 401, 403, 404, 429),
      since: fc.constantFrom(null, Date.parse('2024-01-01T00:00:00Z')),
    }),
  ),
);

describe('HubSpot: hostile pages through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    const coverage = newCoverage();
    await fc.assert(
      fc.asyncProperty(input, async ({ object, list, body, status, since }) => {
        const text = body === undefined ? `{"results":${listJson(list)}}` : (JSON.stringify(body) ?? 'null');
        // Lists, searches, owners, pipelines and line items all answer `results`; associations point at items 1 and 2.
        const fetch: FetchLike = async (url) =>
          new URL(url).pathname.startsWith('/crm/v4/associations/')
            ? new Response(
                '{"results":[{"from":{"id":"9001"},"to":[{"toObjectId":1},{"toObjectId":"2"}]},{"from":{"id":"__proto__"},"to":[{"toObjectId":"constructor"}]}]}',
              )
            : new Response(text, { status: body === undefined ? 200 : status });
        // goals keep only sales quotas, so a goals page may hold fewer outcomes than items
        const expected = body !== undefined || object === 'goals' ? 0 : list.length;
        await expectPageOrCrmError(coverage, expected, () => hubspotAdapter.fetchPage(hs.hsContext(fetch), object, null, since));
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
    expect(coverage.crmErrors).toBeGreaterThan(0);
  }, 120_000);

  it('a deal whose id cannot be turned into text is rejected alone (found by the property: String({"toString":1}) threw)', async () => {
    const text = `{"results":[{"id":{"toString":1},"properties":{}},${JSON.stringify(wire(hs.DEAL_WON))}]}`;
    const fetch: FetchLike = async (url) => new Response(new URL(url).pathname.startsWith('/crm/v4/') ? '{"results":[]}' : text);
    const page = await hubspotAdapter.fetchPage(hs.hsContext(fetch), 'deals', null, null);
    expect(page.records.deal?.map((d) => d.externalId)).toEqual(['9001']);
    expect(page.rejects).toHaveLength(1);
  });
});
