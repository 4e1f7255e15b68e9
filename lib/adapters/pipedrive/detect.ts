import type { AdapterAuth, DetectedCrm } from '../types';

/** Pipedrive's own sites under pipedrive.com that are not a company's account. */
const NOT_ACCOUNTS = new Set([
  'www',
  'api',
  'app',
  'developers',
  'oauth',
  'status',
  'support',
  'marketplace',
  'blog',
  'academy',
  'community',
  'careers',
  'help',
  'login',
  'go',
  'cdn',
  'static',
  'media',
]);
const ACCOUNT_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.pipedrive\.com$/;

/** The API root for an API token when the company domain is unknown. */
export const PIPEDRIVE_TOKEN_API_BASE = 'https://api.pipedrive.com/api';

/**
 * Is this a page of a Pipedrive account (`https://<company>.pipedrive.com/...`)?
 * The API is then reachable same-origin at `/api` with the rep's session.
 */
export function detectPipedrive(url: URL): DetectedCrm | null {
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const match = ACCOUNT_HOST.exec(url.hostname.toLowerCase());
  const account = match?.[1];
  if (!account || NOT_ACCOUNTS.has(account)) return null;
  const appUrl = `https://${account}.pipedrive.com`;
  return { crm: 'pipedrive', account, apiBase: `${appUrl}/api`, appUrl };
}

export type PipedriveConnection = DetectedCrm & {
  /** The `source` the account's records carry. */
  source: string;
  /** How the background signs in from this page: the rep's session, same-origin. */
  auth: AdapterAuth;
};

/** For a page URL: which account, which API base, which source and credentials; null when not Pipedrive. */
export function describePipedriveConnection(pageUrl: string | URL): PipedriveConnection | null {
  let url: URL;
  try {
    url = typeof pageUrl === 'string' ? new URL(pageUrl) : pageUrl;
  } catch {
    return null;
  }
  const detected = detectPipedrive(url);
  return detected ? { ...detected, source: `pipedrive:${detected.account}`, auth: { kind: 'session' } } : null;
}
