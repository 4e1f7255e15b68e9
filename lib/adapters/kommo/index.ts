import type { CrmAdapter, ObjectSpec } from '../types';
import { KOMMO_REQUESTS_PER_SECOND } from './client';
import { detectKommo } from './detect';
import { fetchKommoPage, kommoWhoAmI } from './fetch';

/**
 * Sync order: people and pipelines first (deals refer to them), then
 * customers, deals, and the activities that refer to deals and customers.
 * Everything with an `updated_at` filter in API v4 is incremental.
 */
const objects: readonly ObjectSpec[] = [
  { name: 'teams', produces: ['team'], incremental: false },
  { name: 'users', produces: ['owner'], incremental: false },
  { name: 'pipelines', produces: ['pipeline', 'stage'], incremental: false },
  { name: 'companies', produces: ['customer'], incremental: true },
  { name: 'contacts', produces: ['customer'], incremental: true },
  { name: 'leads', produces: ['deal'], incremental: true },
  // Leads in the recycle bin, so deals deleted in amoCRM leave the local data too.
  { name: 'deleted-leads', produces: ['deal'], incremental: true },
  { name: 'tasks', produces: ['activity'], incremental: true },
  { name: 'calls', produces: ['activity'], incremental: true },
];

/** amoCRM / Kommo through API v4, with the rep's session or a long-lived token. */
export const kommoAdapter: CrmAdapter = {
  id: 'kommo',
  label: 'amoCRM / Kommo',
  detect: detectKommo,
  requestsPerSecond: KOMMO_REQUESTS_PER_SECOND,
  objects,
  fetchPage: fetchKommoPage,
  whoAmI: kommoWhoAmI,
};

export { detectKommo } from './detect';
