/** Pipeline KPIs: what is being worked on now and how fast it turns into sales. */
import { tally, type ExclusionTally } from '../money/convert';
import { cycleOf, dealSizeOf, probabilityOf, winRateOf } from './deal-math';
import type { DealRow, EvalContext, Evaluator, EvalInput, KpiBody } from './engine-types';
import { quotaFor } from './quota';
import { excludedList, finiteParts, needsData, notDefined, ok, sumDeals } from './result';
import { paceStatus, targetFor } from './targets';

const NEEDS_DEALS = 'Connect a CRM or import deals.';
const NO_STAGE = '(no stage)';

/** opportunitiesCreated — deals created in the period (any status now), with their total amount. */
export const opportunitiesCreated: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const sum = sumDeals(w.created, excluded);
    const won = w.created.filter((r) => r.deal.status === 'won').length;
    const lost = w.created.filter((r) => r.deal.status === 'lost').length;
    if (slice.dealsWithoutCreatedAt) tally(excluded, 'no created date', slice.dealsWithoutCreatedAt);
    const target = targetFor(ctx, slice.members, w.info, 'dealsCreated');
    const pace = target ? paceStatus(w.created.length, target.value, w.info.elapsed) : undefined;
    return ok({
      value: w.created.length,
      unit: 'count',
      counts: { deals: w.created.length, withAmount: sum.counted, open: w.created.length - won - lost, won, lost },
      parts: finiteParts({ amount: sum.total, target: target?.value, pacePct: pace?.pacePct }),
      recordType: 'deal',
      recordIds: sum.ids,
      excluded: excludedList(excluded),
      target: pace && target ? { value: target.value, status: pace.status } : undefined,
    });
  },
};

/**
 * pipelineValue — open deals now: their total amount, the amount weighted by win probability (the
 * deal's own, else its stage's), and the part expected to close within the period.
 */
export const pipelineValue: Evaluator = {
  comparable: false,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const { start, end } = w.info.period;
    let total = 0;
    let weighted = 0;
    let expected = 0;
    let expectedWeighted = 0;
    let expectedDeals = 0;
    let unweighted = 0;
    const ids: string[] = [];
    for (const row of slice.open) {
      ids.push(row.deal.externalId);
      if (row.minor === undefined) {
        tally(excluded, row.issue ?? 'no amount');
        continue;
      }
      const probability = probabilityOf(ctx, row.deal);
      const inPeriod = row.deal.expectedCloseAt !== undefined && row.deal.expectedCloseAt >= start && row.deal.expectedCloseAt < end;
      total += row.minor;
      if (inPeriod) {
        expected += row.minor;
        expectedDeals += 1;
      }
      if (probability === undefined) {
        unweighted += 1;
        continue;
      }
      weighted += (row.minor * probability) / 100;
      if (inPeriod) expectedWeighted += (row.minor * probability) / 100;
    }
    if (unweighted) tally(excluded, 'no win probability (left out of the weighted value)', unweighted);
    return ok({
      value: total,
      unit: ctx.reporting,
      counts: { openDeals: slice.open.length, expectedInPeriod: expectedDeals },
      parts: {
        total,
        weighted: Math.round(weighted),
        expectedInPeriod: expected,
        expectedInPeriodWeighted: Math.round(expectedWeighted),
      },
      recordType: 'deal',
      recordIds: ids,
      breakdown: byStage(ctx, slice.open, (row) => row.minor ?? 0),
      excluded: excludedList(excluded),
    });
  },
};

/** dealsInPipeline — the number of open deals now, per stage (per owner through the breakdown). */
export const dealsInPipeline: Evaluator = {
  comparable: false,
  run({ ctx, slice }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    return ok({
      value: slice.open.length,
      unit: 'count',
      counts: { openDeals: slice.open.length },
      recordType: 'deal',
      recordIds: slice.open.map((r) => r.deal.externalId),
      breakdown: byStage(ctx, slice.open, () => 1),
    });
  },
};

