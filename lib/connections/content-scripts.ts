import { ALL_CRM_HOST_PATTERNS } from '../adapters/hosts';

export const CRM_SCRIPT_ID = 'kpi-lens-crm';

/**
 * The CRM pages the content script should run on: the CRM host patterns the rep
 * has granted (host access is optional and asked for per CRM), plus the sandbox
 * where the build includes it. Nothing is injected anywhere else.
 */
export function contentScriptMatches(grantedOrigins: readonly string[], sandboxPatterns: readonly string[]): string[] {
  const granted = new Set(grantedOrigins);
  const crm = ALL_CRM_HOST_PATTERNS.filter((pattern) => granted.has(pattern));
  const sandbox = sandboxPatterns.filter((pattern) => granted.has(pattern));
  return [...crm, ...sandbox];
}
