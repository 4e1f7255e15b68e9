/**
 * Where each supported CRM lives. Pure data shared by the build (manifest) and
 * the background (permission requests, content script registration). Host
 * access is never granted at install: each CRM's patterns are optional and
 * requested when the rep connects that CRM.
 */
export const CRM_IDS = ['pipedrive', 'salesforce', 'hubspot', 'close', 'kommo', 'bitrix24', 'sandbox'] as const;
export type CrmId = (typeof CRM_IDS)[number];

/** The zones Bitrix24 cloud portals live on (`<portal>.bitrix24.<zone>`); each is an optional host pattern. */
export const BITRIX24_CLOUD_ZONES = ['ru', 'com', 'by', 'kz', 'de', 'eu', 'ua', 'uz', 'es', 'fr', 'it', 'pl', 'uk', 'in', 'jp', 'cn', 'vn', 'id', 'com.br', 'com.tr'] as const;

export const CRM_HOST_PATTERNS: Record<Exclude<CrmId, 'sandbox'>, readonly string[]> = {
  pipedrive: ['https://*.pipedrive.com/*'],
  // Lightning pages live on *.lightning.force.com, the REST API on *.my.salesforce.com.
  salesforce: ['https://*.force.com/*', 'https://*.salesforce.com/*'],
  hubspot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://api.hubapi.com/*'],
  close: ['https://app.close.com/*', 'https://api.close.com/*'],
  kommo: ['https://*.kommo.com/*', 'https://*.amocrm.ru/*', 'https://*.amocrm.com/*'],
  bitrix24: BITRIX24_CLOUD_ZONES.map((zone) => `https://*.bitrix24.${zone}/*`),
};

/** The local sandbox CRM used by `npm run demo` and the end-to-end tests; only in development and test builds. */
export const SANDBOX_HOST_PATTERNS = ['http://localhost/*', 'http://127.0.0.1/*'] as const;

export const ALL_CRM_HOST_PATTERNS: readonly string[] = Object.values(CRM_HOST_PATTERNS).flat();
