import type { Owner } from '../../model';
import type { KpiScope } from '../types';

/** The owner key of records that have no owner (leads, customers, MRR movements may lack one). */
export const UNASSIGNED = '';
export const UNASSIGNED_LABEL = 'Unassigned';

export type ResolvedScope = {
  /** Whether a record of this owner is in scope. */
  includes: (ownerId: string | undefined) => boolean;
  /** True when everyone's records count, including records with no owner. */
  everyone: boolean;
  /** Owner ids named by the scope (explicit list, or the team's members); undefined for everyone. */
  named: readonly string[] | undefined;
};

/**
 * Who is in the view.
 * - `ownerIds: 'all'` without a team: everyone, and records without an owner count too (they belong to
 *   the company, not to a rep).
 * - `ownerIds: 'all'` with `teamId`: the owners whose `teamId` is that team.
 * - an explicit list: exactly those owners (the personal view is a list of one).
 * In a rep or team view, records without an owner are left out: they cannot be attributed to anyone.
 */
export function resolveScope(scope: KpiScope, owners: readonly Owner[]): ResolvedScope {
  if (scope.ownerIds === 'all' && scope.teamId === undefined) {
    return { includes: () => true, everyone: true, named: undefined };
  }
  const named = scope.ownerIds === 'all' ? owners.filter((o) => o.teamId === scope.teamId).map((o) => o.externalId) : [...new Set(scope.ownerIds)];
  const set = new Set(named);
  return { includes: (ownerId) => ownerId !== undefined && set.has(ownerId), everyone: false, named };
}

/** Members in a stable order (by name, then id) so results never depend on the order of the input. */
export function sortMembers(ids: Iterable<string>, names: ReadonlyMap<string, string>): string[] {
  return [...ids].sort((a, b) => {
    const na = names.get(a) ?? a;
    const nb = names.get(b) ?? b;
    return na < nb ? -1 : na > nb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}
