import type { AdapterAuth, DetectedCrm } from '../types';

/**
 * Salesforce page hosts and the API host of the same org. My Domain names:
 * Lightning `acme.lightning.force.com`, Classic/API `acme.my.salesforce.com`,
 * sandboxes `acme--uat.sandbox.lightning.force.com` ↔ `acme--uat.sandbox.my.salesforce.com`,
 * Developer Edition / scratch orgs with `.develop.` / `.scratch.`, Setup pages on
 * `acme.my.salesforce-setup.com`. Government Cloud Plus serves Lightning on
 * `acme.lightning.crmforce.mil` (`.lightning.force.mil` before enhanced domains)
 * and the API on `acme.my.salesforce.mil`; Salesforce on Alibaba Cloud (China)
 * on `acme.lightning.sfcrmapps.cn` and `acme.my.sfcrmproducts.cn`. Pages seen
 * through a proxy such as Microsoft Defender for Cloud Apps (`….mcas.ms`) are
 * not the org's own host and are not taken for it: such orgs connect with OAuth.
 */
const CLOUDS = [
  { pages: ['lightning.force.com', 'my.salesforce.com', 'my.salesforce-setup.com'], api: 'my.salesforce.com', app: 'lightning.force.com' },
  {
    pages: ['lightning.crmforce.mil', 'lightning.force.mil', 'my.salesforce.mil', 'my.salesforce-setup.mil'],
    api: 'my.salesforce.mil',
    app: 'lightning.crmforce.mil',
  },
  { pages: ['lightning.sfcrmapps.cn', 'my.sfcrmproducts.cn', 'my.sfcrmproducts-setup.cn'], api: 'my.sfcrmproducts.cn', app: 'lightning.sfcrmapps.cn' },
] as const;
const ORG = /^([a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?)(\.(?:sandbox|develop|scratch|trailblaze|demo|patch))?$/;

export type SalesforceDetected = DetectedCrm & {
  /** The cookie the background reads with the cookies API: `sid` on the API host. */
  sessionCookie: { url: string; name: 'sid' };
};

export function detectSalesforce(url: URL): SalesforceDetected | null {
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const host = url.hostname.toLowerCase();
  for (const cloud of CLOUDS) {
    const suffix = cloud.pages.find((page) => host.endsWith(`.${page}`));
    if (!suffix) continue;
    const match = ORG.exec(host.slice(0, -(suffix.length + 1)));
    const org = match?.[1];
    if (!org || org.startsWith('-') || org.includes('---')) return null;
    const kind = match[2] ?? '';
    const apiBase = `https://${org}${kind}.${cloud.api}`;
    return { crm: 'salesforce', account: `${org}${kind}`, apiBase, appUrl: `https://${org}${kind}.${cloud.app}`, sessionCookie: { url: apiBase, name: 'sid' } };
  }
  return null;
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
