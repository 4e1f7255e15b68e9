/** One section of the summary (a rep, or a team's total), computed through lib/kpi. */
import { computeKpis } from '../../kpi';
import { hasValue, type KpiData, type KpiId, type KpiQuery, type KpiResults, type KpiScope } from '../../kpi/types';
import type { Activity } from '../../model';
import { bucketIndexer, elapsedFraction, instantToLocalDate, splitPeriod } from '../../period';
import { byAmount, dealRef, rollUp, type DealBook } from './deal-refs';
import { activityLines, dealsBlock, okResult, quotaBlock } from './figures';
import type { Movement } from './pipeline-change';
import type { ChartDay, MoveLine, PipelineMoveRow, RiskLine, SummarySection } from './types';
import type { SummaryWeek } from './week';

/** Everything a section needs that is the same for every section of one summary. */
export type SectionContext = {
  data: KpiData;
  basics: Pick<KpiQuery, 'calendar' | 'currency' | 'settings'>;
  week: SummaryWeek;
  asOf: number;
  listSize: number;
  deals: DealBook;
  activitiesById: () => ReadonlyMap<string, Activity>;
  /** Advanced and slipped deals of the week, over all owners (each section keeps its own). */
  movements: readonly Movement[];
  movesAvailable: { advanced: boolean; slipped: boolean };
};

export type SectionTarget = { key: string; kind: SummarySection['kind']; name: string; ownerIds: readonly string[]; scope: KpiScope };

const WEEK_KPIS: readonly KpiId[] = [
  'activityCounts',
  'demosBooked',
  'opportunitiesCreated',
  'winRate',
  'avgPurchaseValue',
  'quotaAttainment',
  'pipelineValue',
  'dealsInPipeline',
  'staleDeals',
];
const PREVIOUS_KPIS: readonly KpiId[] = ['activityCounts', 'demosBooked', 'opportunitiesCreated', 'winRate', 'avgPurchaseValue', 'quotaAttainment'];

export function buildSection(ctx: SectionContext, target: SectionTarget): SummarySection {
  const base = { ...ctx.basics, scope: target.scope };
  const query = { ...base, asOf: ctx.asOf, comparePeriod: null };
  const cur = computeKpis(ctx.data, { ...query, kpis: WEEK_KPIS, period: ctx.week.week });
  // Last week as of the corresponding instant: up to the same point while this week runs (like for like).
  const prev = computeKpis(ctx.data, { ...query, asOf: ctx.week.comparisonAt, kpis: PREVIOUS_KPIS, period: ctx.week.previous });
  const elapsed = elapsedFraction(ctx.week.week, ctx.asOf);
  const activities = activityLines(cur, prev, elapsed);
  const counts = okResult(cur.activityCounts);
  const section: SummarySection = {
    key: target.key,
    kind: target.kind,
    name: target.name,
    ownerIds: [...target.ownerIds],
    activities,
    deals: dealsBlock(cur, prev),
    quota: quotaBlock(ctx.data, base, ctx.week, ctx.asOf, cur, prev),
    pipeline: pipelineBlock(ctx, target, cur),
    topOpen: (okResult(cur.dealsInPipeline)?.recordIds ?? [])
      .flatMap((id) => refOf(ctx, id))
      .sort(byAmount)
      .slice(0, ctx.listSize),
    atRisk: riskBlock(ctx, cur),
    chart: counts ? chartDays(ctx, counts.recordIds) : [],
    excluded: mergeExcluded(cur),
  };
  const dayTarget = counts?.target && counts.parts.workingDays ? counts.target.value / counts.parts.workingDays : undefined;
  if (dayTarget !== undefined) section.chartTargetPerDay = dayTarget;
  return section;
}

function refOf(ctx: SectionContext, id: string) {
  const deal = ctx.deals.byId.get(id);
  return deal ? [dealRef(ctx.deals, deal)] : [];
}

/**
 * The five moves of the week. New, won and lost take their deals from lib/kpi (opportunitiesCreated,
 * winRate) and their count and amount too, so they agree with the deals block; advanced and slipped
 * come from the stage history (pipeline-change.ts).
 */
