import type { KpiId } from '../../kpi/types';
import { moneyCurrency, type JsonKpi, type JsonReport } from './report';

/** KPIs whose breakdown rows are worth a glance in the terminal (in the KPI's own unit). */
const SHOWN_BREAKDOWNS: ReadonlySet<KpiId> = new Set(['salesByRegion', 'productRevenue', 'salesByContactMethod', 'repLeaderboard', 'dealsInPipeline']);
const BREAKDOWN_ROWS = 5;

const BASIS_KIND: Partial<Record<KpiId, 'money/count' | 'money/money' | 'days/count'>> = {
  salesGrowth: 'money/money',
  quotaAttainment: 'money/money',
  avgProfitMargin: 'money/money',
  pipelineCoverage: 'money/money',
  avgPurchaseValue: 'money/count',
  cac: 'money/count',
  clv: 'money/count',
  avgSalesCycle: 'days/count',
  avgConversionTime: 'days/count',
};

/**
 * The readable report: one aligned line per KPI the data allows (name, value
 * with unit, what it was computed from such as "12 of 40", status), a few
 * breakdown rows under the KPIs that have them, then the KPIs that need data.
 */
export function renderTable(report: JsonReport): string {
  const rows: string[][] = [['KPI', 'Value', 'From', 'Status']];
  const waiting: string[] = [];
  for (const [id, kpi] of Object.entries(report.kpis) as [KpiId, JsonKpi][]) {
    if (kpi.status === 'needs-data') {
      waiting.push(`${kpi.name} (${(kpi.missing ?? []).join(', ')})`);
      continue;
    }
    const status = kpi.status === 'ok' ? 'ok' : `not defined: ${kpi.reason ?? ''}`;
    const left = (kpi.excluded ?? []).map((e) => `${format(e.count, 0)} left out: ${e.reason}`).join('; ');
    const from = [basis(id, kpi, report.currency), left].filter(Boolean).join('; ');
    rows.push([kpi.name, kpi.value === null ? '—' : withUnit(kpi.value, kpi.unit), from, status]);
    if (kpi.status === 'ok' && SHOWN_BREAKDOWNS.has(id)) {
      for (const row of kpi.breakdown.slice(0, BREAKDOWN_ROWS)) rows.push([`  · ${row.label}`, withUnit(row.value, kpi.unit), `${format(row.count, 0)} ${row.count === 1 ? 'deal' : 'deals'}`, '']);
      if (kpi.breakdown.length > BREAKDOWN_ROWS) rows.push([`  · … ${kpi.breakdown.length - BREAKDOWN_ROWS} more`, '', '', '']);
    }
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  const owner = report.owner === null ? 'all owners' : report.owner;
  const title = `${report.period.label} (${report.period.start} – ${report.period.end}) · as of ${report.asOf} · ${report.currency} · ${owner}`;
  const out = [title, '', ...lines];
  if (waiting.length) out.push('', `Needs data: ${waiting.join('; ')}`);
  return `${out.join('\n')}\n`;
}

function basis(id: KpiId, kpi: JsonKpi, currency: string): string {
  const { numerator, denominator } = kpi;
  if (numerator === undefined || denominator === undefined) return '';
  switch (BASIS_KIND[id]) {
    case 'money/money':
      return `${format(numerator, 2)} / ${format(denominator, 2)} ${currency}`;
    case 'money/count':
      return `${format(numerator, 2)} ${currency} / ${format(denominator, 0)}`;
    case 'days/count':
      return `${format(numerator, 1)} days / ${format(denominator, 0)}`;
    default:
      return `${format(numerator, 0)} of ${format(denominator, 0)}`;
  }
}

function withUnit(value: number, unit: string): string {
  if (moneyCurrency(unit) !== undefined) return `${format(value, 2)} ${unit}`;
  if (unit === '%') return `${format(value, 1)} %`;
  if (unit === 'days') return `${format(value, 1)} days`;
  if (unit === 'ratio') return format(value, 2);
  return format(value, 0);
}

function format(value: number, digits: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
