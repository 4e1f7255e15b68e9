/** Conversion KPIs: how leads and deals turn into the next step. */
import type { Deal, Lead } from '../model';
import { tally, type ExclusionTally } from '../money/convert';
import { winRateOf } from './deal-math';
import { indexById } from './records';
import type { EvalContext, Evaluator, EvalInput, KpiBody } from './engine-types';
import { excludedList, finiteParts, mean, median, msToDays, needsData, notDefined, ok, percent } from './result';

const NEEDS_LEADS = 'Connect a CRM that keeps leads, or import them.';

/**
 * leadConversionRate — of the leads created in the period (a cohort), the share that has converted by
 * `asOf`. Later conversions still raise an old period's rate, hence the "as of" date on the result.
 */
export const leadConversionRate: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.leads) return needsData(['leads'], NEEDS_LEADS);
    const asOf = ctx.query.asOf;
    const cohort = w.leadsCreated;
    if (!cohort.length) return notDefined('no leads created in the period', { counts: { leads: 0 } });
    const converted = cohort.filter((l) => (l.convertedAt !== undefined ? l.convertedAt <= asOf : l.status === 'converted')).length;
    const disqualified = cohort.filter((l) => l.status === 'disqualified').length;
    return ok({
      value: percent(converted, cohort.length),
      unit: '%',
      numerator: converted,
      denominator: cohort.length,
      counts: { leads: cohort.length, converted, disqualified, open: cohort.length - converted - disqualified },
      recordType: 'lead',
      recordIds: cohort.map((l) => l.externalId),
      asOf,
    });
  },
};

/** avgConversionTime — mean days from lead creation to conversion, over leads converted in the period. */
export const avgConversionTime: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.leads) return needsData(['leads'], NEEDS_LEADS);
    const excluded: ExclusionTally = new Map();
    const days: number[] = [];
    const ids: string[] = [];
    for (const lead of w.leadsConverted) {
      const converted = lead.convertedAt as number;
      if (converted < lead.createdAt) {
        tally(excluded, 'converted before it was created');
        continue;
      }
      days.push(msToDays(converted - lead.createdAt));
      ids.push(lead.externalId);
    }
    const average = mean(days);
    if (average === undefined) return notDefined('no leads converted in the period', { counts: { leads: 0 } });
    return ok({
      value: average,
      unit: 'days',
      numerator: days.reduce((a, b) => a + b, 0),
      denominator: days.length,
      counts: { leads: days.length },
      parts: finiteParts({ mean: average, median: median(days) }),
      recordType: 'lead',
      recordIds: ids,
      excluded: excludedList(excluded),
    });
  },
};

/**
 * mqlToSql — of the leads that became marketing-qualified in the period, the share that has reached
 * sales-qualified by `asOf` (their `sqlAt`, or, where leads carry no SQL date, their converted deal
 * entering one of `settings.sqlStageIds` or being won). Also SQL → won: of the leads that became SQL in
 * the period, the share whose deal is won.
 */
export const mqlToSql: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.leads) return needsData(['leads'], NEEDS_LEADS);
    if (!ctx.has.leadLifecycle) return needsData(['leadLifecycle'], 'Leads carry no MQL date in this CRM, so MQL → SQL cannot be measured.');
    const cohort = w.leadsMql;
    if (!cohort.length) return notDefined('no leads became MQL in the period', { counts: { mql: 0 } });
    const deals = dealsById(ctx);
    const sql = cohort.filter((lead) => reachedSql(ctx, lead, deals)).length;
    const sqlCohort = w.leadsSql;
    const sqlWon = sqlCohort.filter((l) => l.convertedDealId !== undefined && deals.get(l.convertedDealId)?.status === 'won').length;
    return ok({
      value: percent(sql, cohort.length),
      unit: '%',
      numerator: sql,
      denominator: cohort.length,
      counts: { mql: cohort.length, sql, sqlInPeriod: sqlCohort.length, sqlWon },
      parts: finiteParts({ sqlToWonPct: sqlCohort.length ? percent(sqlWon, sqlCohort.length) : undefined }),
      recordType: 'lead',
      recordIds: cohort.map((l) => l.externalId),
      asOf: ctx.query.asOf,
    });
  },
};

/** winRate — deals won ÷ deals closed (won + lost) with their close date in the period. */
export const winRate: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], 'Connect a CRM or import deals.');
    const rate = winRateOf(w);
    const excluded: ExclusionTally = new Map();
    if (slice.closedWithoutCloseDate) tally(excluded, 'closed with no close date', slice.closedWithoutCloseDate);
    if (rate.pct === undefined) return notDefined('no deals closed in the period', { counts: { won: 0, lost: 0 } });
    return ok({
      value: rate.pct,
      unit: '%',
      numerator: rate.won,
      denominator: rate.won + rate.lost,
      counts: { won: rate.won, lost: rate.lost },
      recordType: 'deal',
      recordIds: [...w.won, ...w.lost].map((r) => r.deal.externalId),
      excluded: excludedList(excluded),
    });
  },
};

function reachedSql(ctx: EvalContext, lead: Lead, deals: ReadonlyMap<string, Deal>): boolean {
  const asOf = ctx.query.asOf;
  if (lead.sqlAt !== undefined) return lead.sqlAt <= asOf;
  const sqlStages = ctx.query.settings.sqlStageIds;
  if (!sqlStages?.length || lead.convertedDealId === undefined) return false;
  const deal = deals.get(lead.convertedDealId);
  if (!deal) return false;
  if (deal.status === 'won') return true;
  if ((deal.stageHistory ?? []).some((v) => v.enteredAt <= asOf && sqlStages.includes(v.stageId))) return true;
  // Without history, a deal now at or past an SQL stage of its pipeline has passed through it.
  const current = deal.stageId !== undefined ? ctx.stages.get(deal.stageId) : undefined;
  if (!current) return false;
  return sqlStages.some((id) => {
    const sqlStage = ctx.stages.get(id);
    return sqlStage !== undefined && sqlStage.pipelineId === current.pipelineId && current.order >= sqlStage.order;
  });
}

/** Deals by id, kept per deals array (arrays are immutable inputs, see columns.ts). */
const dealMaps = new WeakMap<readonly Deal[], Map<string, Deal>>();

function dealsById(ctx: EvalContext): ReadonlyMap<string, Deal> {
  let map = dealMaps.get(ctx.data.deals);
  if (!map) dealMaps.set(ctx.data.deals, (map = indexById(ctx.data.deals)));
  return map;
}
