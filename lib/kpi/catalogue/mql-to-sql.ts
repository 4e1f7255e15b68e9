/** mqlToSql: of the leads that became marketing-qualified in the period, the share that reached sales-qualified. */
import type { Deal, Lead } from '../../model';
import type { EvalContext, Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_LEADS } from '../shared/needs-messages';
import { convertedDealBy, dealExistsAt, dealStageAt, dealStatusAt, stepBy } from '../shared/as-of';
import { finiteParts, needsData, notDefined, ok, percent } from '../shared/result';
import { sampleOf } from '../shared/sample';

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
 * sales-qualified by the window's instant (their `sqlAt`, or, where leads carry no SQL date, their converted deal
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
    const at = w.info.at;
    const dealOf = (lead: Lead) => {
      const id = convertedDealBy(lead, at);
      const deal = id === undefined ? undefined : ctx.dealById(id);
      return deal && dealExistsAt(deal, at) ? deal : undefined;
    };
    const sql = cohort.filter((lead) => reachedSql(ctx, lead, dealOf(lead), at)).length;
    const sqlCohort = w.leadsSql;
    const sqlWon = sqlCohort.filter((lead) => {
      const deal = dealOf(lead);
      return deal !== undefined && dealStatusAt(deal, at) === 'won';
    }).length;
    return ok({
      value: percent(sql, cohort.length),
      unit: '%',
      numerator: sql,
      denominator: cohort.length,
      counts: { mql: cohort.length, sql, sqlInPeriod: sqlCohort.length, sqlWon },
      parts: finiteParts({ sqlToWonPct: sqlCohort.length ? percent(sqlWon, sqlCohort.length) : undefined }),
      recordType: 'lead',
      recordIds: cohort.map((l) => l.externalId),
      asOf: at,
      sample: sampleOf(ctx, 'leads', cohort.length),
    });
  },
};

/** Whether a lead was sales-qualified by `asOf`: its SQL date, else its converted deal (existing by then). */
function reachedSql(ctx: EvalContext, lead: Lead, deal: Deal | undefined, asOf: number): boolean {
  if (stepBy(lead.sqlAt, asOf) !== undefined) return true;
  const sqlStages = ctx.query.settings.sqlStageIds;
  if (!sqlStages?.length || !deal) return false;
  if (dealStatusAt(deal, asOf) === 'won') return true;
  if ((deal.stageHistory ?? []).some((v) => v.enteredAt <= asOf && sqlStages.includes(v.stageId))) return true;
  // Without history, a deal at or past an SQL stage of its pipeline (as of then) has passed through it.
  const stageId = dealStageAt(deal, asOf).stageId;
  const current = stageId !== undefined ? ctx.stages.get(stageId) : undefined;
  if (!current) return false;
  return sqlStages.some((id) => {
    const sqlStage = ctx.stages.get(id);
    return sqlStage !== undefined && sqlStage.pipelineId === current.pipelineId && current.order >= sqlStage.order;
  });
}
