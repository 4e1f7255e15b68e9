import { computeKpis } from '../kpi';
import { hasValue, type KpiData, type KpiQuery } from '../kpi/types';
import type { SidebarLeaderboardMetric } from './choices';
import { bucketIndexer, splitPeriod, type BucketUnit } from '../period';
import type { Period } from '../period/types';
import { eachDoneActivity } from './activity-scan';
import { trendUnit } from './charts';

export { LEADERBOARD_METRICS_LIST as LEADERBOARD_METRICS, type SidebarLeaderboardMetric } from './choices';

export type LeaderRow = {
  ownerId: string;
  name: string;
  rank: number;
  value: number;
  /** The rep's other figures (calls, emails, deals won, win rate...). */
  figures: Readonly<Record<string, number>>;
  isViewer: boolean;
  /** The rep's figure is a rate on fewer deals than the minimum sample: shown muted, not as a standing. */
  lowSample?: true;
};

export type HeatMap = { unit: BucketUnit; buckets: { label: string; start: number }[]; rows: { ownerId: string; name: string; counts: number[] }[] };

export type TeamBoard = {
  metric: SidebarLeaderboardMetric;
  /** `CUR` for money, `%`, or `count`. */
  unit: string;
  /** Reps ranked (those with a value for the metric). */
  reps: number;
  rows: LeaderRow[];
  /** The viewer's rank, or null when the viewer has no value for the metric. */
  viewerRank: number | null;
  /** Team figures; absent when peers' numbers are hidden from the viewer. */
  total?: number;
  median?: number;
  /** Reps without a value and why (names only shown to the lead). */
  excluded?: readonly { count: number; reason: string }[];
  heatMap: HeatMap;
  /** True when the viewer sees their own row and rank only. */
  peersHidden: boolean;
  teamName?: string;
  /** Why the board is empty (no deals or activities at all, no rate defined for the team). */
  note?: string;
  /** The team's own figure rests on too small a sample (e.g. a team win rate on 6 closed deals). */
  sample?: { n: number; min: number; unit: string };
  lowSample?: true;
};

/**
 * The leaderboard of a team (repLeaderboard, ranked by the chosen metric, with the team total and
 * median) and the heat map of done activities per rep per day (or week). Privacy is applied HERE,
 * in the background: when the viewer may not see peers, only the viewer's own row and rank leave
 * this function; the total, the median, peers' rows and the reasons naming peers do not.
 */
export function computeTeamBoard(
  data: KpiData,
  query: Omit<KpiQuery, 'kpis' | 'scope' | 'comparePeriod'>,
  team: { teamId?: string; members: readonly string[]; viewerId: string | undefined; canSeePeers: boolean; teamName?: string },
  metric: SidebarLeaderboardMetric,
): TeamBoard {
  const results = computeKpis(data, {
    ...query,
    kpis: ['repLeaderboard'],
    scope: { ownerIds: team.members, teamId: team.teamId },
    comparePeriod: null,
    settings: { ...query.settings, leaderboardMetric: metric },
  });
  const board = results.repLeaderboard;
  const names = new Map(data.owners.map((owner) => [owner.externalId, owner.name]));
  const measured = hasValue(board) ? board : undefined;
  const all: LeaderRow[] = (measured?.breakdown ?? []).map((row) => {
    const { rank = 0, lowSample, ...figures } = row.extra ?? {};
    const line: LeaderRow = { ownerId: row.key, name: row.label, rank, value: row.value, figures, isViewer: row.key === team.viewerId };
    if (lowSample === 1) line.lowSample = true;
    return line;
  });
  const viewerRank = all.find((row) => row.isViewer)?.rank ?? null;
  const heatMap = activityHeatMap(
    data,
    team.canSeePeers ? team.members : team.viewerId ? [team.viewerId] : [],
    names,
    query.period,
    query.asOf,
    query.calendar,
  );
  const base = {
    metric,
    unit: measured ? measured.unit : metric === 'wonAmount' ? query.currency.reporting : metric === 'quotaAttainment' || metric === 'winRate' ? '%' : 'count',
    reps: all.length,
    viewerRank,
    heatMap,
    teamName: team.teamName,
    note: board?.status === 'needs-data' ? board.message : board?.status === 'not-defined' ? board.reason : undefined,
  };
  if (!team.canSeePeers) {
    return { ...base, rows: all.filter((row) => row.isViewer), peersHidden: true, note: undefined };
  }
  return {
    ...base,
    rows: all,
    total: measured?.parts.total,
    median: measured?.parts.median,
    excluded: measured?.excluded,
    peersHidden: false,
    ...(measured?.sample ? { sample: measured.sample } : {}),
    ...(board?.status === 'low-sample' ? { lowSample: true as const } : {}),
  };
}

/** Done activities per rep per bucket of the period (days up to a month), reps in the given order. */
export function activityHeatMap(
  data: KpiData,
  members: readonly string[],
  names: ReadonlyMap<string, string>,
  period: Period,
  asOf: number,
  calendar: KpiQuery['calendar'],
): HeatMap {
  const unit = trendUnit(period);
  const buckets = splitPeriod(period, unit, calendar).filter((bucket) => bucket.start <= asOf);
  const position = new Map(members.map((id, i) => [id, i]));
  const counts = members.map(() => new Array<number>(buckets.length).fill(0));
  if (buckets.length && members.length) {
    const find = bucketIndexer(buckets);
    eachDoneActivity(data.activities, buckets[0]!.start, buckets[buckets.length - 1]!.end, (ownerId, _type, at) => {
      const row = position.get(ownerId);
      if (row === undefined) return;
      const i = find(at);
      if (i >= 0) (counts[row] as number[])[i] = ((counts[row] as number[])[i] as number) + 1;
    });
  }
  return {
    unit,
    buckets: buckets.map((bucket) => ({ label: bucket.label, start: bucket.start })),
    rows: members.map((ownerId, i) => ({ ownerId, name: names.get(ownerId) ?? ownerId, counts: counts[i] as number[] })),
  };
}
