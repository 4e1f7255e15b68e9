import type { DetectedCrm } from '../types';

export const CLOSE_APP_URL = 'https://app.close.com';
export const CLOSE_API_BASE = 'https://api.close.com/api/v1';

/**
 * Pure: is this a page of the Close web app? Close serves every organization
 * from the same host, so the page names no account: the account key is the
 * host, and the organization is whichever the rep's API key belongs to.
 */
export function detectClose(url: URL): DetectedCrm | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  if (url.hostname.toLowerCase() !== 'app.close.com') return null;
  return { crm: 'close', account: 'app.close.com', apiBase: CLOSE_API_BASE, appUrl: CLOSE_APP_URL };
}
