/** mqlToSql: of the leads that became marketing-qualified in the period, the share that reached sales-qualified. */
import type { Deal, Lead } from '../../model';
import { indexById } from '../engine/records';
import type { EvalContext, Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_LEADS } from '../shared/needs-messages';
import { finiteParts, needsData, notDefined, ok, percent } from '../shared/result';

export const definition = defineKpi({
  id: 'mqlToSql',
  family: 'conversion',
  name: { en: 'MQL → SQL conversion', ru: 'Конверсия MQL → SQL' },
  formula: {
    en: 'Leads that became MQL in the period and reached SQL ÷ leads that became MQL in the period × 100; also SQL → won.',
    ru: 'Лиды, ставшие MQL за период и дошедшие до SQL ÷ все лиды, ставшие MQL за период × 100; а также конверсия SQL → выигранная сделка.',
  },
  needs: ['leads', 'leadLifecycle'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
});

/**
 * Of the leads that became marketing-qualified in the period, the share that has reached
 * sales-qualified by `asOf` (their `sqlAt`, or, where leads carry no SQL date, their converted deal
 * entering one of `settings.sqlStageIds` or being won). Also SQL → won: of the leads that became SQL in
 * the period, the share whose deal is won.
 */
export const evaluator: Evaluator = {
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

/** Deals by id, kept per deals array (arrays are immutable inputs, see engine/columns.ts). */
const dealMaps = new WeakMap<readonly Deal[], Map<string, Deal>>();

function dealsById(ctx: EvalContext): ReadonlyMap<string, Deal> {
  let map = dealMaps.get(ctx.data.deals);
  if (!map) dealMaps.set(ctx.data.deals, (map = indexById(ctx.data.deals)));
  return map;
}
