import { computeKpis } from '../kpi';
import { hasValue, type BreakdownRow, type KpiData, type KpiId, type KpiQuery, type KpiResults } from '../kpi/types';
import type { Period } from '../period/types';

/** One bar of a breakdown chart; `previous`: the same group's value in the comparison period (0 when it had none). */
export type ChartRow = { key: string; label: string; value: number; count: number; previous?: number };

/** Chart rows from a breakdown (regions, products, channels), largest first as the engine ranks them. */
export function chartRows(rows: readonly BreakdownRow[] | undefined, limit = 12): ChartRow[] {
  return (rows ?? []).slice(0, limit).map((row) => ({ key: row.key, label: row.label, value: row.value, count: row.count }));
}

/**
 * The pipeline by stage in funnel order: the stages' own order (pipeline by pipeline, then stage by
 * stage, as the CRM orders them), whatever order the breakdown came in. Stages the data has no
 * record of (a file's stage column) follow, in the order they came; deals without a stage last.
 */
export function funnelRows(rows: readonly BreakdownRow[] | undefined, data: Pick<KpiData, 'stages' | 'pipelines'>, limit = 30): ChartRow[] {
  const pipelines = new Map(data.pipelines.map((pipeline) => [pipeline.externalId, pipeline.order]));
  const stages = new Map(data.stages.map((stage) => [stage.externalId, [pipelines.get(stage.pipelineId) ?? 0, stage.order] as const]));
  const unknown = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;
  const ranked = (rows ?? []).map((row, arrived) => ({ row, arrived, rank: stages.get(row.key) ?? unknown }));
  ranked.sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.arrived - b.arrived);
  return chartRows(
    ranked.map((entry) => entry.row),
    limit,
  );
}

const COMPARED = { regions: 'salesByRegion', products: 'productRevenue', channels: 'salesByContactMethod' } as const satisfies Record<string, KpiId>;
type Compared = keyof typeof COMPARED;

/**
 * The breakdown charts: the funnel (a snapshot of open deals now, so no previous period), and sales
 * by region, product and contact method, each group with its value in the comparison period (one
 * engine call over `compare`, the view's own comparison span).
 */
export function breakdownCharts(
  data: KpiData,
  query: Omit<KpiQuery, 'kpis' | 'period' | 'comparePeriod'>,
  compare: Period | null,
  catalogue: KpiResults,
): { funnel: ChartRow[]; funnelMeasure: 'amount' | 'count'; regions: ChartRow[]; products: ChartRow[]; channels: ChartRow[] } {
  const ok = (results: KpiResults, id: KpiId) => {
    const result = results[id];
    return hasValue(result) ? result.breakdown : undefined;
  };
  const funnel = funnelRows(ok(catalogue, 'pipelineValue'), data);
  // A file of open deals without amounts still has a funnel: its deals, counted.
  const funnelMeasure = funnel.length > 0 && funnel.every((row) => row.value === 0) ? 'count' : 'amount';
  const before = compare ? computeKpis(data, { ...query, kpis: Object.values(COMPARED), period: compare, comparePeriod: null }) : undefined;
  const withPrevious = (name: Compared): ChartRow[] => {
    const rows = chartRows(ok(catalogue, COMPARED[name]));
    if (!before) return rows;
    const previous = new Map((ok(before, COMPARED[name]) ?? []).map((row) => [row.key, row.value]));
    return rows.map((row) => ({ ...row, previous: previous.get(row.key) ?? 0 }));
  };
  return { funnel, funnelMeasure, regions: withPrevious('regions'), products: withPrevious('products'), channels: withPrevious('channels') };
}
