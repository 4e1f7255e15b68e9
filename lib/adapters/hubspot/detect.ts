import type { AdapterAuth, DetectedCrm } from '../types';

/** HubSpot app hosts: the US data centre and the EU one (`app-eu1`). */
const APP_HOST = /^app(-eu1)?\.hubspot\.com$/;
/** App URLs carry the portal (account) id as the segment after the product: `/contacts/1234567/deal/42`. */
const PORTAL_PATH = /^\/[a-z-]+\/(\d{1,12})(?:\/|$)/;

export const HUBSPOT_API_BASE = 'https://api.hubapi.com';

export function detectHubspot(url: URL): DetectedCrm | null {
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const host = APP_HOST.exec(url.hostname.toLowerCase());
  if (!host) return null;
  const portal = PORTAL_PATH.exec(url.pathname)?.[1];
  if (!portal) return null;
  return { crm: 'hubspot', account: portal, apiBase: HUBSPOT_API_BASE, appUrl: `https://app${host[1] ?? ''}.hubspot.com` };
}

export type HubspotConnection = DetectedCrm & { source: string; portalId: string; auth: AdapterAuth['kind'] };

/**
 * For a page URL: the portal, the API base and the source. HubSpot's API takes
 * no browser session: the rep pastes a private app token once (`bearer`).
 */
export function describeHubspotConnection(pageUrl: string | URL): HubspotConnection | null {
  let url: URL;
  try {
    url = typeof pageUrl === 'string' ? new URL(pageUrl) : pageUrl;
  } catch {
    return null;
  }
  const detected = detectHubspot(url);
  return detected ? { ...detected, portalId: detected.account, source: `hubspot:${detected.account}`, auth: 'bearer' } : null;
}
