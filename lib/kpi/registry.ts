/** The KPI catalogue: every id of KPI_IDS with its names, formula text (English and Russian) and needs. */
import { ACTIVITY_DEFINITIONS } from './definitions/activity';
import { CONVERSION_DEFINITIONS } from './definitions/conversion';
import { CUSTOMER_DEFINITIONS } from './definitions/customers';
import { PIPELINE_DEFINITIONS } from './definitions/pipeline';
import { REVENUE_DEFINITIONS } from './definitions/revenue';
import { KPI_IDS, type KpiDefinition, type KpiFamily, type KpiId, type LocalizedText } from './types';

export const KPI_FAMILIES: readonly KpiFamily[] = ['activity', 'pipeline', 'conversion', 'revenue', 'customers'];

export const KPI_FAMILY_NAMES: Readonly<Record<KpiFamily, LocalizedText>> = {
  activity: { en: 'Activity', ru: 'Активность' },
  pipeline: { en: 'Pipeline', ru: 'Воронка' },
  conversion: { en: 'Conversion', ru: 'Конверсия' },
  revenue: { en: 'Revenue', ru: 'Выручка' },
  customers: { en: 'Customers', ru: 'Клиенты' },
};

const ALL: readonly KpiDefinition[] = [
  ...ACTIVITY_DEFINITIONS,
  ...PIPELINE_DEFINITIONS,
  ...CONVERSION_DEFINITIONS,
  ...REVENUE_DEFINITIONS,
  ...CUSTOMER_DEFINITIONS,
];

export const KPI_DEFINITIONS: Readonly<Record<KpiId, KpiDefinition>> = Object.fromEntries(ALL.map((d) => [d.id, d])) as Record<
  KpiId,
  KpiDefinition
>;

/** The catalogue in KPI_IDS order (the source article's order), optionally one family only. */
export function listKpis(family?: KpiFamily): KpiDefinition[] {
  return KPI_IDS.map((id) => KPI_DEFINITIONS[id]).filter((d) => family === undefined || d.family === family);
}

export function isKpiId(value: unknown): value is KpiId {
  return typeof value === 'string' && (KPI_IDS as readonly string[]).includes(value);
}
