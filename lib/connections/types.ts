import type { AdapterAuth } from '../adapters/types';
import type { CrmId } from '../adapters/hosts';

/**
 * Facts about the CRM account that amounts and links depend on, read once per
 * connection and kept with it (re-read only when absent): Salesforce's corporate
 * currency and whether the org is multi-currency, HubSpot's portal id and company
 * currency.
 */
export type ConnectionDetails = {
  currency?: string;
  multiCurrency?: boolean;
  portalId?: string;
};

/** A Salesforce connected app the rep signed in through (OAuth 2.0 + PKCE): what a token refresh needs. */
export type OAuthGrant = {
  clientId: string;
  /** The connected app's consumer secret, where the app requires it for the code and refresh exchanges. */
  clientSecret?: string;
  loginUrl: string;
  refreshToken?: string;
};

/** A CRM account the rep connected (or the sandbox, in development and test builds). */
export type Connection = {
  /** The `source` of its records, `<crm>:<account>`. */
  source: string;
  crm: CrmId;
  account: string;
  /** The API root. For a Bitrix24 webhook it holds the credentials: never shown, never sent to a page. */
  apiBase: string;
  appUrl: string;
  /**
   * How requests sign in. `session` means the rep's own browser session: same-origin
   * requests relayed through an open tab of the CRM (Pipedrive, amoCRM/Kommo, Bitrix24),
   * or the `sid` cookie of the org's API host (Salesforce).
   */
  auth: AdapterAuth;
  connectedAt: number;
  details?: ConnectionDetails;
  oauth?: OAuthGrant;
  /** The CRM user the last successful test (whoAmI) found. */
  user?: { ownerId: string; name: string; at: number };
};

export function sourceOf(crm: CrmId, account: string): string {
  return `${crm}:${account}`;
}