/**
 * pipelineCoverage — open pipeline expected to close between today and the end of the period, divided
 * by the part of the quota still to reach. 3× is a common comfort level.
 */
export const pipelineCoverage: Evaluator = {
  comparable: false,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.quotas) return needsData(['quotas'], 'Enter a quota to see how well the pipeline covers it.');
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const { start, end, label } = w.info.period;
    if (ctx.query.asOf >= end) return notDefined(`the period ${label} is over`);
    const quota = quotaFor(ctx, slice, w.slot);
    if (!quota) return needsData(['quotas'], `No quota covers ${label}.`);
    const excluded: ExclusionTally = new Map(quota.issues);
    const sales = sumDeals(w.won, excluded);
    const remaining = quota.minor - sales.total;
    if (remaining <= 0) return notDefined('the quota is already reached', { numerator: sales.total, denominator: quota.minor });
    const from = Math.max(start, ctx.todayStart);
    const expected = slice.open.filter((r) => r.deal.expectedCloseAt !== undefined && r.deal.expectedCloseAt >= from && r.deal.expectedCloseAt < end);
    const pipeline = sumDeals(expected, excluded);
    return ok({
      value: pipeline.total / remaining,
      unit: 'ratio',
      numerator: pipeline.total,
      denominator: remaining,
      counts: { expectedDeals: expected.length, openDeals: slice.open.length },
      parts: { pipeline: pipeline.total, remaining, quota: quota.minor, sales: sales.total },
      recordType: 'deal',
      recordIds: pipeline.ids,
      excluded: excludedList(excluded),
    });
  },
};

/**
 * salesVelocity — money the pipeline makes per day: open deals × win rate × average deal size ÷
 * average sales cycle (days). Win rate, deal size and cycle come from the deals closed in the period.
 */
export const salesVelocity: Evaluator = {
  comparable: false,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const rate = winRateOf(w);
    const size = dealSizeOf(w, excluded);
    const cycle = cycleOf(w, excluded);
    const counts = { openDeals: slice.open.length, won: rate.won, lost: rate.lost };
    if (rate.pct === undefined) return notDefined('no deals closed in the period, so no win rate', { counts });
    if (size.average === undefined) return notDefined('no won deals with an amount in the period', { counts });
    if (cycle.average === undefined) return notDefined('no won deals with a known cycle length in the period', { counts });
    if (cycle.average <= 0) return notDefined('deals were won the moment they were created (cycle of 0 days)', { counts });
    const value = (slice.open.length * (rate.pct / 100) * size.average) / cycle.average;
    return ok({
      value: Math.round(value),
      unit: `${ctx.reporting}/day`,
      counts,
      parts: { openDeals: slice.open.length, winRatePct: rate.pct, avgDealSize: size.average, avgCycleDays: cycle.average },
      recordType: 'deal',
      recordIds: slice.open.map((r) => r.deal.externalId),
      excluded: excludedList(excluded),
    });
  },
};

/** Open deals grouped by stage, in pipeline then stage order; deals without a stage last. */
function byStage(ctx: EvalContext, rows: readonly DealRow[], weight: (row: DealRow) => number) {
  const groups = new Map<string, { value: number; count: number }>();
  for (const row of rows) {
    const key = row.deal.stageId ?? NO_STAGE;
    const g = groups.get(key) ?? { value: 0, count: 0 };
    g.value += weight(row);
    g.count += 1;
    groups.set(key, g);
  }
  const order = (key: string) => {
    const stage = ctx.stages.get(key);
    if (!stage) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;
    return [ctx.pipelines.get(stage.pipelineId)?.order ?? 0, stage.order] as const;
  };
  return [...groups]
    .sort(([a], [b]) => {
      const [pa, sa] = order(a);
      const [pb, sb] = order(b);
      return pa - pb || sa - sb || (a < b ? -1 : a > b ? 1 : 0);
    })
    .map(([key, g]) => ({ key, label: ctx.stages.get(key)?.name ?? (key === NO_STAGE ? 'No stage' : key), value: g.value, count: g.count }));
}
