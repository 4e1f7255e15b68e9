import type { CrmAdapter, ObjectSpec } from '../types';
import { detectBitrix24 } from './detect';
import { bitrixWhoAmI, fetchBitrixPage } from './fetch';

/** Bitrix24 cloud allows 2 requests per second sustained (a burst of 50); past that, QUERY_LIMIT_EXCEEDED. */
export const BITRIX_REQUESTS_PER_SECOND = 2;

/** Sync order: users, funnels and companies first; leads, then deals (with their stage history), then activities. */
const objects: readonly ObjectSpec[] = [
  { name: 'users', produces: ['owner'], incremental: false },
  { name: 'pipelines', produces: ['pipeline', 'stage'], incremental: false },
  { name: 'companies', produces: ['customer'], incremental: true },
  { name: 'leads', produces: ['lead'], incremental: true },
  { name: 'deals', produces: ['deal'], incremental: true },
  { name: 'activities', produces: ['activity'], incremental: true },
];

/** Bitrix24 through its REST API, with an inbound webhook URL or the portal page's session. */
export const bitrix24Adapter: CrmAdapter = {
  id: 'bitrix24',
  label: 'Bitrix24',
  detect: detectBitrix24,
  requestsPerSecond: BITRIX_REQUESTS_PER_SECOND,
  objects,
  fetchPage: fetchBitrixPage,
  whoAmI: bitrixWhoAmI,
};

export { detectBitrix24, detectSelfHostedBitrix24, parseWebhookUrl } from './detect';
export { bitrixSessionBaseUrl } from './session';