function pipelineBlock(ctx: SectionContext, target: SectionTarget, cur: KpiResults): SummarySection['pipeline'] {
  const value = okResult(cur.pipelineValue);
  if (!value) return null;
  const created = okResult(cur.opportunitiesCreated);
  const closed = okResult(cur.winRate)?.recordIds ?? [];
  const status = (id: string) => ctx.deals.byId.get(id)?.status;
  const row = (move: PipelineMoveRow['move'], available: boolean, refs: MoveLine[]): PipelineMoveRow => ({ move, available, ...rollUp(refs, ctx.listSize) });
  const refs = (ids: readonly string[]): MoveLine[] => ids.flatMap((id) => refOf(ctx, id));
  const members = target.scope.ownerIds === 'all' ? undefined : new Set(target.ownerIds);
  const mine = ctx.movements.filter((m) => members === undefined || members.has(m.deal.ownerId));
  const moved = (kind: Movement['move']): MoveLine[] =>
    mine
      .filter((m) => m.move === kind)
      .map((m) => {
        const line: MoveLine = dealRef(ctx.deals, m.deal);
        const from = m.from === undefined ? undefined : (ctx.deals.stages.stages.get(m.from)?.name ?? m.from);
        const to = m.to === undefined ? undefined : (ctx.deals.stages.stages.get(m.to)?.name ?? m.to);
        if (from !== undefined) line.from = from;
        if (to !== undefined) line.to = to;
        if (m.why !== undefined) line.why = m.why;
        return line;
      });
  const newRow = row('new', true, refs(created?.recordIds ?? []));
  const wonRow = row('won', true, refs(closed.filter((id) => status(id) === 'won')));
  // The catalogue's own figures, so the rows read exactly as the deals block does.
  if (created) Object.assign(newRow, { count: created.value, amount: created.parts.amount ?? 0 });
  const wonAmount = okResult(cur.avgPurchaseValue)?.numerator;
  if (wonAmount !== undefined) wonRow.amount = wonAmount;
  return {
    openDeals: value.counts.openDeals ?? 0,
    openAmount: value.value,
    weighted: value.parts.weighted ?? 0,
    moves: [
      newRow,
      row('advanced', ctx.movesAvailable.advanced, moved('advanced')),
      row('slipped', ctx.movesAvailable.slipped, moved('slipped')),
      wonRow,
      row('lost', true, refs(closed.filter((id) => status(id) === 'lost'))),
    ],
  };
}

/** Deals at risk at the end of the week, or now while it runs (lib/kpi staleDeals): how many, their amount, the largest ones with the reasons. */
function riskBlock(ctx: SectionContext, cur: KpiResults): SummarySection['atRisk'] {
  const stale = okResult(cur.staleDeals);
  if (!stale) return null;
  const lines: RiskLine[] = (stale.breakdown ?? []).flatMap((row) => {
    const deal = ctx.deals.byId.get(row.key);
    if (!deal) return [];
    const extra = row.extra ?? {};
    const line: RiskLine = { ...dealRef(ctx.deals, deal), noActivity: extra.noActivity === 1, pastCloseDate: extra.pastCloseDate === 1 };
    if (extra.idleDays !== undefined) line.idleDays = Math.floor(extra.idleDays);
    if (extra.daysPastClose !== undefined) line.daysPastClose = extra.daysPastClose;
    return [line];
  });
  return { count: stale.value, amount: stale.parts.amount ?? 0, deals: lines.sort(byAmount).slice(0, ctx.listSize) };
}

/** The week's done activities (the very ones lib/kpi counted) per local day and kind. */
function chartDays(ctx: SectionContext, ids: readonly string[]): ChartDay[] {
  const days = splitPeriod(ctx.week.week, 'day', ctx.basics.calendar);
  const zone = ctx.basics.calendar.timeZone;
  const chart: ChartDay[] = days.map((day) => ({ date: instantToLocalDate(day.start, zone), start: day.start, call: 0, email: 0, meeting: 0, other: 0 }));
  const indexOf = bucketIndexer(days);
  const byId = ctx.activitiesById();
  for (const id of ids) {
    const activity = byId.get(id);
    if (!activity) continue;
    const day = chart[indexOf(activity.occurredAt)];
    if (!day) continue;
    const kind = activity.type === 'call' || activity.type === 'email' || activity.type === 'meeting' ? activity.type : 'other';
    day[kind] += 1;
  }
  return chart;
}

/** What some figure left out, by reason; the same records left out of several figures count once (the largest count). */
function mergeExcluded(results: KpiResults): { count: number; reason: string }[] {
  const merged = new Map<string, number>();
  for (const result of Object.values(results)) {
    if (!hasValue(result)) continue;
    for (const entry of result.excluded ?? []) merged.set(entry.reason, Math.max(merged.get(entry.reason) ?? 0, entry.count));
  }
  return [...merged].map(([reason, count]) => ({ count, reason })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}
