/**
 * Where each supported CRM lives. Pure data shared by the build (manifest) and
 * the background (permission requests, content script registration). Host
 * access is never granted at install: each CRM's patterns are optional and
 * requested when the rep connects that CRM.
 */
export const CRM_IDS = ['pipedrive', 'salesforce', 'hubspot', 'close', 'kommo', 'bitrix24', 'sandbox'] as const;
export type CrmId = (typeof CRM_IDS)[number];

/** The zones Bitrix24 cloud portals live on (`<portal>.bitrix24.<zone>`); each is an optional host pattern. */
export const BITRIX24_CLOUD_ZONES = [
  'ru',
  'com',
  'by',
  'kz',
  'de',
  'eu',
  'ua',
  'uz',
  'es',
  'fr',
  'it',
  'pl',
  'uk',
  'in',
  'jp',
  'cn',
  'vn',
  'id',
  'com.br',
  'com.tr',
] as const;

/**
 * Salesforce's clouds, each with its own domains (page, then API): the
 * commercial cloud (`*.lightning.force.com`, `*.my.salesforce.com`), Government
 * Cloud Plus (`*.lightning.crmforce.mil` or `*.lightning.force.mil`,
 * `*.my.salesforce.mil`) and Salesforce on Alibaba Cloud in China
 * (`*.lightning.sfcrmapps.cn`, `*.my.sfcrmproducts.cn`). A connection asks for
 * its own cloud's patterns only.
 */
export const SALESFORCE_CLOUD_PATTERNS = {
  commercial: ['https://*.force.com/*', 'https://*.salesforce.com/*'],
  government: ['https://*.force.mil/*', 'https://*.crmforce.mil/*', 'https://*.salesforce.mil/*'],
  china: ['https://*.sfcrmapps.cn/*', 'https://*.sfcrmproducts.cn/*'],
} as const;
export type SalesforceCloud = keyof typeof SALESFORCE_CLOUD_PATTERNS;

/** Which Salesforce cloud a host belongs to, by its domain; undefined for any other host. */
export function salesforceCloudOf(hostname: string): SalesforceCloud | undefined {
  const host = hostname.toLowerCase();
  const within = (...domains: string[]) => domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
  if (within('force.com', 'salesforce.com')) return 'commercial';
  if (within('force.mil', 'crmforce.mil', 'salesforce.mil')) return 'government';
  if (within('sfcrmapps.cn', 'sfcrmproducts.cn')) return 'china';
  return undefined;
}

export const CRM_HOST_PATTERNS: Record<Exclude<CrmId, 'sandbox'>, readonly string[]> = {
  pipedrive: ['https://*.pipedrive.com/*'],
  salesforce: Object.values(SALESFORCE_CLOUD_PATTERNS).flat(),
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://api.hubapi.com/*'],
  close: ['https://app.close.com/*', 'https://api.close.com/*'],
  kommo: ['https://*.kommo.com/*', 'https://*.amocrm.ru/*', 'https://*.amocrm.com/*'],
  bitrix24: BITRIX24_CLOUD_ZONES.map((zone) => `https://*.bitrix24.${zone}/*`),
};

/** The local sandbox CRM used by `npm run demo` and the end-to-end tests; only in development and test builds. */
export const SANDBOX_HOST_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

export const ALL_CRM_HOST_PATTERNS: readonly string[] = Object.values(CRM_HOST_PATTERNS).flat();
