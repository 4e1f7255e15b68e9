import * as associationModels from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import * as dealModels from '@hubspot/api-client/lib/codegen/crm/deals';
import * as lineItemModels from '@hubspot/api-client/lib/codegen/crm/line_items';
import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { hubspotAdapter } from './index';
import { searchBody } from './fetch';
import { LINE_ITEM_PROPERTIES } from './map-deals';

/**
 * The requests KPI Lens sends HubSpot, checked against what HubSpot publishes
 * (issue 16). HubSpot's OpenAPI files are not licensed for redistribution, so
 * they are not in this repository: the facts this test relies on are stated
 * below with their sources, and the official client's generated models
 * (@hubspot/api-client, ISC, a devDependency) check the bodies field by field.
 *
 * Sources:
 * - [guide] HubSpot, "CRM API | Search", https://developers.hubspot.com/docs/guides/api/crm/search
 *   ("Sort search results": `"sorts": [{ "propertyName": "createdate", "direction": "DESCENDING" }]`;
 *   its requests omit `after`, `limit`, `properties` and `sorts`, the smallest being `{}`).
 * - [reference] HubSpot API reference, "Search" of every CRM object, e.g.
 *   https://developers.hubspot.com/docs/api-reference/crm-appointments-v3/search/post-crm-v3-objects-0-421-search
 *   (PublicObjectSearchRequest: `after`, `filterGroups`, `limit`, `properties`, `sorts` required; `sorts`
 *   items are strings; `limit` up to 200) and "Read a batch of line items"
 *   (BatchReadInputSimplePublicObjectId: `inputs`, `properties`, `propertiesWithHistory` required).
 * - [client] @hubspot/api-client 13.5.0: README "CRM Search" ("`sorts` … < propertyName > - returned
 *   results will be sorted by provided property name in 'ASCENDING' order", `["-createdate"]` for
 *   descending, "`after` for initial search should be set as 0"); models PublicObjectSearchRequest
 *   (`sorts: Array<string>`, `after: string`) and BatchReadInputSimplePublicObjectId
 *   (`propertiesWithHistory: Array<string>`, not optional).
 * - [maintainers] HubSpot/hubspot-api-nodejs issues #9, #14 and #559: HubSpot's API sorts by either a
 *   sort object or a property-name string; the client types only the string.
 */

type ModelClass = { getAttributeTypeMap(): { name: string; baseName: string; type: string }[] };
type Models = Record<string, unknown>;

/**
 * Whether `value` has the shape the client's generated model `type` declares:
 * every field a declared one, of the declared type (strings, numbers, arrays,
 * nested models, enums). Returns the problems found.
 */
