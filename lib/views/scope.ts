import type { KpiData, KpiScope } from '../kpi/types';
import type { Owner } from '../model';
import type { Settings } from '../settings/schema';
import type { ViewSelection } from './selection';

export type ScopeChoice = {
  scope: KpiScope;
  /** Whose numbers these are in a personal view (the rep, or the rep a lead drilled into). */
  ownerId?: string;
  ownerName?: string;
  teamAvailable: boolean;
  /** The team view was asked for but the viewer may not see peers: the rep's own numbers are shown instead. */
  peersHidden: boolean;
  /** The signed-in rep leads the team (or peers' numbers are shared): the team view shows everything. */
  canSeePeers: boolean;
  teamId?: string;
  teamName?: string;
  /** Owner ids of the viewer's team, in data order (empty without a team). */
  teamMembers: readonly string[];
};

/** Raised when a page asks for numbers the viewer may not see; the background answers with this message. */
export class PeersHiddenError extends Error {
  constructor(message = "refused: peers' numbers are off in this browser and you do not lead this team") {
    super(message);
    this.name = 'PeersHiddenError';
  }
}

/** The signed-in rep's team: their own team, else the team they lead. */
export function teamOf(data: KpiData, viewer: Owner | undefined): string | undefined {
  if (!viewer) return undefined;
  return viewer.teamId ?? data.teams.find((team) => team.leadId === viewer.externalId)?.externalId;
}

/** A team lead is an owner with the `lead` role or the lead named by a team. */
export function isTeamLead(data: KpiData, ownerId: string | undefined): boolean {
  if (ownerId === undefined) return false;
  if (data.owners.some((owner) => owner.externalId === ownerId && owner.role === 'lead')) return true;
  return data.teams.some((team) => team.leadId === ownerId);
}

/**
 * Whose numbers a view shows. Personal: the signed-in rep (or, for a lead, one rep of the team).
 * Team: the rep's team. Privacy: unless the rep leads the team or peers' numbers are on in this
 * browser (`settings.showPeerNumbers`, a setting of this browser, not a team rule), a rep's team view is their own numbers, and a drill-down into a peer
 * is refused. This runs in the background, so a page never receives what it must not show.
 * Without a known rep: everyone's numbers, and no team view.
 */
export function scopeFor(data: KpiData, settings: Settings, source: string, view: ViewSelection['view'], drillOwnerId?: string): ScopeChoice {
  const viewerId = settings.currentOwner[source];
  const viewer = data.owners.find((candidate) => candidate.externalId === viewerId);
  const teamId = teamOf(data, viewer);
  const teamMembers = teamId === undefined ? [] : membersOf(data, teamId);
  const lead = isTeamLead(data, viewerId);
  const canSeePeers = teamId !== undefined && (lead || settings.showPeerNumbers);
  const base = { teamAvailable: teamId !== undefined, canSeePeers, teamId, teamName: data.teams.find((team) => team.externalId === teamId)?.name, teamMembers };
  if (!viewerId) return { ...base, scope: { ownerIds: 'all' }, teamAvailable: false, peersHidden: false, canSeePeers: false, teamMembers: [] };

  if (drillOwnerId !== undefined && drillOwnerId !== viewerId) {
    if (!canSeePeers || !teamMembers.includes(drillOwnerId)) throw new PeersHiddenError();
    const rep = data.owners.find((candidate) => candidate.externalId === drillOwnerId);
    return { ...base, scope: { ownerIds: [drillOwnerId] }, ownerId: drillOwnerId, ownerName: rep?.name, peersHidden: false };
  }
  if (view === 'team' && teamId !== undefined && canSeePeers) {
    return { ...base, scope: { ownerIds: teamMembers, teamId }, ownerId: viewerId, ownerName: viewer?.name, peersHidden: false };
  }
  return { ...base, scope: { ownerIds: [viewerId] }, ownerId: viewerId, ownerName: viewer?.name, peersHidden: view === 'team' && teamId !== undefined };
}

function membersOf(data: KpiData, teamId: string): string[] {
  const members = data.owners.filter((owner) => owner.teamId === teamId).map((owner) => owner.externalId);
  const leadId = data.teams.find((team) => team.externalId === teamId)?.leadId;
  if (leadId !== undefined && !members.includes(leadId) && data.owners.some((owner) => owner.externalId === leadId)) members.push(leadId);
  return members;
}
