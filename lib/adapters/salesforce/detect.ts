import type { AdapterAuth, DetectedCrm } from '../types';

/**
 * Salesforce page hosts and the API host of the same org. My Domain names:
 * Lightning `acme.lightning.force.com`, Classic/API `acme.my.salesforce.com`,
 * sandboxes `acme--uat.sandbox.lightning.force.com` ↔ `acme--uat.sandbox.my.salesforce.com`,
 * Developer Edition / scratch orgs with `.develop.` / `.scratch.`, Setup pages on
 * `acme.my.salesforce-setup.com`.
 */
const HOST = /^([a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)(\.(?:sandbox|develop|scratch|trailblaze|demo|patch))?\.(lightning\.force\.com|my\.salesforce\.com|my\.salesforce-setup\.com)$/;

export type SalesforceDetected = DetectedCrm & {
  /** The cookie the background reads with the cookies API: `sid` on the API host. */
  sessionCookie: { url: string; name: 'sid' };
};

export function detectSalesforce(url: URL): SalesforceDetected | null {
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const match = HOST.exec(url.hostname.toLowerCase());
  const org = match?.[1];
  if (!org || org.startsWith('-') || org.includes('---')) return null;
  const kind = match[2] ?? '';
  const apiBase = `https://${org}${kind}.my.salesforce.com`;
  return {
    crm: 'salesforce',
    account: `${org}${kind}`,
    apiBase,
    appUrl: `https://${org}${kind}.lightning.force.com`,
    sessionCookie: { url: apiBase, name: 'sid' },
  };
}

export type SalesforceConnection = SalesforceDetected & { source: string; auth: AdapterAuth['kind'] };

/**
 * For a page URL: the org, the API host, the `sid` cookie to read there and the
 * source its records carry. The background sends the cookie's value as
 * `Authorization: Bearer <sid>` (a `bearer` AdapterAuth).
 */
export function describeSalesforceConnection(pageUrl: string | URL): SalesforceConnection | null {
  let url: URL;
  try {
    url = typeof pageUrl === 'string' ? new URL(pageUrl) : pageUrl;
  } catch {
    return null;
  }
  const detected = detectSalesforce(url);
  return detected ? { ...detected, source: `salesforce:${detected.account}`, auth: 'bearer' } : null;
}
