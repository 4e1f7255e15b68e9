import type { RecordType } from '../../model';
import type { ObjectSpec } from '../types';
import { CALL_PROPERTIES, EMAIL_PROPERTIES, MEETING_PROPERTIES } from './map-activities';
import { DEAL_PROPERTIES } from './map-deals';
import { COMPANY_PROPERTIES, CONTACT_PROPERTIES, GOAL_PROPERTIES } from './map-records';

export type HubspotObject = {
  name: string;
  /** How its pages are read: CRM objects by list/search, owners and pipelines by their own endpoints. */
  kind: 'crm' | 'owners' | 'pipelines' | 'goals';
  /** CRM object type in the API path (`deals`, `calls`...). */
  type?: string;
  properties?: readonly string[];
  /** The last-modified property searched on: `lastmodifieddate` for contacts, `hs_lastmodifieddate` elsewhere. */
  modified?: string;
  /** Associations read for each page, by target object type. */
  associations?: readonly string[];
  produces: readonly RecordType[];
  incremental: boolean;
};

export const HUBSPOT_OBJECTS_DETAIL: readonly HubspotObject[] = [
  { name: 'owners', kind: 'owners', produces: ['owner', 'team'], incremental: false },
  { name: 'pipelines', kind: 'pipelines', produces: ['pipeline', 'stage'], incremental: false },
  {
    name: 'companies',
    kind: 'crm',
    type: 'companies',
    properties: COMPANY_PROPERTIES,
    modified: 'hs_lastmodifieddate',
    produces: ['customer'],
    incremental: true,
  },
  {
    name: 'deals',
    kind: 'crm',
    type: 'deals',
    properties: DEAL_PROPERTIES,
    modified: 'hs_lastmodifieddate',
    associations: ['companies', 'line_items'],
    produces: ['deal'],
    incremental: true,
  },
  {
    name: 'calls',
    kind: 'crm',
    type: 'calls',
    properties: CALL_PROPERTIES,
    modified: 'hs_lastmodifieddate',
    associations: ['deals'],
    produces: ['activity'],
    incremental: true,
  },
  {
    name: 'emails',
    kind: 'crm',
    type: 'emails',
    properties: EMAIL_PROPERTIES,
    modified: 'hs_lastmodifieddate',
    associations: ['deals'],
    produces: ['activity'],
    incremental: true,
  },
  {
    name: 'meetings',
    kind: 'crm',
    type: 'meetings',
    properties: MEETING_PROPERTIES,
    modified: 'hs_lastmodifieddate',
    associations: ['deals'],
    produces: ['activity'],
    incremental: true,
  },
  { name: 'contacts', kind: 'crm', type: 'contacts', properties: CONTACT_PROPERTIES, modified: 'lastmodifieddate', produces: ['lead'], incremental: true },
  { name: 'goals', kind: 'goals', type: 'goal_targets', properties: GOAL_PROPERTIES, produces: ['quota'], incremental: false },
];

export const HUBSPOT_OBJECTS: readonly ObjectSpec[] = HUBSPOT_OBJECTS_DETAIL.map(({ name, produces, incremental }) => ({ name, produces, incremental }));
