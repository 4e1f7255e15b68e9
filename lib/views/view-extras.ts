import { computeKpis } from '../kpi';
import { hasValue, type KpiId, type KpiQuery } from '../kpi/types';
import type { CanonicalRecord, RecordType } from '../model';
import type { Period } from '../period/types';
import { computeCatalogue } from './catalogue';
import { computeCharts, type ChartsData } from './charts';
import type { CatalogueValue, ViewContext } from './context';
import { atRiskDeals, lapseList, type AtRiskList, type LapseList } from './insights';
import { queryBasics } from './query';
import { pageOf, recordPage, type RecordPage } from './records';
import { resolvePeriods, type ViewSelection } from './selection';
import { computeTeamBoard, type SidebarLeaderboardMetric, type TeamBoard } from './team';
import { HEAVY_VIEW_MAX_AGE_MS, nextTask, type ViewCache } from './view-cache';

export type ChartsResponse = ChartsData & { period: Period; asOf: number };
export type TeamResponse = TeamBoard & { period: Period; asOf: number };
export type InsightsResponse = { atRisk: AtRiskList; lapse: LapseList; asOf: number };
/** Records of one type of a source by id, from where they are stored (undefined for an id not found). */
export type ReadRecords = (source: string, type: RecordType, ids: readonly string[]) => Promise<(CanonicalRecord | undefined)[]>;
export type RecordsResponse = RecordPage & { kpi: KpiId; recordType: string | null };

/** The engine query of a selection (its periods, the rep's calendar, currency and KPI settings). */
export function queryOf(
  selection: ViewSelection,
  ctx: ViewContext,
  browserZone: string,
): { period: Period; compare: Period | null; query: Omit<KpiQuery, 'period' | 'comparePeriod'> } {
  const basics = queryBasics(ctx.settings, browserZone, selection.source);
  const { period, compare } = resolvePeriods(selection, ctx.asOf, basics.calendar);
  return { period, compare, query: { ...basics, asOf: ctx.asOf, scope: ctx.choice.scope } };
}

const ownersOf = (ctx: ViewContext): ReadonlySet<string> | 'all' => (ctx.choice.scope.ownerIds === 'all' ? 'all' : new Set(ctx.choice.scope.ownerIds));

type ExtrasDeps = {
  browserZone: () => string;
  readRecords?: ReadRecords;
  context: (selection: ViewSelection) => Promise<ViewContext>;
  catalogueOf: (selection: ViewSelection) => Promise<{ ctx: ViewContext; value: CatalogueValue }>;
  keyOf: (kind: string, selection: ViewSelection, ctx: ViewContext) => string;
  computed: ViewCache;
};

/** The views pages load after the pinned numbers: charts, the team board, deals at risk and lapsing customers, record lists. */
export function viewExtras({ browserZone, readRecords, context, catalogueOf, keyOf, computed }: ExtrasDeps) {
  return {
    async charts(selection: ViewSelection): Promise<ChartsResponse> {
      const { ctx, value } = await catalogueOf(selection);
      return computed.get(
        keyOf('charts', selection, ctx),
        ctx.generation,
        ctx.stamp,
        async () => {
          const { query } = queryOf(selection, ctx, browserZone());
          return {
            ...(await computeCharts(ctx.data, query, value.period, value.compare, ownersOf(ctx), value.results, nextTask)),
            period: value.period,
            asOf: value.asOf,
          };
        },
        HEAVY_VIEW_MAX_AGE_MS,
      );
    },

    /** The team's leaderboard and heat map; a rep who may not see peers gets their own row and rank only. */
    async team(selection: ViewSelection, metric: SidebarLeaderboardMetric): Promise<TeamResponse> {
      const ctx = await context({ ...selection, view: 'team', ownerId: undefined });
      const { choice } = ctx;
      if (!choice.teamAvailable) throw new Error('no team: the signed-in rep is not in a team');
      return computed.get(
        `${keyOf('team', { ...selection, view: 'team', ownerId: undefined }, ctx)}|${metric}|${choice.canSeePeers}`,
        ctx.generation,
        ctx.stamp,
        async () => {
          await nextTask();
          const { period, query } = queryOf(selection, ctx, browserZone());
          const board = computeTeamBoard(
            ctx.data,
            { ...query, period },
            { teamId: choice.teamId, members: choice.teamMembers, viewerId: choice.ownerId, canSeePeers: choice.canSeePeers, teamName: choice.teamName },
            metric,
          );
          return { ...board, period, asOf: ctx.asOf };
        },
        HEAVY_VIEW_MAX_AGE_MS,
      );
    },

    /** Deals at risk (staleDeals, linked) and customers likely to lapse (BG/NBD), for the scope shown. */
    async insights(selection: ViewSelection): Promise<InsightsResponse> {
      const ctx = await context(selection);
      const scopeKey = keyOf('insights', { ...selection, period: 'month', range: undefined, compare: undefined }, ctx);
      return computed.get(
        scopeKey,
        ctx.generation,
        ctx.stamp,
        async () => {
          const { period, query } = queryOf(selection, ctx, browserZone());
          const stale = computeKpis(ctx.data, { ...query, kpis: ['staleDeals'], period, comparePeriod: null }).staleDeals;
          await nextTask();
          const lapse = lapseList(ctx.data, ownersOf(ctx), { asOf: ctx.asOf, timeZone: query.calendar.timeZone, currency: query.currency });
          return { atRisk: atRiskDeals(ctx.data, stale), lapse, asOf: ctx.asOf };
        },
        HEAVY_VIEW_MAX_AGE_MS,
      );
    },

    /** A page of the records behind one KPI of a selection (the explain panel's list). */
    async records(selection: ViewSelection, kpi: KpiId, offset: number, limit: number): Promise<RecordsResponse> {
      // Privacy needs no special case here: the scope was narrowed to the rep's own records
      // (or refused) by scopeFor, so the records of a result are always ones the viewer may see.
      const ctx = await context(selection);
      const result = await computed.get(
        `${keyOf('result', selection, ctx)}|${kpi}`,
        ctx.generation,
        ctx.stamp,
        () => {
          const { period, compare, query } = queryOf(selection, ctx, browserZone());
          return computeCatalogue(ctx.data, { ...query, kpis: [kpi], period, comparePeriod: compare }).results[kpi];
        },
        HEAVY_VIEW_MAX_AGE_MS,
      );
      if (!hasValue(result)) return { kpi, recordType: null, total: 0, listable: 0, offset: 0, rows: [] };
      // The page's records themselves (title, link...) are read from the database when it can: the
      // worker keeps activities and deals as columns, with only what the KPIs need.
      const records = readRecords ? await readRecords(selection.source, result.recordType, pageOf(result.recordIds, offset, limit).ids) : undefined;
      const money = { currency: { reporting: ctx.settings.reportingCurrency, rates: ctx.settings.rates }, ratesSetAt: ctx.settings.ratesSetAt, asOf: ctx.now };
      return { kpi, recordType: result.recordType, ...recordPage(ctx.data, result.recordType, result.recordIds, offset, limit, money, records) };
    },
  };
}
