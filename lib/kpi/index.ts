/** The public face of lib/kpi: what pages, views, the summary and the CLI may import (see README.md). */
export * from './types';
export type { ClvEstimate, ClvInput, ClvMethod, ClvTransaction } from './clv-types';
export { computeKpis, type ComputeOptions } from './compute';
export { emptyKpiData, type MutableKpiData } from './empty-data';
export { KPI_DEFINITIONS, KPI_FAMILIES, KPI_FAMILY_NAMES, KPI_IDS, isKpiId, listKpis } from './registry';
export { historicalClv, predictiveClv } from './catalogue/clv';
export { EMAIL_BENCHMARKS } from './catalogue/email-benchmarks';
export { PACE_AT_RISK, paceStatus, type Pace } from './shared/targets';
export { UNASSIGNED, UNASSIGNED_LABEL } from './engine/scope';
export { doneActivities, doneBy, doneOnDealBy, type DoneActivities } from './engine/done-activities';
export { prepareColumns } from './engine/columns';
export { slimDeals, slimDealBatches, type SlimDeals, type SlimDealBatches } from './engine/slim-deals';
export { LATE_TABLES, readsLateTables, withoutLateTables, type LateTable, type LateTables } from './late-tables';
export { SAMPLE_KINDS } from './shared/sample';
