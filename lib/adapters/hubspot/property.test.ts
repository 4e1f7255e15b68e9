import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crmItem, fieldValue } from '../../../test/contracts/arbitraries';
import { hsContext, hsFetch } from '../../../test/contracts/hubspot';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { parseRecord, type RecordType } from '../../model';
import { isCrmError } from '../errors';
import type { FetchedPage } from '../types';
import { hubspotAdapter } from './index';
import { HUBSPOT_OBJECTS_DETAIL } from './objects';

const PROPERTY_NAMES = [...new Set(HUBSPOT_OBJECTS_DETAIL.flatMap((o) => o.properties ?? []))];
const likely = fc.constantFrom('2024-03-01T09:00:00Z', '1709283600000', 'true', 'false', '501', '12500.50', 'EUR', '0.2', '');
/** CRM objects as HubSpot sends them, with arbitrary property values; or anything at all. */
const crmObject = fc.oneof(
  fc.record({ id: fc.oneof(fc.constantFrom('1', '2', '9001'), fc.string()), properties: fc.dictionary(fc.constantFrom(...PROPERTY_NAMES, '__proto__', 'constructor'), fc.oneof(likely, fc.string(), fc.constant(null)), { maxKeys: 20 }) }),
  crmItem(['id', 'properties', 'createdAt', 'updatedAt', 'archived', 'firstName', 'email', 'userId', 'teams', 'stages', 'label', 'displayOrder', 'metadata']),
);

function outcomes(page: FetchedPage): number {
  let count = page.rejects.length;
  for (const [type, list] of Object.entries(page.records)) {
    for (const record of list ?? []) {
      expect(parseRecord(type as RecordType, record).ok).toBe(true);
      count++;
    }
  }
  return count;
}

describe('HubSpot mapping never throws on arbitrary input', () => {
  it('arbitrary objects in a well-formed page: each is a valid record or a reasoned reject', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...HUBSPOT_OBJECTS_DETAIL.map((o) => o.name)), fc.array(crmObject, { maxLength: 6 }), async (object, results) => {
        const type = HUBSPOT_OBJECTS_DETAIL.find((o) => o.name === object)?.type ?? '';
        const fetch = hsFetch({
          [`GET /crm/v3/objects/${type}`]: () => ({ results }),
          'GET /crm/v3/owners': () => ({ results }),
          'GET /crm/v3/pipelines/deals': () => ({ results }),
          'POST /crm/v3/objects/line_items/batch/read': () => ({ results }),
          [`POST /crm/v4/associations/${type}/line_items/batch/read`]: () => ({ results: [{ from: { id: '9001' }, to: [{ toObjectId: 1 }, { toObjectId: '2' }] }] }),
        });
        const page = await hubspotAdapter.fetchPage(hsContext(fetch), object, null, null);
        expect(outcomes(page)).toBeGreaterThanOrEqual(object === 'goals' ? 0 : results.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('an arbitrary body either maps or fails with a CrmError', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValue(), fc.constantFrom(200, 207, 400, 401, 403, 429), async (body, status) => {
        const fetch = hsFetch({ 'POST /crm/v3/objects/deals/search': () => jsonResponse(body ?? null, status) });
        try {
          outcomes(await hubspotAdapter.fetchPage(hsContext(fetch), 'deals', null, 1));
        } catch (error) {
          expect(isCrmError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
