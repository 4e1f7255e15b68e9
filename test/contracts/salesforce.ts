import type { SalesforceContext } from '../../lib/adapters/salesforce';
import type { FetchLike } from '../../lib/adapters/types';
import { jsonResponse } from './openapi-examples';

/**
 * Salesforce publishes no machine-readable spec; these fixtures follow the
 * shapes of the REST API Developer Guide: a query answers
 * `{ totalSize, done, nextRecordsUrl?, records: [{ attributes: { type, url }, ...fields }] }`,
 * errors are `[{ "message", "errorCode" }]`, every answer carries
 * `Sforce-Limit-Info: api-usage=used/limit`.
 */
export const INSTANCE = 'https://acme.my.salesforce.com';
export const LIGHTNING = 'https://acme.lightning.force.com';

export function sobject(type: string, id: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { attributes: { type, url: `/services/data/v60.0/sobjects/${type}/${id}` }, Id: id, ...fields };
}

export function queryResult(records: unknown[], next?: string, totalSize = records.length): Record<string, unknown> {
  return next ? { totalSize, done: false, nextRecordsUrl: next, records } : { totalSize, done: true, records };
}

export const sfError = (errorCode: string, message: string) => [{ message, errorCode }];

export function limitResponse(body: unknown, status = 200, used = 18, limit = 15000): Response {
  return jsonResponse(body, status, { 'sforce-limit-info': `api-usage=${used}/${limit}` });
}

export type SfCall = { url: URL; init?: RequestInit };

/** A fetch answering from a function of the request, recording every call. */
export function sfFetch(answer: (url: URL, soql: string | null) => Response, calls: SfCall[] = []): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    return answer(url, url.searchParams.get('q'));
  };
}

export function sfContext(fetch: FetchLike, overrides: Partial<SalesforceContext> = {}): SalesforceContext {
  return {
    fetch,
    baseUrl: INSTANCE,
    appUrl: LIGHTNING,
    auth: { kind: 'bearer', token: '00Dxx0000001gPL!session' },
    source: 'salesforce:acme',
    timeZone: 'America/Los_Angeles',
    currency: 'USD',
    multiCurrency: false,
    now: () => Date.parse('2024-03-10T12:00:00Z'),
    ...overrides,
  };
}

