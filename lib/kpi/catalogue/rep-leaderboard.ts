/** repLeaderboard: every rep's activity and results side by side, ranked by one figure. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { EvalContext, Evaluator, EvalInput, KpiBody, Slice, Window } from '../engine/types';
import { defineKpi } from '../shared/define';
import { quotaFor } from '../shared/quota';
import { excludedList, finiteParts, median, needsData, notDefined, ok, percent, rankRows } from '../shared/result';
import { sampleOf } from '../shared/sample';
import type { BreakdownRow, LeaderboardMetric } from '../types';
import { winRateOf } from './win-rate';

export const definition = defineKpi({
  id: 'repLeaderboard',
  family: 'activity',
  name: { en: 'Rep leaderboard', ru: 'Рейтинг менеджеров' },
  formula: {
    en: 'Per rep: activities, deals created and won, won amount, win rate and quota attainment; ranked by the chosen figure, with the team total and median.',
    ru: 'По каждому менеджеру: активности, созданные и выигранные сделки, сумма продаж, доля выигранных сделок и выполнение плана; сортировка по выбранному показателю, итог и медиана по команде.',
  },
  needs: ['deals', 'activities'],
  unit: 'money',
  higherIsBetter: true,
  additive: false,
  parts: {
    total: 'value',
    median: 'value',
    wonAmount: 'money',
    winRate: 'percent',
    quotaAttainment: 'percent',
    calls: 'count',
    emails: 'count',
    meetings: 'count',
    activities: 'count',
    dealsCreated: 'count',
    dealsWon: 'count',
    closedDeals: 'count',
  },
});

type RepStats = {
  closedDeals: number;
  calls: number;
  emails: number;
  meetings: number;
  activities: number;
  dealsCreated: number;
  dealsWon: number;
  wonAmount: number;
  winRate: number | undefined;
  quotaAttainment: number | undefined;
};

const UNDEFINED_WHY: Partial<Record<LeaderboardMetric, string>> = {
  winRate: 'no deals closed, so no win rate',
  quotaAttainment: 'no quota, so no attainment',
};

/**
 * Per rep in the view (a team lead only when they carry a quota of their own): activities by type, deals created, deals won, won amount, win rate and quota
 * attainment in the period, ranked by `settings.leaderboardMetric` (won amount by default). The value is
 * the team's figure (a sum, or the team's own rate), with the reps' median.
 */
export const evaluator: Evaluator = {
  comparable: false,
  run({ ctx, slice, w, owners }: EvalInput): KpiBody {
    if (!ctx.has.deals && !ctx.has.activities) return needsData(['deals', 'activities'], 'Connect a CRM or import deals and activities.');
    const metric = ctx.query.settings.leaderboardMetric ?? 'wonAmount';
    const slices = owners ?? new Map([[slice.key, slice]]);
    const excluded: ExclusionTally = new Map();
    const rows: BreakdownRow[] = [];
    const unranked = leadsWithoutQuota(ctx, w);
    for (const member of slice.members) {
      const own = slices.get(member);
      if (!own) continue;
      // A lead who carries no quota coaches the board rather than competing on it; their deals still count for the team.
      if (unranked.has(member)) {
        tally(excluded, `${ctx.ownerNames.get(member) ?? member}: team lead without a quota of their own, not ranked`);
        continue;
      }
      const stats = statsOf(ctx, own, w.slot === 0 ? own.cur : own.prev, excluded);
      const value = stats[metric];
      if (value === undefined) {
        tally(excluded, `${ctx.ownerNames.get(member) ?? member}: ${UNDEFINED_WHY[metric] ?? 'no value'}`);
        continue;
      }
      const extra = finiteParts(stats);
      // A rep's rate on too few deals is a hint, not a standing: marked so pages mute it (shared/sample.ts).
      if (rowLowSample(ctx, metric, stats, w)) extra.lowSample = 1;
      rows.push({ key: member, label: ctx.ownerNames.get(member) ?? member, value, count: stats.dealsWon, extra });
    }
    const team = statsOf(ctx, slice, w, new Map());
    const total = team[metric];
    const additive = metric !== 'winRate' && metric !== 'quotaAttainment';
    rankRows(rows, additive ? (total ?? 0) : 0);
    rows.forEach((row, i) => (row.extra = { ...row.extra, rank: i + 1 }));
    if (total === undefined) {
      return notDefined(`the team has ${UNDEFINED_WHY[metric] ?? 'no value'}`, { counts: { reps: rows.length } });
    }
    return ok({
      value: total,
      unit: metric === 'wonAmount' ? ctx.reporting : additive ? 'count' : '%',
      counts: { reps: rows.length },
      parts: finiteParts({ ...team, total, median: median(rows.map((r) => r.value)) }),
      recordType: 'owner',
      recordIds: rows.map((r) => r.key),
      breakdown: rows,
      excluded: excludedList(excluded),
      method: metric,
      // A team rate rests on the team's closed deals; a team attainment in progress on its won deals.
      sample: metric === 'winRate' ? sampleOf(ctx, 'closedDeals', w.won.length + w.lost.length) : undefined,
    });
  },
};

/** Team leads with no quota of their own overlapping the window (a player-coach with a quota is ranked). */
function leadsWithoutQuota(ctx: EvalContext, w: Window): Set<string> {
  const carrying = new Set<string>();
  for (const share of ctx.quotaShares) if (share.quota.ownerId !== undefined && share.share[w.slot] > 0) carrying.add(share.quota.ownerId);
  const leads = new Set<string>();
  for (const owner of ctx.data.owners) if (owner.role === 'lead' && !carrying.has(owner.externalId)) leads.add(owner.externalId);
  return leads;
}

function rowLowSample(ctx: EvalContext, metric: LeaderboardMetric, stats: RepStats, w: Window): boolean {
  if (metric === 'winRate') return stats.closedDeals < ctx.minSample.closedDeals;
  if (metric === 'quotaAttainment') return w.info.elapsed < 1 && stats.dealsWon < ctx.minSample.wonDeals;
  return false;
}

function statsOf(ctx: EvalContext, slice: Slice, w: Window, excluded: ExclusionTally): RepStats {
  let calls = 0;
  let emails = 0;
  let meetings = 0;
  for (const a of w.activities) {
    if (a.type === 'call') calls += 1;
    else if (a.type === 'email') emails += 1;
    else if (a.type === 'meeting') meetings += 1;
  }
  let wonAmount = 0;
  for (const row of w.won) {
    if (row.minor === undefined) tally(excluded, row.issue ?? 'no amount');
    else wonAmount += row.minor;
  }
  const quota = quotaFor(ctx, slice, w.slot);
  return {
    calls,
    emails,
    meetings,
    closedDeals: w.won.length + w.lost.length,
    activities: w.activities.length,
    dealsCreated: w.created.length,
    dealsWon: w.won.length,
    wonAmount,
    winRate: winRateOf(w).pct,
    quotaAttainment: quota && quota.minor > 0 ? percent(wonAmount, quota.minor) : undefined,
  };
}
