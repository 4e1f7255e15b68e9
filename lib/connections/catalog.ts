import { CRM_HOST_PATTERNS, SALESFORCE_CLOUD_PATTERNS, salesforceCloudOf, type CrmId } from '../adapters/hosts';

/** The CRMs a rep can connect from the options (the sandbox connects itself in development and test builds). */
export type ConnectableCrm = Exclude<CrmId, 'sandbox'>;
export const CONNECTABLE_CRMS: readonly ConnectableCrm[] = ['pipedrive', 'salesforce', 'hubspot', 'close', 'kommo', 'bitrix24'];

/**
 * How the rep signs KPI Lens in:
 * - `session`: their own browser session (no secret is stored);
 * - `token`: a personal credential they paste once (Pipedrive API token, HubSpot
 *   private app token, Close API key, amoCRM/Kommo long-lived token);
 * - `oauth`: a Salesforce connected app (OAuth 2.0 with PKCE);
 * - `webhook`: a Bitrix24 inbound webhook URL, which is its own credential.
 */
export type ConnectMethod = 'session' | 'token' | 'oauth' | 'webhook';

/** What the connect form asks for, besides the method. */
export type ConnectField = 'account' | 'token' | 'webhookUrl' | 'clientId' | 'clientSecret' | 'loginUrl';

export type CatalogEntry = {
  crm: ConnectableCrm;
  label: string;
  /** The first is the one offered by default. */
  methods: readonly ConnectMethod[];
  /** The fields each method needs; `account` is optional where the CRM can tell it itself. */
  fields: Partial<Record<ConnectMethod, { required: readonly ConnectField[]; optional?: readonly ConnectField[] }>>;
  /** Optional extension permissions a method needs besides host access. */
  permissions?: Partial<Record<ConnectMethod, readonly ('cookies' | 'identity')[]>>;
  /**
   * Host access is asked for the account's own host where the account names one
   * (amoCRM/Kommo, Bitrix24: one portal, not every portal of the vendor); else
   * for the CRM's patterns.
   */
  hostPerAccount?: boolean;
};

export const CRM_CATALOG: Record<ConnectableCrm, CatalogEntry> = {
  pipedrive: {
    crm: 'pipedrive',
    label: 'Pipedrive',
    methods: ['session', 'token'],
    fields: { session: { required: ['account'] }, token: { required: ['token'], optional: ['account'] } },
  },
  salesforce: {
    crm: 'salesforce',
    label: 'Salesforce',
    methods: ['session', 'oauth'],
    fields: { session: { required: ['account'] }, oauth: { required: ['clientId'], optional: ['clientSecret', 'loginUrl'] } },
    permissions: { session: ['cookies'], oauth: ['identity'] },
  },
  hubspot: { crm: 'hubspot', label: 'HubSpot', methods: ['token'], fields: { token: { required: ['token'] } } },
  close: { crm: 'close', label: 'Close', methods: ['token'], fields: { token: { required: ['token'] } } },
  kommo: {
    crm: 'kommo',
    label: 'amoCRM / Kommo',
    methods: ['session', 'token'],
    fields: { session: { required: ['account'] }, token: { required: ['account', 'token'] } },
    hostPerAccount: true,
  },
  bitrix24: {
    crm: 'bitrix24',
    label: 'Bitrix24',
    methods: ['webhook', 'session'],
    fields: { webhook: { required: ['webhookUrl'] }, session: { required: ['account'] } },
    hostPerAccount: true,
  },
};

export function isConnectable(crm: string): crm is ConnectableCrm {
  return Object.hasOwn(CRM_CATALOG, crm);
}

/** Who else may answer as this CRM's session: HubSpot and Close have no API for a browser session. */
export function supportsSession(crm: CrmId): boolean {
  return crm === 'sandbox' || (isConnectable(crm) && CRM_CATALOG[crm].methods.includes('session'));
}

export type PermissionRequest = { origins: string[]; permissions: ('cookies' | 'identity')[] };

/**
 * What to ask the browser for when the rep connects: the CRM's host patterns
 * (or just the account's host, see `hostPerAccount`; for Salesforce the
 * patterns of the org's own cloud) and the method's extra permission.
 * `accountOrigin` is the account's `https://host` where known.
 */
export function permissionsFor(crm: ConnectableCrm, method: ConnectMethod, accountOrigin?: string): PermissionRequest {
  const entry = CRM_CATALOG[crm];
  const cloud = crm === 'salesforce' && accountOrigin ? salesforceCloudOf(new URL(accountOrigin).hostname) : undefined;
  const origins = cloud ? [...SALESFORCE_CLOUD_PATTERNS[cloud]] : entry.hostPerAccount && accountOrigin ? [`${accountOrigin}/*`] : [...CRM_HOST_PATTERNS[crm]];
  return { origins, permissions: [...(entry.permissions?.[method] ?? [])] };
}

/**
 * The part of a request still to ask for: what the manifest already declares as required (the
 * sandbox and loopback hosts of development and test builds) is granted at install. Chromium
 * answers a request for it with true; Firefox refuses it ("not declared in the manifest" as an
 * optional permission). Worked out without waiting, so the request stays in the rep's click.
 */
export function stillToRequest(
  request: PermissionRequest,
  declared: { permissions?: readonly string[]; host_permissions?: readonly string[] },
): PermissionRequest {
  const required = new Set([...(declared.permissions ?? []), ...(declared.host_permissions ?? [])]);
  return { origins: request.origins.filter((origin) => !required.has(origin)), permissions: request.permissions.filter((name) => !required.has(name)) };
}
