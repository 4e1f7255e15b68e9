import type { KpiData, KpiScope } from '../kpi';

/**
 * The owners a forecast is for, by the KPI engine's rule: `all` without a team is everyone in the
 * data; `all` with a team is that team's owners; a list is exactly those owners.
 */
export function ownersInScope(scope: KpiScope, data: KpiData): { includes: (ownerId: string) => boolean; everyone: boolean } {
  if (scope.ownerIds === 'all' && scope.teamId === undefined) return { includes: () => true, everyone: true };
  const ids = scope.ownerIds === 'all' ? data.owners.filter((o) => o.teamId === scope.teamId).map((o) => o.externalId) : scope.ownerIds;
  const set = new Set(ids);
  return { includes: (ownerId) => set.has(ownerId), everyone: false };
}
