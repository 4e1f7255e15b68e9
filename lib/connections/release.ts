import { CRM_HOST_PATTERNS } from '../adapters/hosts';
import { CRM_CATALOG, isConnectable, type PermissionRequest } from './catalog';
import { patternCovers, patternMatchesUrl } from './match-patterns';
import type { Connection } from './types';

/**
 * What disconnecting gives back to the browser: the granted hosts of that CRM
 * that no remaining connection needs, and the cookies (Salesforce session) or
 * identity (OAuth) permission once no connection uses it. Hosts outside the
 * CRMs' optional patterns (the sandbox of test builds) are never touched.
 */
export function releasablePermissions(
  gone: Connection,
  remaining: readonly Connection[],
  granted: { origins: readonly string[]; permissions: readonly string[] },
): PermissionRequest {
  if (!isConnectable(gone.crm)) return { origins: [], permissions: [] };
  const patterns = CRM_HOST_PATTERNS[gone.crm];
  const sameCrm = remaining.filter((connection) => connection.crm === gone.crm);
  const wholeCrmStillUsed = sameCrm.length > 0 && !CRM_CATALOG[gone.crm].hostPerAccount;
  const origins = granted.origins.filter((origin) => {
    if (!patterns.some((pattern) => patternCovers(pattern, origin))) return false;
    if (wholeCrmStillUsed) return false;
    return !remaining.some((connection) => patternMatchesUrl(origin, connection.appUrl) || patternMatchesUrl(origin, connection.apiBase));
  });
  const permissions: ('cookies' | 'identity')[] = [];
  const salesforceSession = remaining.some((connection) => connection.crm === 'salesforce' && connection.auth.kind === 'session');
  if (gone.crm === 'salesforce' && !salesforceSession && granted.permissions.includes('cookies')) permissions.push('cookies');
  if (gone.oauth && !remaining.some((connection) => connection.oauth) && granted.permissions.includes('identity')) permissions.push('identity');
  return { origins, permissions };
}
