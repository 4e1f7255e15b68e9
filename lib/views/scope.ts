import type { KpiData, KpiScope } from '../kpi/types';
import type { Settings } from '../settings/schema';

export type ScopeChoice = { scope: KpiScope; ownerId?: string; ownerName?: string; teamAvailable: boolean };

/**
 * Whose numbers a view shows: the signed-in rep (personal), or the rep's team
 * (team view). Without a known rep, everyone's numbers, and no team view.
 */
export function scopeFor(data: KpiData, settings: Settings, source: string, view: 'personal' | 'team'): ScopeChoice {
  const ownerId = settings.currentOwner[source];
  const owner = data.owners.find((candidate) => candidate.externalId === ownerId);
  if (!ownerId) return { scope: { ownerIds: 'all' }, teamAvailable: false };
  const teamAvailable = owner?.teamId !== undefined;
  if (view === 'team' && owner?.teamId) {
    const members = data.owners.filter((candidate) => candidate.teamId === owner.teamId).map((candidate) => candidate.externalId);
    return { scope: { ownerIds: members, teamId: owner.teamId }, ownerId, ownerName: owner.name, teamAvailable };
  }
  return { scope: { ownerIds: [ownerId] }, ownerId, ownerName: owner?.name, teamAvailable };
}