function problems(models: Models, type: string, value: unknown, path = '$'): string[] {
  const list = /^Array<(.+)>$/.exec(type);
  if (list) return Array.isArray(value) ? value.flatMap((item, i) => problems(models, list[1]!, item, `${path}[${i}]`)) : [`${path} is not an array`];
  if (type === 'string') return typeof value === 'string' ? [] : [`${path} is not a string`];
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value) ? [] : [`${path} is not a number`];
  if (type === 'boolean') return typeof value === 'boolean' ? [] : [`${path} is not a boolean`];
  const model = models[type];
  if (!model) return [`${path}: no model ${type}`];
  if (typeof model !== 'function') return Object.values(model as Record<string, string>).includes(value as string) ? [] : [`${path} is not one of ${type}`];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path} is not an object`];
  const fields = new Map((model as unknown as ModelClass).getAttributeTypeMap().map((field) => [field.baseName, field.type]));
  return Object.entries(value).flatMap(([key, item]) => {
    const declared = fields.get(key);
    return declared ? problems(models, declared, item, `${path}.${key}`) : [`${path}.${key} is not a field of ${type}`];
  });
}

const SINCE = Date.parse('2024-02-01T00:00:00Z');

/** Each point where HubSpot's own sources disagree, what each says, and the form KPI Lens sends. */
const SEARCH_CONFLICTS = [
  {
    field: 'sorts',
    guide: 'objects { propertyName, direction }',
    reference: 'strings',
    client: 'strings (objects only in untyped JS)',
    sent: ['hs_lastmodifieddate'],
  },
  { field: 'after', guide: 'optional (first request without it)', reference: 'required string', client: "'0' for the first request", sent: '0' },
  { field: 'limit', guide: 'optional', reference: 'required, up to 200', client: 'number', sent: 200 },
  { field: 'properties', guide: 'optional', reference: 'required', client: 'Array<string>', sent: 'the properties the mapper reads' },
  { field: 'filterGroups', guide: 'optional', reference: 'required', client: 'Array<FilterGroup>', sent: 'one group: the last-modified property GTE since' },
] as const;

async function capturedSearch(): Promise<Record<string, unknown>> {
  const calls: H.HsCall[] = [];
  const fetch = H.hsFetch(
    {
      'POST /crm/v3/objects/deals/search': () => H.wire.search({ total: 0, results: [] }),
      'POST /crm/v4/associations/deals/companies/batch/read': () => ({ results: [] }),
      'POST /crm/v4/associations/deals/line_items/batch/read': () => ({ results: [] }),
    },
    calls,
  );
  await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', null, SINCE);
  const search = calls.find((call) => call.url.pathname.endsWith('/search'));
  return search?.body as Record<string, unknown>;
}

describe('HubSpot search: a body the guide, the reference and the client all accept', () => {
  it('has every field the reference requires, each of the type it gives', async () => {
    const body = await capturedSearch();
    for (const field of ['after', 'filterGroups', 'limit', 'properties', 'sorts']) expect(body, `[reference] requires ${field}`).toHaveProperty(field);
    expect(typeof body.after).toBe('string');
    expect((body.sorts as unknown[]).every((sort) => typeof sort === 'string')).toBe(true); // "sorts.0 must be string"
    expect(body.limit).toBeLessThanOrEqual(200);
  });

  it('is a PublicObjectSearchRequest of the official client, field by field (its generated model types)', async () => {
    expect(problems(dealModels as unknown as Models, 'PublicObjectSearchRequest', await capturedSearch())).toEqual([]);
    // the checker itself refuses what the reference refuses
    expect(
      problems(dealModels as unknown as Models, 'PublicObjectSearchRequest', { after: 0, sorts: [{ propertyName: 'x', direction: 'ASCENDING' }] }),
    ).toEqual(['$.after is not a string', '$.sorts[0] is not a string']);
    expect(
      problems(dealModels as unknown as Models, 'PublicObjectSearchRequest', { filterGroups: [{ filters: [{ propertyName: 'x', operator: 'ABOUT' }] }] }),
    ).toEqual(['$.filterGroups[0].filters[0].operator is not one of FilterOperatorEnum']);
  });

  it.each(SEARCH_CONFLICTS)('$field: guide says $guide, reference $reference, client $client; KPI Lens sends the form they share', async ({ field, sent }) => {
    const body = await capturedSearch();
    if (field === 'sorts' || field === 'after' || field === 'limit') expect(body[field]).toEqual(sent);
    else expect(Array.isArray(body[field]) && (body[field] as unknown[]).length).toBeGreaterThan(0);
  });

  it('sorts ascending by the last-modified property, by name, which [client] documents as ASCENDING', () => {
    expect(searchBody('lastmodifieddate', SINCE, ['email'], 200, undefined)).toEqual({
      filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: String(SINCE) }] }],
      sorts: ['lastmodifieddate'], // not '-lastmodifieddate', which [client] documents as descending
      properties: ['email'],
      limit: 200,
      after: '0',
    });
    expect(searchBody('hs_lastmodifieddate', SINCE, [], 100, '200').after).toBe('200');
  });
});

describe('HubSpot batch reads: bodies the reference and the client accept', () => {
  async function captured(path: string): Promise<unknown> {
    const calls: H.HsCall[] = [];
    const fetch = H.hsFetch(
      {
        'GET /crm/v3/objects/deals': () => H.wire.list({ results: [H.DEAL_WON] }),
        'POST /crm/v4/associations/deals/companies/batch/read': () => H.wire.associations(H.associationsOf({ 9001: ['4001'] })),
        'POST /crm/v4/associations/deals/line_items/batch/read': () => H.wire.associations(H.associationsOf({ 9001: ['8001', '8002'] })),
        'POST /crm/v3/objects/line_items/batch/read': () => H.wire.lineItems(H.LINE_ITEMS),
      },
      calls,
    );
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'deals', null, null);
    expect(page.records.deal?.[0]?.lineItems).toHaveLength(2);
    return calls.find((call) => call.method === 'POST' && call.url.pathname === path)?.body;
  }

  it('line_items/batch/read names propertiesWithHistory (required by [reference] and [client]; the guide omits it), empty: no history is read', async () => {
    const body = await captured('/crm/v3/objects/line_items/batch/read');
    expect(body).toEqual({ properties: [...LINE_ITEM_PROPERTIES], propertiesWithHistory: [], inputs: [{ id: '8001' }, { id: '8002' }] });
    expect(problems(lineItemModels as unknown as Models, 'BatchReadInputSimplePublicObjectId', body)).toEqual([]);
  });

  it('associations v4 batch read is a BatchInputPublicFetchAssociationsBatchRequest', async () => {
    const body = await captured('/crm/v4/associations/deals/line_items/batch/read');
    expect(body).toEqual({ inputs: [{ id: '9001' }] });
    expect(problems(associationModels as unknown as Models, 'BatchInputPublicFetchAssociationsBatchRequest', body)).toEqual([]);
  });
});

describe('HubSpot documented responses', () => {
  // [reference] "Search" response example (CollectionResponseWithTotalSimplePublicObjectForwardPaging), as published.
  const SEARCH_EXAMPLE = {
    total: 123,
    paging: { next: { after: 'NTI1Cg%3D%3D', link: '?after=NTI1Cg%3D%3D' } },
    results: [
      {
        archived: false,
        createdAt: '2019-10-30T03:30:17.883Z',
        id: '512',
        properties: {
          property_checkbox: 'false',
          property_date: '1572480000000',
          property_dropdown: 'choice_b',
          property_multiple_checkboxes: 'chocolate;strawberry',
          property_number: '17',
          property_radio: 'option_1',
          property_string: 'value',
        },
        updatedAt: '2019-12-07T16:50:06.678Z',
      },
    ],
  };

  it('the reference’s search example pages on by its opaque `after`, and its item is mapped or rejected with a reason', async () => {
    const fetch = H.hsFetch({ 'POST /crm/v3/objects/companies/search': () => jsonResponse(SEARCH_EXAMPLE) });
    const page = await hubspotAdapter.fetchPage(H.hsContext(fetch), 'companies', null, SINCE);
    expect(JSON.parse(page.nextCursor ?? 'null')).toMatchObject({ after: 'NTI1Cg%3D%3D', since: SINCE });
    expect(page.totalEstimate).toBe(123);
    expect((page.records.customer?.length ?? 0) + page.rejects.length).toBe(1);
  });
});
