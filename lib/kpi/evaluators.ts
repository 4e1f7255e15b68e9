/** The engine's side of the catalogue: every KPI file's evaluator, by id (the pages never import this). */
import * as activityCounts from './catalogue/activity-counts';
import * as avgConversionTime from './catalogue/avg-conversion-time';
import * as avgProfitMargin from './catalogue/avg-profit-margin';
import * as avgPurchaseValue from './catalogue/avg-purchase-value';
import * as avgSalesCycle from './catalogue/avg-sales-cycle';
import * as cac from './catalogue/cac';
import * as churn from './catalogue/churn';
import * as clv from './catalogue/clv';
import * as dealsInPipeline from './catalogue/deals-in-pipeline';
import * as demosBooked from './catalogue/demos-booked';
import * as emailBenchmarks from './catalogue/email-benchmarks';
import * as leadConversionRate from './catalogue/lead-conversion-rate';
import * as ltvToCac from './catalogue/ltv-to-cac';
import * as mqlToSql from './catalogue/mql-to-sql';
import * as mrr from './catalogue/mrr';
import * as opportunitiesCreated from './catalogue/opportunities-created';
import * as pipelineCoverage from './catalogue/pipeline-coverage';
import * as pipelineValue from './catalogue/pipeline-value';
import * as productRevenue from './catalogue/product-revenue';
import * as quotaAttainment from './catalogue/quota-attainment';
import * as repLeaderboard from './catalogue/rep-leaderboard';
import * as retentionRate from './catalogue/retention-rate';
import * as salesByContactMethod from './catalogue/sales-by-contact-method';
import * as salesByRegion from './catalogue/sales-by-region';
import * as salesGrowth from './catalogue/sales-growth';
import * as salesVelocity from './catalogue/sales-velocity';
import * as stageConversion from './catalogue/stage-conversion';
import * as staleDeals from './catalogue/stale-deals';
import * as winRate from './catalogue/win-rate';
import type { Evaluator } from './engine/types';
import type { KpiId } from './registry';
import type { KpiModule } from './shared/define';

/** Every KPI file under its id: the compiler checks that none is missing and that each file's id is its key. */
const KPIS: { readonly [Id in KpiId]: KpiModule<Id> } = {
  salesGrowth,
  activityCounts,
  opportunitiesCreated,
  demosBooked,
  leadConversionRate,
  salesByContactMethod,
  avgConversionTime,
  cac,
  clv,
  ltvToCac,
  mrr,
  pipelineValue,
  quotaAttainment,
  salesByRegion,
  avgPurchaseValue,
  avgProfitMargin,
  churn,
  productRevenue,
  repLeaderboard,
  avgSalesCycle,
  dealsInPipeline,
  mqlToSql,
  retentionRate,
  winRate,
  salesVelocity,
  pipelineCoverage,
  stageConversion,
  emailBenchmarks,
  staleDeals,
};

/** The function behind every KPI id. */
export const EVALUATORS: Readonly<Record<KpiId, Evaluator>> = Object.fromEntries(Object.entries(KPIS).map(([id, kpi]) => [id, kpi.evaluator])) as Record<
  KpiId,
  Evaluator
>;
