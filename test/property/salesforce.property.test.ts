import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { salesforceAdapter } from '../../lib/adapters/salesforce';
import * as sf from '../contracts/salesforce';
import { expectCoverage, expectPageOrCrmError, items, listJson, newCoverage, RUNS, wholeBody, wireItem } from './hostile';

const KEYS = [
  'Id',
  'Name',
  'OwnerId',
  'AccountId',
  'StageName',
  'Amount',
  'CurrencyIsoCode',
  'Probability',
  'CloseDate',
  'CreatedDate',
  'IsClosed',
  'IsWon',
  'LeadSource',
  'SystemModstamp',
  'OpportunityLineItems',
  'Subject',
  'WhatId',
  'WhoId',
  'ActivityDate',
  'CompletedDateTime',
  'TaskSubtype',
  'Type',
  'CallType',
  'CallDurationInSeconds',
  'ActivityDateTime',
  'IsAllDayEvent',
  'DurationInMinutes',
  'Status',
  'IsConverted',
  'ConvertedDate',
  'ConvertedOpportunityId',
  'Email',
  'IsActive',
  'UserRoleId',
  'ApiName',
  'MasterLabel',
  'SortOrder',
  'DefaultProbability',
  'QuotaAmount',
  'StartDate',
  'QuotaOwnerId',
  'attributes',
] as const;
const likely = fc.constantFrom(
  '0065e00000AbCdEAAV',
  '0055e000001AbCdAAK',
  '0015e00000XyZacAAB',
  '2024-03-01T09:15:22.000+0000',
  '2024-02-29',
  true,
  false,
  100,
  48000.5,
  'USD',
  'EUR',
  'Closed Won',
  'Call',
  'Completed',
);

/** Each object with documented-shape records from the REST API Developer Guide (test/contracts/salesforce). */
const OBJECTS: [object: string, documented: Record<string, unknown>[]][] = [
  ['users', [sf.USER]],
  ['roles', [sf.ROLE]],
  ['stages', [sf.STAGE]],
  ['products', [sf.PRODUCT]],
  ['accounts', [sf.ACCOUNT]],
  ['opportunities', [sf.OPP_WON, sf.OPP_LOST, sf.OPP_OPEN]],
  ['tasks', [sf.TASK_CALL, sf.TASK_OPEN]],
  ['events', [sf.EVENT_DEMO]],
  ['leads', [sf.LEAD_CONVERTED, sf.LEAD_DEAD]],
  ['quotas', [sf.QUOTA]],
];

const input = fc.oneof(
  ...OBJECTS.map(([object, documented]) =>
    fc.record({
      object: fc.constant(object),
      list: items(wireItem(documented, KEYS, likely)),
      body: wholeBody,
      status: fc.constantFrom(200, 200, 400, 401, 403, 500),
      multiCurrency: fc.boolean(),
    }),
  ),
);

describe('Salesforce: hostile query results through every object', () => {
  it(`${RUNS.toLocaleString('en')} generated pages: valid records, reasoned rejects or a CrmError; no pollution`, async () => {
    const coverage = newCoverage();
    expect(OBJECTS.map(([o]) => o).sort()).toEqual(salesforceAdapter.objects.map((o) => o.name).sort());
    await fc.assert(
      fc.asyncProperty(input, async ({ object, list, body, status, multiCurrency }) => {
        const text = body === undefined ? `{"totalSize":${list.length},"done":true,"records":${listJson(list)}}` : (JSON.stringify(body) ?? 'null');
        const fetch = sf.sfFetch(() => sf.limitResponse(text, body === undefined ? 200 : status));
        await expectPageOrCrmError(coverage, body === undefined ? list.length : 0, () =>
          salesforceAdapter.fetchPage(sf.sfContext(fetch, { multiCurrency }), object, null, null),
        );
      }),
      { numRuns: RUNS },
    );
    expectCoverage(coverage);
  }, 120_000);
});