// Documented-shape records, one per object, with realistic values.
export const OPP_WON = sobject('Opportunity', '0065e00000AbCdEAAV', {
  Name: 'Acme — 200 seats',
  OwnerId: '0055e000001AbCdAAK',
  AccountId: '0015e00000XyZabAAB',
  StageName: 'Closed Won',
  Amount: 48000.5,
  Probability: 100,
  CloseDate: '2024-02-29',
  CreatedDate: '2024-01-10T17:03:00.000+0000',
  IsClosed: true,
  IsWon: true,
  LeadSource: 'Partner Referral',
  SystemModstamp: '2024-03-01T09:15:22.000+0000',
  OpportunityLineItems: {
    totalSize: 2,
    done: true,
    records: [
      {
        attributes: { type: 'OpportunityLineItem' },
        Id: '00k5e000001AAAAAA1',
        Product2Id: '01t5e000001AAAAAA1',
        Name: 'Seat licence',
        Quantity: 200,
        UnitPrice: 240,
        TotalPrice: 43200,
      },
      {
        attributes: { type: 'OpportunityLineItem' },
        Id: '00k5e000001AAAAAA2',
        Product2Id: '01t5e000001AAAAAA2',
        Name: 'Onboarding',
        Quantity: 1,
        UnitPrice: 5000.5,
        TotalPrice: 4800.5,
      },
    ],
  },
});
export const OPP_LOST = sobject('Opportunity', '0065e00000AbCdFAAV', {
  Name: 'Globex renewal',
  OwnerId: '0055e000001AbCdAAK',
  AccountId: null,
  StageName: 'Closed Lost',
  Amount: 12000,
  Probability: 0,
  CloseDate: '2024-03-05',
  CreatedDate: '2023-11-02T08:00:00.000+0000',
  IsClosed: true,
  IsWon: false,
  LeadSource: 'Web',
  SystemModstamp: '2024-03-05T22:00:00.000+0000',
  OpportunityLineItems: null,
});
export const OPP_OPEN = sobject('Opportunity', '0065e00000AbCdGAAV', {
  Name: 'Initech pilot',
  OwnerId: '0055e000001AbCeAAK',
  AccountId: '0015e00000XyZacAAB',
  StageName: 'Proposal/Price Quote',
  Amount: null,
  Probability: 75,
  CloseDate: '2024-04-15',
  CreatedDate: '2024-02-01T10:00:00.000+0000',
  IsClosed: false,
  IsWon: false,
  LeadSource: null,
  SystemModstamp: '2024-03-06T11:00:00.000+0000',
  OpportunityLineItems: null,
});
export const TASK_CALL = sobject('Task', '00T5e000001CaLLAAA', {
  Subject: 'Call: pricing',
  OwnerId: '0055e000001AbCdAAK',
  WhatId: '0065e00000AbCdGAAV',
  WhoId: '00Q5e000001LeAdAAA',
  AccountId: '0015e00000XyZacAAB',
  ActivityDate: '2024-03-04',
  CompletedDateTime: '2024-03-04T18:30:00.000+0000',
  Status: 'Completed',
  IsClosed: true,
  TaskSubtype: 'Call',
  Type: 'Call',
  CallType: 'Outbound',
  CallDurationInSeconds: 312,
  CreatedDate: '2024-03-04T18:25:00.000+0000',
  SystemModstamp: '2024-03-04T18:31:00.000+0000',
});
export const TASK_OPEN = sobject('Task', '00T5e000001TaSkAAA', {
  Subject: 'Send contract',
  OwnerId: '0055e000001AbCdAAK',
  WhatId: '0015e00000XyZacAAB',
  WhoId: null,
  AccountId: '0015e00000XyZacAAB',
  ActivityDate: '2024-03-12',
  CompletedDateTime: null,
  Status: 'Not Started',
  IsClosed: false,
  TaskSubtype: 'Task',
  Type: null,
  CallType: null,
  CallDurationInSeconds: null,
  CreatedDate: '2024-03-05T09:00:00.000+0000',
  SystemModstamp: '2024-03-05T09:00:00.000+0000',
});
export const EVENT_DEMO = sobject('Event', '00U5e000001DeMoAAA', {
  Subject: 'Product demo for Initech',
  OwnerId: '0055e000001AbCeAAK',
  WhatId: '0065e00000AbCdGAAV',
  WhoId: null,
  AccountId: '0015e00000XyZacAAB',
  ActivityDateTime: '2024-03-07T17:00:00.000+0000',
  ActivityDate: '2024-03-07',
  IsAllDayEvent: false,
  DurationInMinutes: 45,
  Type: 'Meeting',
  CreatedDate: '2024-02-28T12:00:00.000+0000',
  SystemModstamp: '2024-02-28T12:00:00.000+0000',
});
export const LEAD_CONVERTED = sobject('Lead', '00Q5e000001LeAdAAA', {
  Name: 'Pat Doe',
  OwnerId: '0055e000001AbCdAAK',
  Status: 'Closed - Converted',
  IsConverted: true,
  ConvertedDate: '2024-02-01',
  ConvertedOpportunityId: '0065e00000AbCdGAAV',
  ConvertedAccountId: '0015e00000XyZacAAB',
  CreatedDate: '2024-01-15T16:00:00.000+0000',
  LeadSource: 'Web',
  Country: 'USA',
  State: 'CA',
  SystemModstamp: '2024-02-01T10:00:00.000+0000',
});
export const LEAD_DEAD = sobject('Lead', '00Q5e000001LeAeAAA', {
  Name: 'Sam Roe',
  OwnerId: '00G5e000000QueUEAA',
  Status: 'Closed - Not Converted',
  IsConverted: false,
  ConvertedDate: null,
  ConvertedOpportunityId: null,
  ConvertedAccountId: null,
  CreatedDate: '2024-01-20T16:00:00.000+0000',
  LeadSource: 'Purchased List',
  Country: 'Germany',
  State: null,
  SystemModstamp: '2024-02-10T10:00:00.000+0000',
});
export const ACCOUNT = sobject('Account', '0015e00000XyZacAAB', {
  Name: 'Initech',
  OwnerId: '0055e000001AbCeAAK',
  BillingCountry: 'United States',
  BillingState: 'Texas',
  SystemModstamp: '2024-01-02T03:04:05.000+0000',
});
export const USER = sobject('User', '0055e000001AbCdAAK', {
  Name: 'Alex Rep',
  Email: 'alex@acme.example',
  IsActive: true,
  UserRoleId: '00E5e000000RoLeAAA',
  SystemModstamp: '2023-12-01T00:00:00.000+0000',
});
export const ROLE = sobject('UserRole', '00E5e000000RoLeAAA', { Name: 'West Sales', SystemModstamp: '2023-01-01T00:00:00.000+0000' });
export const STAGE = sobject('OpportunityStage', '01J5e000000StGeAAA', {
  ApiName: 'Proposal/Price Quote',
  MasterLabel: 'Proposal/Price Quote',
  SortOrder: 6,
  DefaultProbability: 75,
  IsActive: true,
  IsClosed: false,
  IsWon: false,
  SystemModstamp: '2022-05-05T05:05:05.000+0000',
});
export const PRODUCT = sobject('Product2', '01t5e000001AAAAAA1', {
  Name: 'Seat licence',
  ProductCode: 'SEAT',
  Family: 'Licences',
  SystemModstamp: '2023-06-01T00:00:00.000+0000',
});
// Collaborative Forecasts, per the Object Reference (ForecastingType, Period, ForecastingQuota): one quota per
// user, period and forecast type; a quota's period is its Period (StartDate, EndDate inclusive, Type).
export const FORECAST_REVENUE = sobject('ForecastingType', '0Db5e0000000001AAA', {
  DeveloperName: 'OpportunityRevenue',
  MasterLabel: 'Opportunity Revenue',
  IsAmount: true,
  IsQuantity: false,
  IsActive: true,
});
export const FORECAST_SPLIT = sobject('ForecastingType', '0Db5e0000000002AAA', {
  DeveloperName: 'OpportunitySplitRevenue',
  MasterLabel: 'Opportunity Revenue Splits',
  IsAmount: true,
  IsQuantity: false,
  IsActive: true,
});
export const FORECAST_QUANTITY = sobject('ForecastingType', '0Db5e0000000003AAA', {
  DeveloperName: 'OpportunityQuantity',
  MasterLabel: 'Opportunity Quantity',
  IsAmount: false,
  IsQuantity: true,
  IsActive: true,
});
export const PERIOD_Q1 = sobject('Period', '0265e000000PeRiAAA', { StartDate: '2024-01-01', EndDate: '2024-03-31', Type: 'Quarter' });
export const QUOTA = sobject('ForecastingQuota', '0J95e000000QuOtAAA', {
  QuotaAmount: 150000,
  StartDate: '2024-01-01',
  QuotaOwnerId: '0055e000001AbCdAAK',
  IsAmount: true,
  PeriodId: '0265e000000PeRiAAA',
  ForecastingTypeId: '0Db5e0000000001AAA',
  SystemModstamp: '2023-12-20T00:00:00.000+0000',
});
/** The same rep and period under the splits forecast type: counted with the revenue one, the quota would double. */
export const QUOTA_SPLIT = sobject('ForecastingQuota', '0J95e000000QuOuAAA', {
  ...QUOTA,
  Id: '0J95e000000QuOuAAA',
  ForecastingTypeId: '0Db5e0000000002AAA',
  attributes: { type: 'ForecastingQuota' },
});
