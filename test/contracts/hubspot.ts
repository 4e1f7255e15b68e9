import type { BatchResponsePublicAssociationMultiWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import {
  AssociationSpecWithLabelCategoryEnum,
  BatchResponsePublicAssociationMultiWithLabelStatusEnum,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { ObjectSerializer as AssociationsSerializer } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/ObjectSerializer';
import type {
  CollectionResponseSimplePublicObjectWithAssociationsForwardPaging,
  CollectionResponseWithTotalSimplePublicObjectForwardPaging,
  SimplePublicObjectWithAssociations,
} from '@hubspot/api-client/lib/codegen/crm/deals';
import { ObjectSerializer as DealsSerializer } from '@hubspot/api-client/lib/codegen/crm/deals/models/ObjectSerializer';
import type { BatchResponseSimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/line_items';
import { BatchResponseSimplePublicObjectStatusEnum } from '@hubspot/api-client/lib/codegen/crm/line_items';
import { ObjectSerializer as LineItemsSerializer } from '@hubspot/api-client/lib/codegen/crm/line_items/models/ObjectSerializer';
import type { CollectionResponsePublicOwnerForwardPaging, PublicOwner } from '@hubspot/api-client/lib/codegen/crm/owners';
import { PublicOwnerTypeEnum } from '@hubspot/api-client/lib/codegen/crm/owners';
import { ObjectSerializer as OwnersSerializer } from '@hubspot/api-client/lib/codegen/crm/owners/models/ObjectSerializer';
import type { CollectionResponsePipelineNoPaging } from '@hubspot/api-client/lib/codegen/crm/pipelines';
import { ObjectSerializer as PipelinesSerializer } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/ObjectSerializer';
import type { HubspotContext } from '../../lib/adapters/hubspot';
import type { FetchLike } from '../../lib/adapters/types';
import { jsonResponse } from './openapi-examples';

/**
 * HubSpot fixtures typed as `@hubspot/api-client`'s models, so tsc checks them
 * against HubSpot's published object shapes, and turned into wire JSON by the
 * package's own ObjectSerializer (Dates → ISO strings, `_from` → `from`).
 */
export const wire = {
  list: (x: CollectionResponseSimplePublicObjectWithAssociationsForwardPaging) =>
    DealsSerializer.serialize(x, 'CollectionResponseSimplePublicObjectWithAssociationsForwardPaging', '') as unknown,
  search: (x: CollectionResponseWithTotalSimplePublicObjectForwardPaging) =>
    DealsSerializer.serialize(x, 'CollectionResponseWithTotalSimplePublicObjectForwardPaging', '') as unknown,
  owners: (x: CollectionResponsePublicOwnerForwardPaging) => OwnersSerializer.serialize(x, 'CollectionResponsePublicOwnerForwardPaging', '') as unknown,
  pipelines: (x: CollectionResponsePipelineNoPaging) => PipelinesSerializer.serialize(x, 'CollectionResponsePipelineNoPaging', '') as unknown,
  associations: (x: BatchResponsePublicAssociationMultiWithLabel) =>
    AssociationsSerializer.serialize(x, 'BatchResponsePublicAssociationMultiWithLabel', '') as unknown,
  lineItems: (x: BatchResponseSimplePublicObject) => LineItemsSerializer.serialize(x, 'BatchResponseSimplePublicObject', '') as unknown,
};

const T0 = new Date('2024-01-05T10:00:00Z');
const T1 = new Date('2024-03-01T09:00:00Z');

export function crmObject(id: string, properties: Record<string, string | null>, updatedAt = T1): SimplePublicObjectWithAssociations {
  return { id, properties, createdAt: T0, updatedAt, archived: false };
}

export const DEAL_WON = crmObject('9001', {
  dealname: 'Acme — annual',
  amount: '12500.50',
  deal_currency_code: 'EUR',
  amount_in_home_currency: '13600.55',
  closedate: '2024-02-28T15:00:00Z',
  createdate: '2024-01-05T10:00:00Z',
  dealstage: 'closedwon',
  pipeline: 'default',
  hubspot_owner_id: '501',
  hs_is_closed_won: 'true',
  hs_is_closed: 'true',
  hs_deal_stage_probability: '1',
  hs_lastmodifieddate: '2024-03-01T09:00:00Z',
  hs_analytics_source: 'ORGANIC_SEARCH',
  closed_lost_reason: null,
  hs_mrr: null,
});
export const DEAL_LOST = crmObject('9002', {
  dealname: 'Globex',
  amount: '3000',
  deal_currency_code: null,
  closedate: '2024-02-10T12:00:00Z',
  createdate: '2023-12-01T08:00:00Z',
  dealstage: 'closedlost',
  pipeline: 'default',
  hubspot_owner_id: '502',
  hs_is_closed_won: 'false',
  hs_is_closed: 'true',
  hs_deal_stage_probability: '0',
  hs_lastmodifieddate: '2024-02-10T12:00:01Z',
  hs_analytics_source: 'REFERRALS',
  closed_lost_reason: 'Went with a competitor',
});
export const DEAL_OPEN = crmObject('9003', {
  dealname: 'Initech pilot',
  amount: null,
  closedate: '2024-04-30T00:00:00Z',
  createdate: '2024-02-20T08:00:00Z',
  dealstage: 'appointmentscheduled',
  pipeline: 'default',
  hubspot_owner_id: '501',
  hs_is_closed_won: 'false',
  hs_is_closed: 'false',
  hs_deal_stage_probability: '0.2',
  hs_lastmodifieddate: '2024-03-02T09:00:00Z',
});
export const CALL = crmObject('7001', {
  hs_timestamp: '2024-03-04T15:00:00Z',
  hs_call_direction: 'OUTBOUND',
  hs_call_duration: '185000',
  hs_call_status: 'COMPLETED',
  hs_call_title: 'Discovery',
  hubspot_owner_id: '501',
  hs_createdate: '2024-03-04T15:04:00Z',
  hs_lastmodifieddate: '2024-03-04T15:05:00Z',
});
export const EMAIL = crmObject('7002', {
  hs_timestamp: '2024-03-05T09:00:00Z',
  hs_email_direction: 'INCOMING_EMAIL',
  hs_email_subject: 'Re: proposal',
  hs_email_open_count: '0',
  hubspot_owner_id: '501',
  hs_lastmodifieddate: '2024-03-05T09:00:00Z',
});
export const MEETING = crmObject('7003', {
  hs_meeting_start_time: '2024-03-06T16:00:00Z',
  hs_meeting_end_time: '2024-03-06T16:30:00Z',
  hs_meeting_title: 'Demo for Initech',
  hs_meeting_outcome: 'SCHEDULED',
  hubspot_owner_id: '502',
  hs_createdate: '2024-02-27T10:00:00Z',
  hs_lastmodifieddate: '2024-02-27T10:00:00Z',
});
export const CONTACT = crmObject('3001', {
  firstname: 'Pat',
  lastname: 'Doe',
  email: 'pat@initech.example',
  createdate: '2024-01-10T10:00:00Z',
  lastmodifieddate: '2024-02-21T10:00:00Z',
  hubspot_owner_id: '501',
  hs_lifecyclestage_marketingqualifiedlead_date: '2024-01-12T10:00:00Z',
  hs_lifecyclestage_salesqualifiedlead_date: '2024-01-20T10:00:00Z',
  hs_lifecyclestage_opportunity_date: '2024-02-20T08:00:00Z',
  hs_lifecyclestage_customer_date: null,
  hs_analytics_source: 'PAID_SOCIAL',
  associatedcompanyid: '4001',
  state: 'Texas',
  country: 'United States',
});
export const COMPANY = crmObject('4001', {
  name: 'Initech',
  hubspot_owner_id: '501',
  country: 'United States',
  state: 'Texas',
  hs_lastmodifieddate: '2024-02-21T10:00:00Z',
  hs_lifecyclestage_customer_date: null,
});
export const GOAL = crmObject('6001', {
  hs_goal_name: 'Q1 revenue',
  hs_target_amount: '50000',
  hs_start_datetime: '2024-01-01T00:00:00Z',
  hs_end_datetime: '2024-03-31T23:59:59.999Z',
  hs_assignee_user_id: '88001',
  hs_goal_type: 'sales_quota',
  hs_milestone: 'quarterly',
  hs_lastmodifieddate: '2023-12-15T00:00:00Z',
});

export const OWNER: PublicOwner = {
  id: '501',
  firstName: 'Alex',
  lastName: 'Rep',
  email: 'alex@acme.example',
  userId: 88001,
  type: PublicOwnerTypeEnum.Person,
  archived: false,
  createdAt: T0,
  updatedAt: T1,
  teams: [{ id: '77', name: 'West', primary: true }],
};

export const PIPELINES: CollectionResponsePipelineNoPaging = {
  results: [
    {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: T0,
      updatedAt: T1,
      stages: [
        {
          id: 'appointmentscheduled',
          label: 'Appointment scheduled',
          displayOrder: 0,
          archived: false,
          createdAt: T0,
          updatedAt: T1,
          metadata: { isClosed: 'false', probability: '0.2' },
        },
        {
          id: 'closedwon',
          label: 'Closed won',
          displayOrder: 5,
          archived: false,
          createdAt: T0,
          updatedAt: T1,
          metadata: { isClosed: 'true', probability: '1.0' },
        },
      ],
    },
  ],
};

export function associationsOf(pairs: Record<string, string[]>): BatchResponsePublicAssociationMultiWithLabel {
  return {
    status: BatchResponsePublicAssociationMultiWithLabelStatusEnum.Complete,
    startedAt: T1,
    completedAt: T1,
    results: Object.entries(pairs).map(([from, to]) => ({
      _from: { id: from },
      to: to.map((id) => ({ toObjectId: id, associationTypes: [{ category: AssociationSpecWithLabelCategoryEnum.HubspotDefined, typeId: 1 }] })),
    })),
  };
}

export const LINE_ITEMS: BatchResponseSimplePublicObject = {
  status: BatchResponseSimplePublicObjectStatusEnum.Complete,
  startedAt: T1,
  completedAt: T1,
  results: [
    {
      id: '8001',
      properties: { name: 'Seats', quantity: '10', price: '1000', amount: '9000', hs_product_id: '1201', hs_line_item_currency_code: 'EUR' },
      createdAt: T0,
      updatedAt: T1,
    },
    {
      id: '8002',
      properties: { name: 'Onboarding', quantity: '1', price: '3500.50', amount: null, hs_product_id: null, hs_line_item_currency_code: null },
      createdAt: T0,
      updatedAt: T1,
    },
  ],
};

export type HsCall = { method: string; url: URL; body: unknown; headers: Headers };

/** Routes every portal answers unless a test says otherwise: a portal always has its deal pipelines. */
const DEFAULT_ROUTES: Record<string, () => unknown> = { 'GET /crm/v3/pipelines/deals': () => wire.pipelines(PIPELINES) };

/** A fetch that answers HubSpot paths (`GET /crm/v3/owners`) from a table of functions (and DEFAULT_ROUTES). */
export function hsFetch(routes: Record<string, (url: URL, body: unknown) => Response | unknown>, calls: HsCall[] = []): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body, headers: new Headers(init?.headers) });
    const route = routes[`${method} ${url.pathname}`] ?? DEFAULT_ROUTES[`${method} ${url.pathname}`];
    if (!route) return jsonResponse({ status: 'error', message: 'not found', category: 'OBJECT_NOT_FOUND' }, 404);
    const answer = route(url, body);
    return answer instanceof Response ? answer : jsonResponse(answer);
  };
}

export function hsContext(fetch: FetchLike, overrides: Partial<HubspotContext> = {}): HubspotContext {
  return {
    fetch,
    baseUrl: 'https://api.hubapi.com',
    appUrl: 'https://app.hubspot.com',
    auth: { kind: 'bearer', token: 'pat-na1-test' },
    source: 'hubspot:1234567',
    timeZone: 'UTC',
    portalId: '1234567',
    currency: 'USD',
    now: () => Date.parse('2024-03-10T12:00:00Z'),
    ...overrides,
  };
}
