import type { DetectedCrm } from '../types';

import { BITRIX24_CLOUD_ZONES } from '../hosts';

export { BITRIX24_CLOUD_ZONES };

const PORTAL_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const RESERVED = new Set(['www', 'auth2', 'oauth', 'helpdesk', 'apidocs', 'dev', 'partners', 'marketplace', 'util', 'training']);

function portal(host: string, https: boolean): DetectedCrm {
  const origin = `${https ? 'https' : 'http'}://${host}`;
  return { crm: 'bitrix24', account: host, apiBase: `${origin}/rest/`, appUrl: origin };
}

/**
 * Pure: is this a page of a Bitrix24 cloud portal? Only `https://<portal>.bitrix24.<zone>`
 * with exactly one label before `bitrix24` counts; look-alikes such as
 * `acme.bitrix24.ru.attacker.com` do not. The account key is the host
 * (`acme.bitrix24.ru` and `acme.bitrix24.com` are different portals). The API
 * root is the portal's `/rest/`, used with the page session (see session.ts);
 * a webhook URL replaces it when the rep pastes one.
 */
export function detectBitrix24(url: URL): DetectedCrm | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const host = url.hostname.toLowerCase();
  const match = /^([^.]+)\.bitrix24\.(.+)$/.exec(host);
  if (!match || !(BITRIX24_CLOUD_ZONES as readonly string[]).includes(match[2]!)) return null;
  if (!PORTAL_LABEL.test(match[1]!) || RESERVED.has(match[1]!)) return null;
  return portal(host, true);
}

/**
 * Self-hosted portals run on any host, so a URL alone cannot say it is one. A
 * page counts only when its host is one the rep registered as their portal in
 * KPI Lens options, and it is a CRM page (`/crm/…`).
 */
export function detectSelfHostedBitrix24(url: URL, registeredHosts: readonly string[]): DetectedCrm | null {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return null;
  const host = url.host.toLowerCase();
  if (!registeredHosts.some((registered) => registered.trim().toLowerCase() === host)) return null;
  if (!url.pathname.startsWith('/crm/')) return null;
  return portal(host, url.protocol === 'https:');
}

/**
 * An inbound webhook URL (`https://<portal>/rest/<user id>/<code>/`): the
 * credentials are the URL itself. Returns the API root to use as
 * `AdapterContext.baseUrl`, or null when the text is not one.
 */
export function parseWebhookUrl(text: string): { baseUrl: string; appUrl: string; userId: string } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  const match = /^\/rest\/(\d{1,12})\/([A-Za-z0-9]{8,64})\/?(?:[a-z0-9_.]+(?:\.json)?)?$/.exec(url.pathname);
  if (url.protocol !== 'https:' || !match || url.username || url.password) return null;
  return { baseUrl: `${url.origin}/rest/${match[1]}/${match[2]}/`, appUrl: url.origin, userId: match[1]! };
}
