import type { RecordType } from '../../model';
import type { Mapped } from '../map';
import type { ObjectSpec } from '../types';
import { mapEvent, mapTask } from './map-activity';
import type { MapContext } from './map-common';
import { mapOpportunity } from './map-opportunity';
import { HISTORY_SUBQUERY } from './stage-history';
import { mapAccount, mapLead, mapProduct, mapQuota, mapRole, mapStage, mapUser } from './map-records';

export type SoqlObject = {
  name: string;
  sobject: string;
  fields: readonly string[];
  /** Fields that exist only in multi-currency orgs. */
  currencyFields?: readonly string[];
  /** Relationship subqueries read with each record (comma-separated). */
  subquery?: (multiCurrency: boolean) => string;
  produces: readonly RecordType[];
  map: (raw: unknown, ctx: MapContext) => Mapped | Mapped[];
  /** Deleted records are fetched with queryAll after an incremental pass. */
  tracksDeletes: boolean;
  /**
   * Read through queryAll (without the deleted): Salesforce archives tasks and
   * events about a year old, and only queryAll returns archived activities.
   */
  archivedToo?: boolean;
  /** Absent in orgs without the feature: INVALID_TYPE skips the object quietly. */
  optional?: boolean;
};

const STAMP = ['SystemModstamp'];

export const SOQL_OBJECTS: readonly SoqlObject[] = [
  {
    name: 'users',
    sobject: 'User',
    fields: ['Id', 'Name', 'Email', 'IsActive', 'UserRoleId', ...STAMP],
    produces: ['owner'],
    map: mapUser,
    tracksDeletes: false,
  },
  { name: 'roles', sobject: 'UserRole', fields: ['Id', 'Name', ...STAMP], produces: ['team'], map: mapRole, tracksDeletes: false },
  {
    name: 'stages',
    sobject: 'OpportunityStage',
    fields: ['Id', 'ApiName', 'MasterLabel', 'SortOrder', 'DefaultProbability', 'IsActive', 'IsClosed', 'IsWon', ...STAMP],
    produces: ['pipeline', 'stage'],
    map: mapStage,
    tracksDeletes: false,
  },
  {
    name: 'products',
    sobject: 'Product2',
    fields: ['Id', 'Name', 'ProductCode', 'Family', ...STAMP],
    produces: ['product'],
    map: mapProduct,
    tracksDeletes: true,
  },
  {
    name: 'accounts',
    sobject: 'Account',
    fields: ['Id', 'Name', 'OwnerId', 'BillingCountry', 'BillingState', ...STAMP],
    produces: ['customer'],
    map: mapAccount,
    tracksDeletes: true,
  },
  {
    name: 'opportunities',
    sobject: 'Opportunity',
    fields: [
      'Id',
      'Name',
      'OwnerId',
      'AccountId',
      'StageName',
      'Amount',
      'Probability',
      'CloseDate',
      'CreatedDate',
      'IsClosed',
      'IsWon',
      'LeadSource',
      ...STAMP,
    ],
    currencyFields: ['CurrencyIsoCode'],
    subquery: (multi) =>
      `(SELECT Id, Product2Id, Name, Quantity, UnitPrice, TotalPrice${multi ? ', CurrencyIsoCode' : ''} FROM OpportunityLineItems), ${HISTORY_SUBQUERY}`,
    produces: ['deal'],
    map: mapOpportunity,
    tracksDeletes: true,
  },
  {
    name: 'tasks',
    sobject: 'Task',
    fields: [
      'Id',
      'Subject',
      'OwnerId',
      'WhatId',
      'WhoId',
      'AccountId',
      'ActivityDate',
      'CompletedDateTime',
      'Status',
      'IsClosed',
      'TaskSubtype',
      'Type',
      'CallType',
      'CallDurationInSeconds',
      'CreatedDate',
      ...STAMP,
    ],
    produces: ['activity'],
    map: mapTask,
    tracksDeletes: true,
    archivedToo: true,
  },
  {
    name: 'events',
    sobject: 'Event',
    fields: [
      'Id',
      'Subject',
      'OwnerId',
      'WhatId',
      'WhoId',
      'AccountId',
      'ActivityDateTime',
      'ActivityDate',
      'IsAllDayEvent',
      'DurationInMinutes',
      'Type',
      'CreatedDate',
      ...STAMP,
    ],
    produces: ['activity'],
    map: mapEvent,
    tracksDeletes: true,
    archivedToo: true,
  },
  {
    name: 'leads',
    sobject: 'Lead',
    fields: [
      'Id',
      'Name',
      'OwnerId',
      'Status',
      'IsConverted',
      'ConvertedDate',
      'ConvertedOpportunityId',
      'ConvertedAccountId',
      'CreatedDate',
      'LeadSource',
      'Country',
      'State',
      ...STAMP,
    ],
    produces: ['lead'],
    map: mapLead,
    tracksDeletes: true,
  },
  {
    name: 'quotas',
    sobject: 'ForecastingQuota',
    // PeriodId gives the quota's real period (see quotas.ts), ForecastingTypeId which forecast it belongs to.
    fields: ['Id', 'QuotaAmount', 'StartDate', 'QuotaOwnerId', 'IsAmount', 'PeriodId', 'ForecastingTypeId', ...STAMP],
    currencyFields: ['CurrencyIsoCode'],
    produces: ['quota'],
    map: mapQuota,
    tracksDeletes: false,
    optional: true,
  },
];

export const SALESFORCE_OBJECTS: readonly ObjectSpec[] = SOQL_OBJECTS.map((o) => ({ name: o.name, produces: o.produces, incremental: true }));

/** SOQL datetime literal, whole seconds (the filter is `>=`, so rounding down never misses a record). */
export function soqlDateTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The SOQL of one pass over an object: records changed at or after `from`
 * (SystemModstamp, which also moves on system changes), in SystemModstamp then Id
 * order so a pass can resume from the last stamp it saw. `conditions` narrow it
 * further (the forecast type of quotas); objects read through queryAll leave
 * the deleted ones to the deleted pass.
 */
export function buildQuery(spec: SoqlObject, from: string | null, multiCurrency: boolean, conditions: readonly string[] = []): string {
  const fields = [...spec.fields, ...(multiCurrency ? (spec.currencyFields ?? []) : [])];
  if (spec.subquery) fields.push(spec.subquery(multiCurrency));
  const where = [...(from ? [`SystemModstamp >= ${from}`] : []), ...(spec.archivedToo ? ['IsDeleted = false'] : []), ...conditions];
  return `SELECT ${fields.join(', ')} FROM ${spec.sobject}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY SystemModstamp ASC, Id ASC`;
}

export function buildDeletedQuery(spec: SoqlObject, from: string): string {
  return `SELECT Id, SystemModstamp FROM ${spec.sobject} WHERE IsDeleted = true AND SystemModstamp >= ${from} ORDER BY SystemModstamp ASC, Id ASC`;
}

/** A SOQL string literal: the id is checked to be an id, so nothing else can reach the query. */
export function soqlId(id: string): string {
  if (!/^[a-zA-Z0-9]{15,18}$/.test(id)) throw new Error(`not a Salesforce id: ${id.slice(0, 30)}`);
  return `'${id}'`;
}
