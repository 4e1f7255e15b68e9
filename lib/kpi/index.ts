export * from './types';
export type { ClvEstimate, ClvInput, ClvMethod, ClvTransaction } from './clv-types';
export { computeKpis, type ComputeOptions } from './compute';
export { KPI_DEFINITIONS, KPI_FAMILIES, KPI_FAMILY_NAMES, isKpiId, listKpis } from './registry';
export { historicalClv, predictiveClv } from './clv';
export { EMAIL_BENCHMARKS } from './activity';
export { PACE_AT_RISK, paceStatus, type Pace } from './targets';
export { UNASSIGNED, UNASSIGNED_LABEL } from './scope';
