/**
 * The tables a cold worker reads after the rest: customers and MRR movements. Both are kept as one
 * IndexedDB row per record (the big types are columns), grow with the account, and are read by
 * few KPIs, none of them pinned by default. IndexedDB serves a worker's reads one after another,
 * so reading them with the rest made a restarted worker's first numbers wait for them (the source
 * read took 119–130 ms with them, 95–106 without, in the sidebar bench); read afterwards, they are
 * there before the catalogue asks.
 */
import { KPI_DEFINITIONS } from './registry';
import type { DataNeed, KpiData, KpiId } from './types';

export const LATE_TABLES = ['customers', 'mrrMovements'] as const;
export type LateTable = (typeof LATE_TABLES)[number];
export type LateTables = Pick<KpiData, LateTable>;

/**
 * What a KPI declares when it reads customers or MRR movements (catalogue/<id>.ts `needs`). Regions
 * too: a deal without one takes its customer's (the engine's region breakdown, and the rep's
 * `regionField` rule).
 */
const LATE_NEEDS: ReadonlySet<DataNeed> = new Set<DataNeed>(['customers', 'mrrMovements', 'churnDates', 'churnReasons', 'regions']);

/** The leaderboard lists the owners of every record, customers' too (an unassigned customer adds "Unassigned"). */
const LISTS_EVERY_OWNER: ReadonlySet<KpiId> = new Set<KpiId>(['repLeaderboard']);

/** Whether any of these KPIs reads a late table: then they wait for it. */
export function readsLateTables(ids: Iterable<KpiId>): boolean {
  for (const id of ids) if (LISTS_EVERY_OWNER.has(id) || KPI_DEFINITIONS[id].needs.some((need) => LATE_NEEDS.has(need))) return true;
  return false;
}

/** The data without the late tables (empty), as a cold worker has it before their read. */
export function withoutLateTables(data: KpiData): KpiData {
  return { ...data, customers: [], mrrMovements: [] };
}
