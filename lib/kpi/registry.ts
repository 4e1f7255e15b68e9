/**
 * The KPI catalogue as the pages list it: every KPI's definition (names, formula text, needs, unit), in
 * the order of ../shared/spec/kpis.md (the 22 of the source article, then the ones beyond them). KPI_IDS
 * and KpiId are derived from this list, so a KPI exists once its file (catalogue/<id>.ts) is listed here.
 * Only definitions are imported: the pages bundle the texts, not the arithmetic (that is evaluators.ts).
 */
import { definition as activityCounts } from './catalogue/activity-counts';
import { definition as avgConversionTime } from './catalogue/avg-conversion-time';
import { definition as avgProfitMargin } from './catalogue/avg-profit-margin';
import { definition as avgPurchaseValue } from './catalogue/avg-purchase-value';
import { definition as avgSalesCycle } from './catalogue/avg-sales-cycle';
import { definition as cac } from './catalogue/cac';
import { definition as churn } from './catalogue/churn';
import { definition as clv } from './catalogue/clv';
import { definition as dealsInPipeline } from './catalogue/deals-in-pipeline';
import { definition as demosBooked } from './catalogue/demos-booked';
import { definition as emailBenchmarks } from './catalogue/email-benchmarks';
import { definition as leadConversionRate } from './catalogue/lead-conversion-rate';
import { definition as ltvToCac } from './catalogue/ltv-to-cac';
import { definition as mqlToSql } from './catalogue/mql-to-sql';
import { definition as mrr } from './catalogue/mrr';
import { definition as opportunitiesCreated } from './catalogue/opportunities-created';
import { definition as pipelineCoverage } from './catalogue/pipeline-coverage';
import { definition as pipelineValue } from './catalogue/pipeline-value';
import { definition as productRevenue } from './catalogue/product-revenue';
import { definition as quotaAttainment } from './catalogue/quota-attainment';
import { definition as repLeaderboard } from './catalogue/rep-leaderboard';
import { definition as retentionRate } from './catalogue/retention-rate';
import { definition as salesByContactMethod } from './catalogue/sales-by-contact-method';
import { definition as salesByRegion } from './catalogue/sales-by-region';
import { definition as salesGrowth } from './catalogue/sales-growth';
import { definition as salesVelocity } from './catalogue/sales-velocity';
import { definition as stageConversion } from './catalogue/stage-conversion';
import { definition as staleDeals } from './catalogue/stale-deals';
import { definition as winRate } from './catalogue/win-rate';
import type { KpiDefinition, KpiFamily, LocalizedText } from './types';

/** In the spec's order, which the catalogue screen, the options and the CLI keep. */
const CATALOGUE = [
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
] as const;

type IdsOf<T extends readonly { id: string }[]> = { readonly [I in keyof T]: T[I]['id'] };

/** The ids of the catalogue in the spec's order, typed as a tuple of literals (zod's `z.enum` takes it). */
export const KPI_IDS = CATALOGUE.map((d) => d.id) as readonly string[] as IdsOf<typeof CATALOGUE>;
export type KpiId = (typeof KPI_IDS)[number];

export const KPI_FAMILIES: readonly KpiFamily[] = ['activity', 'pipeline', 'conversion', 'revenue', 'customers'];

export const KPI_FAMILY_NAMES: Readonly<Record<KpiFamily, LocalizedText>> = {
  activity: { en: 'Activity', ru: 'Активность' },
  pipeline: { en: 'Pipeline', ru: 'Воронка' },
  conversion: { en: 'Conversion', ru: 'Конверсия' },
  revenue: { en: 'Revenue', ru: 'Выручка' },
  customers: { en: 'Customers', ru: 'Клиенты' },
};

export const KPI_DEFINITIONS: Readonly<Record<KpiId, KpiDefinition>> = Object.fromEntries(CATALOGUE.map((d) => [d.id, d])) as Record<KpiId, KpiDefinition>;

/** The catalogue in KPI_IDS order (the source article's order), optionally one family only. */
export function listKpis(family?: KpiFamily): KpiDefinition[] {
  return KPI_IDS.map((id) => KPI_DEFINITIONS[id]).filter((d) => family === undefined || d.family === family);
}

export function isKpiId(value: unknown): value is KpiId {
  return typeof value === 'string' && (KPI_IDS as readonly string[]).includes(value);
}
