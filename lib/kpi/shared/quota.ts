/**
 * Which quota applies to a view. A team view with a team quota uses it; otherwise the reps' own quotas
 * are summed; the whole-company view with no rep quotas falls back to the sum of the team quotas.
 * Quotas of different granularity for one rep (a June quota and a Q2 quota) are alternatives, not
 * additions: per rep, the kind that covers most days of the period is used, the finer kind on a tie.
 */
import type { Quota } from '../../model';
import { tally, type ExclusionTally } from '../../money/convert';
import type { EvalContext, QuotaShare, Slice, WindowSlot } from '../engine/types';

export type QuotaFigure = {
  /** Quota for the period in reporting minor units (pro rata, rounded to a whole minor unit). */
  minor: number;
  quotaIds: string[];
  level: 'team' | 'reps';
  issues: ExclusionTally;
};

const FINE_TO_COARSE: readonly Quota['periodKind'][] = ['custom', 'month', 'quarter', 'fiscal-quarter', 'year', 'fiscal-year'];

export function quotaFor(ctx: EvalContext, slice: Slice, slot: WindowSlot): QuotaFigure | undefined {
  const figure = resolve(ctx, slice, slot);
  if (figure && ctx.impossibleQuotas) tally(figure.issues, 'quota with a date that does not exist', ctx.impossibleQuotas);
  return figure;
}

function resolve(ctx: EvalContext, slice: Slice, slot: WindowSlot): QuotaFigure | undefined {
  const shares = ctx.quotaShares.filter((s) => s.share[slot] > 0);
  if (!shares.length) return undefined;
  const isScope = slice.key === '*';
  const teamId = isScope ? ctx.query.scope.teamId : undefined;
  if (teamId !== undefined) {
    const team = shares.filter((s) => s.quota.teamId === teamId);
    if (team.length) return total(pickKind(team, slot), slot, 'team');
  }
  const members = new Set(slice.members);
  const byOwner = group(
    shares.filter((s) => s.quota.ownerId !== undefined && members.has(s.quota.ownerId)),
    (s) => s.quota.ownerId as string,
  );
  if (byOwner.size)
    return total(
      [...byOwner.values()].flatMap((list) => pickKind(list, slot)),
      slot,
      'reps',
    );
  const everyone = isScope && ctx.query.scope.ownerIds === 'all' && ctx.query.scope.teamId === undefined;
  if (everyone) {
    const byTeam = group(
      shares.filter((s) => s.quota.teamId !== undefined),
      (s) => s.quota.teamId as string,
    );
    if (byTeam.size)
      return total(
        [...byTeam.values()].flatMap((list) => pickKind(list, slot)),
        slot,
        'team',
      );
  }
  return undefined;
}

function pickKind(list: readonly QuotaShare[], slot: WindowSlot): QuotaShare[] {
  const byKind = group(list, (s) => s.quota.periodKind);
  let best: QuotaShare[] = [];
  let bestDays = -1;
  for (const kind of FINE_TO_COARSE) {
    const ofKind = byKind.get(kind);
    if (!ofKind) continue;
    const days = ofKind.reduce((sum, s) => sum + s.overlapDays[slot], 0);
    if (days > bestDays) {
      best = ofKind;
      bestDays = days;
    }
  }
  return best;
}

function total(list: readonly QuotaShare[], slot: WindowSlot, level: QuotaFigure['level']): QuotaFigure {
  let minor = 0;
  const issues: ExclusionTally = new Map();
  const quotaIds: string[] = [];
  for (const s of list) {
    quotaIds.push(s.quota.externalId);
    if (s.minor === undefined) tally(issues, `quota: ${s.issue ?? 'no amount'}`);
    else minor += s.minor * s.share[slot];
  }
  return { minor: Math.round(minor), quotaIds: quotaIds.sort(), level, issues };
}

function group<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}
