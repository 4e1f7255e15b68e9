import { z } from '../../model/zod';
import { historySchema } from './stage-history';

/**
 * Raw Salesforce REST shapes (REST API Developer Guide: query, records with
 * `attributes`). Ids are 15/18-character record ids; booleans that decide won
 * and lost (IsWon, IsClosed, IsConverted) and amounts are strict; text and
 * optional lookups are lenient. Unknown fields are dropped.
 */
export const sfId = z.string().regex(/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/, 'expected a Salesforce record id');
const optId = sfId.nullish();
const text = z.string().nullish();
const num = z.number().nullish();
const flag = z.boolean();

export const queryResultSchema = z.lazy(() =>
  z.object({
    totalSize: z.number().int().nonnegative().nullish(),
    done: z.boolean(),
    nextRecordsUrl: z.string().nullish(),
    records: z.array(z.unknown()),
  }),
);

export const lineItemSchema = z.lazy(() =>
  z.object({
    Id: optId,
    Product2Id: optId,
    Name: text,
    Quantity: z.number(),
    UnitPrice: num,
    TotalPrice: num,
    CurrencyIsoCode: text,
  }),
);

export const opportunitySchema = z.lazy(() =>
  z.object({
    Id: sfId,
    Name: text,
    OwnerId: sfId,
    AccountId: optId,
    StageName: text,
    Amount: num,
    CurrencyIsoCode: text,
    Probability: z.number().min(0).max(100).nullish(),
    CloseDate: text,
    CreatedDate: text,
    IsClosed: flag,
    IsWon: flag,
    LeadSource: text,
    SystemModstamp: z.string(),
    OpportunityLineItems: z.object({ records: z.array(z.unknown()), done: z.boolean().nullish(), totalSize: z.number().int().nullish() }).nullish(),
    /** The stage history subquery (stage-history.ts); rows are read one by one there. */
    OpportunityHistories: historySchema.nullish(),
  }),
);
export type RawOpportunity = z.infer<typeof opportunitySchema>;

export const stageSchema = z.lazy(() =>
  z.object({
    Id: sfId,
    ApiName: text,
    MasterLabel: text,
    SortOrder: z.number().int().nullish(),
    DefaultProbability: num,
    SystemModstamp: z.string(),
  }),
);

/** The fields Task and Event share (both are Salesforce activities); a plain shape, built into each schema on first use. */
const activityFields = () => ({ Id: sfId, Subject: text, OwnerId: sfId, WhatId: optId, WhoId: optId, AccountId: optId });

export const taskSchema = z.lazy(() =>
  z.object({
    ...activityFields(),
    ActivityDate: text,
    CompletedDateTime: text,
    IsClosed: flag,
    TaskSubtype: text,
    Type: text,
    CallType: text,
    CallDurationInSeconds: z.number().int().nonnegative().nullish(),
    CreatedDate: text,
    SystemModstamp: z.string(),
  }),
);
export type RawTask = z.infer<typeof taskSchema>;

export const eventSchema = z.lazy(() =>
  z.object({
    ...activityFields(),
    ActivityDateTime: text,
    ActivityDate: text,
    IsAllDayEvent: z.boolean().nullish(),
    DurationInMinutes: z.number().int().nonnegative().nullish(),
    Type: text,
    CreatedDate: text,
    SystemModstamp: z.string(),
  }),
);

export const leadSchema = z.lazy(() =>
  z.object({
    Id: sfId,
    Name: text,
    OwnerId: optId,
    Status: text,
    IsConverted: flag,
    ConvertedDate: text,
    ConvertedOpportunityId: optId,
    ConvertedAccountId: optId,
    CreatedDate: z.string(),
    LeadSource: text,
    Country: text,
    State: text,
    SystemModstamp: z.string(),
  }),
);

export const accountSchema = z.lazy(() =>
  z.object({ Id: sfId, Name: text, OwnerId: optId, BillingCountry: text, BillingState: text, SystemModstamp: z.string() }),
);
export const userSchema = z.lazy(() =>
  z.object({ Id: sfId, Name: text, Email: text, IsActive: z.boolean().nullish(), UserRoleId: optId, SystemModstamp: z.string() }),
);
export const roleSchema = z.lazy(() => z.object({ Id: sfId, Name: text, SystemModstamp: z.string() }));
export const productSchema = z.lazy(() => z.object({ Id: sfId, Name: text, ProductCode: text, Family: text, SystemModstamp: z.string() }));
export const quotaSchema = z.lazy(() =>
  z.object({
    Id: sfId,
    QuotaAmount: num,
    CurrencyIsoCode: text,
    StartDate: z.string(),
    QuotaOwnerId: sfId,
    IsAmount: z.boolean().nullish(),
    PeriodId: optId,
    SystemModstamp: z.string(),
  }),
);
