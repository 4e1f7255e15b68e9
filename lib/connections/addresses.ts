import { CrmError } from '../adapters/errors';
import { CRM_HOST_PATTERNS, type CrmId } from '../adapters/hosts';
import type { FetchLike } from '../adapters/types';
import { CRM_CATALOG, isConnectable } from './catalog';
import { patternMatchesUrl } from './match-patterns';
import type { Connection } from './types';

/**
 * Where a connection's credentials may go.
 * - `crm-hosts` (the extension): only the CRM's own host patterns (lib/adapters/hosts.ts), over
 *   https on the default port, with no user name or password in the URL. `loopback` adds
 *   http(s)://127.0.0.1 and localhost, for the sandbox CRM and the fake CRMs of development and
 *   test builds; production builds never allow it.
 * - `as-given` (the CLI): the rep names the API address on the command line themself.
 */
export type AddressPolicy = { kind: 'crm-hosts'; loopback: boolean } | { kind: 'as-given' };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request of `crm`'s connection may go to `url` under `policy`. */
export function addressAllowed(crm: CrmId, url: string, policy: AddressPolicy): boolean {
  if (policy.kind === 'as-given') return true;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (LOOPBACK_HOSTS.has(parsed.hostname)) return policy.loopback && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
  if (crm === 'sandbox' || parsed.protocol !== 'https:' || parsed.port !== '') return false;
  return CRM_HOST_PATTERNS[crm].some((pattern) => patternMatchesUrl(pattern, parsed.href));
}

function refused(crm: CrmId, url: string): CrmError {
  const name = isConnectable(crm) ? CRM_CATALOG[crm].label : 'the CRM';
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    // not a URL: named as it is
  }
  return new CrmError(
    'auth',
    `KPI Lens did not send your ${name} sign-in to ${host}: it is not an address of ${name}`,
    `Connect ${name} again in KPI Lens options → Connections.`,
  );
}

/** Throws the refusal (a CrmError of kind `auth`) unless `url` is allowed. */
export function assertAddress(crm: CrmId, url: string, policy: AddressPolicy): void {
  if (!addressAllowed(crm, url, policy)) throw refused(crm, url);
}

/**
 * Every stored address a credential of this connection is sent to: the API root (tokens, keys, the
 * Salesforce session cookie, the Bitrix24 webhook's secret in its path), the Salesforce login host
 * (the refresh token) and, for session sign-in, the page origin whose session the relay uses.
 * `appUrl` of a token connection only makes record links and carries nothing, so it is not asked.
 */
export function assertConnectionAddresses(connection: Connection, policy: AddressPolicy): void {
  assertAddress(connection.crm, connection.apiBase, policy);
  if (connection.oauth) assertAddress(connection.crm, connection.oauth.loginUrl, policy);
  if (connection.auth.kind === 'session') assertAddress(connection.crm, connection.appUrl, policy);
}

/**
 * `fetch` that refuses, before anything leaves, any request to an address the policy does not
 * allow: addresses derived later (a Bitrix24 session URL, a next-page link the CRM returned) are
 * held to the same rule as the stored ones.
 */
export function guardedFetch(fetch: FetchLike, crm: CrmId, policy: AddressPolicy): FetchLike {
  if (policy.kind === 'as-given') return fetch;
  return (input, init) => (addressAllowed(crm, input, policy) ? fetch(input, init) : Promise.reject(refused(crm, input)));
}
