import type { CrmAdapter, ObjectSpec } from '../types';
import { CLOSE_REQUESTS_PER_SECOND } from './client';
import { detectClose } from './detect';
import { closeWhoAmI, fetchClosePage } from './fetch';

/**
 * Sync order: users, pipelines and leads (customers) first; deals and activities refer to them.
 * Leads and meetings are read whole every run, but are incremental so that a
 * run has a `since` to read their deletions from Close's event log.
 */
const objects: readonly ObjectSpec[] = [
  { name: 'users', produces: ['owner'], incremental: false },
  { name: 'pipelines', produces: ['pipeline', 'stage'], incremental: false },
  { name: 'leads', produces: ['customer'], incremental: true },
  { name: 'opportunities', produces: ['deal'], incremental: true },
  { name: 'calls', produces: ['activity'], incremental: true },
  { name: 'emails', produces: ['activity'], incremental: true },
  { name: 'meetings', produces: ['activity'], incremental: true },
];

/** Close through its REST API v1 with the rep's API key (HTTP Basic, empty password). */
export const closeAdapter: CrmAdapter = {
  id: 'close',
  label: 'Close',
  detect: detectClose,
  requestsPerSecond: CLOSE_REQUESTS_PER_SECOND,
  objects,
  fetchPage: fetchClosePage,
  whoAmI: closeWhoAmI,
};

export { detectClose } from './detect';
