import { ALL_CRM_HOST_PATTERNS } from '../adapters/hosts';
import { patternCovers } from './match-patterns';

export const CRM_SCRIPT_ID = 'kpi-lens-crm';

/**
 * The CRM pages the content script should run on: the granted host patterns
 * that lie within a CRM's patterns (a whole CRM such as `https://*.pipedrive.com/*`,
 * or one account's host such as `https://acme.kommo.com/*`, as host access is
 * optional and asked for per CRM or per account), plus the sandbox where the
 * build includes it. Nothing is injected anywhere else.
 */
export function contentScriptMatches(grantedOrigins: readonly string[], sandboxPatterns: readonly string[]): string[] {
  const crm = grantedOrigins.filter((origin) => ALL_CRM_HOST_PATTERNS.some((pattern) => patternCovers(pattern, origin)));
  const sandbox = sandboxPatterns.filter((pattern) => grantedOrigins.includes(pattern));
  return [...new Set([...crm, ...sandbox])];
}
