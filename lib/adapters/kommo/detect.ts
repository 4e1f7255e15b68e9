import type { DetectedCrm } from '../types';

/** The zones amoCRM (Russia) and Kommo (international) serve accounts on, as `<account>.<zone>`. */
export const KOMMO_ZONES = ['kommo.com', 'amocrm.ru', 'amocrm.com'] as const;

/** Subdomains of those zones that are the vendor's own sites, never a customer account. */
const RESERVED = new Set([
  'www',
  'id',
  'api',
  'api-a',
  'api-b',
  'api-c',
  'api-g',
  'developers',
  'help',
  'support',
  'status',
  'blog',
  'shop',
  'market',
  'partners',
]);

const ACCOUNT_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Pure: is this a page of an amoCRM / Kommo account? Only `https://<account>.<zone>`
 * with exactly one label before the zone counts, so look-alike hosts such as
 * `evil-amocrm.ru.attacker.com` or `a.b.amocrm.ru` are not taken for the CRM.
 * The account key is the whole host: `acme.amocrm.ru` and `acme.kommo.com` are
 * different installations.
 */
export function detectKommo(url: URL): DetectedCrm | null {
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') return null;
  const host = url.hostname.toLowerCase();
  for (const zone of KOMMO_ZONES) {
    if (!host.endsWith(`.${zone}`)) continue;
    const account = host.slice(0, -(zone.length + 1));
    if (!ACCOUNT_LABEL.test(account) || RESERVED.has(account)) return null;
    const origin = `https://${host}`;
    return { crm: 'kommo', account: host, apiBase: `${origin}/api/v4`, appUrl: origin };
  }
  return null;
}

/** What the rep calls the CRM on this host, for messages. */
export function kommoLabel(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname.endsWith('.kommo.com') ? 'Kommo' : 'amoCRM';
  } catch {
    return 'amoCRM';
  }
}
