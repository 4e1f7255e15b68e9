import { activityCounts, demosBooked, emailBenchmarks } from './activity';
import { clv, ltvToCac } from './clv';
import { avgConversionTime, leadConversionRate, mqlToSql, winRate } from './conversion';
import { cac, churn, mrr, retentionRate } from './customers';
import type { Evaluator } from './engine-types';
import { repLeaderboard } from './leaderboard';
import { dealsInPipeline, opportunitiesCreated, pipelineCoverage, pipelineValue, salesVelocity } from './pipeline';
import { avgSalesCycle, stageConversion, staleDeals } from './pipeline-health';
import { avgProfitMargin, avgPurchaseValue, quotaAttainment, salesGrowth } from './revenue';
import { productRevenue, salesByContactMethod, salesByRegion } from './revenue-breakdowns';
import type { KpiId } from './types';

/** The function behind every KPI id; the compiler checks none is missing. */
export const EVALUATORS: Readonly<Record<KpiId, Evaluator>> = {
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
