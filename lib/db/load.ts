import type { Table } from 'dexie';
import type { KpiData } from '../kpi/types';
import type { KpiLensDb } from './db';

const bySource = <T>(table: Table<T, [string, string]>, source: string): Promise<T[]> => table.where('source').equals(source).toArray();

/**
 * Everything of one source the KPI engine may read, in one read transaction so
 * a sync step committing meanwhile is seen whole or not at all.
 */
export async function loadKpiData(db: KpiLensDb, source: string): Promise<KpiData> {
  const tables = [
    db.owners,
    db.teams,
    db.pipelines,
    db.stages,
    db.products,
    db.deals,
    db.activities,
    db.leads,
    db.customers,
    db.mrrMovements,
    db.spend,
    db.quotas,
    db.targets,
  ];
  return db.transaction('r', tables, async () => {
    const [owners, teams, pipelines, stages, products, deals, activities, leads, customers, mrrMovements, spend, quotas, targets] = await Promise.all([
      bySource(db.owners, source),
      bySource(db.teams, source),
      bySource(db.pipelines, source),
      bySource(db.stages, source),
      bySource(db.products, source),
      bySource(db.deals, source),
      bySource(db.activities, source),
      bySource(db.leads, source),
      bySource(db.customers, source),
      bySource(db.mrrMovements, source),
      bySource(db.spend, source),
      bySource(db.quotas, source),
      bySource(db.targets, source),
    ]);
    return { owners, teams, pipelines, stages, products, deals, activities, leads, customers, mrrMovements, spend, quotas, targets };
  });
}
