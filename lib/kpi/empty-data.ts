import type { KpiData } from './types';

/** KpiData with every kind present and empty, its arrays open to filling (readers, importers, test data). */
export type MutableKpiData = { -readonly [K in keyof KpiData]: KpiData[K][number][] };

export function emptyKpiData(): MutableKpiData {
  return {
    owners: [],
    teams: [],
    pipelines: [],
    stages: [],
    products: [],
    deals: [],
    activities: [],
    leads: [],
    customers: [],
    mrrMovements: [],
    spend: [],
    quotas: [],
    targets: [],
  };
}
