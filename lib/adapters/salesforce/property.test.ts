import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crmItem, fieldValue } from '../../../test/contracts/arbitraries';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { limitResponse, queryResult, sfContext, sfFetch } from '../../../test/contracts/salesforce';
import { parseRecord, type RecordType } from '../../model';
import { isCrmError } from '../errors';
import type { FetchedPage } from '../types';
import { salesforceAdapter } from './index';

const KEYS = [
  'Id', 'Name', 'OwnerId', 'AccountId', 'StageName', 'Amount', 'CurrencyIsoCode', 'Probability', 'CloseDate', 'CreatedDate', 'IsClosed',
  'IsWon', 'LeadSource', 'SystemModstamp', 'OpportunityLineItems', 'Subject', 'WhatId', 'WhoId', 'ActivityDate', 'CompletedDateTime',
  'TaskSubtype', 'Type', 'CallType', 'CallDurationInSeconds', 'ActivityDateTime', 'IsAllDayEvent', 'DurationInMinutes', 'Status',
  'IsConverted', 'ConvertedDate', 'ConvertedOpportunityId', 'State', 'Country', 'BillingCountry', 'BillingState', 'Email', 'IsActive',
  'UserRoleId', 'ApiName', 'MasterLabel', 'SortOrder', 'DefaultProbability', 'ProductCode', 'Family', 'QuotaAmount', 'StartDate',
  'QuotaOwnerId', 'IsAmount', 'attributes',
] as const;
/** Valid-looking ids and stamps often enough that generated records get past the first fields. */
const likely = fc.constantFrom('0065e00000AbCdEAAV', '0055e000001AbCdAAK', '2024-03-01T09:15:22.000+0000', '2024-02-29', true, false, 100, 'USD');

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

describe('Salesforce mapping never throws on arbitrary input', () => {
  it('arbitrary records: each is a valid record or a reasoned reject', async () => {
    const item = fc.oneof(crmItem(KEYS), fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(likely, fieldValue()), { minKeys: 10, maxKeys: 30 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...salesforceAdapter.objects.map((o) => o.name)), fc.array(item, { maxLength: 6 }), fc.boolean(), async (object, records, multiCurrency) => {
        const fetch = sfFetch(() => limitResponse(queryResult(records)));
        const page = await salesforceAdapter.fetchPage(sfContext(fetch, { multiCurrency }), object, null, null);
        expect(outcomes(page)).toBeGreaterThanOrEqual(records.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('an arbitrary body either maps or fails with a CrmError', async () => {
    await fc.assert(
      fc.asyncProperty(fieldValue(), fc.constantFrom(200, 400, 401, 403, 500), async (body, status) => {
        const fetch = sfFetch(() => jsonResponse(body ?? null, status));
        try {
          outcomes(await salesforceAdapter.fetchPage(sfContext(fetch), 'opportunities', null, null));
        } catch (error) {
          expect(isCrmError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
