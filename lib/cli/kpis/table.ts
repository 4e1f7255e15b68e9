import type { KpiId } from '../../kpi/types';
import { basisOf, moneyCurrency, type JsonKpi, type JsonReport } from './report';

/** KPIs whose breakdown rows are worth a glance in the terminal (in the KPI's own unit). */
const SHOWN_BREAKDOWNS: ReadonlySet<KpiId> = new Set(['salesByRegion', 'productRevenue', 'salesByContactMethod', 'repLeaderboard', 'dealsInPipeline']);
const BREAKDOWN_ROWS = 5;

/** The parts worth a line under their KPI: the figures the engine knows beside the headline. */
const SHOWN_PARTS: Partial<Record<KpiId, readonly [string, string, 'money' | '%' | 'days' | 'value'][]>> = {
  pipelineValue: [
    ['weighted', 'weighted by win probability', 'money'],
    ['expectedInPeriod', 'expected to close in the period', 'money'],
    ['expectedInPeriodWeighted', 'expected in the period, weighted', 'money'],
  ],
  quotaAttainment: [
    ['quota', 'quota', 'money'],
    ['expectedPct', 'a straight line would be at', '%'],
    ['pacePct', 'pace (100 % = on the line)', '%'],
    ['projected', 'projected at the period end', 'money'],
  ],
  avgPurchaseValue: [['median', 'median', 'money']],
  avgSalesCycle: [['median', 'median', 'days']],
  avgConversionTime: [['median', 'median', 'days']],
  repLeaderboard: [['median', 'median of the reps', 'value']],
  ltvToCac: [
    ['clv', 'CLV', 'money'],
    ['cac', 'CAC', 'money'],
  ],
};

const SAMPLE_WORDS: Record<string, string> = {
  closedDeals: 'closed deals',
  wonDeals: 'won deals',
  createdDeals: 'deals created',
  leads: 'leads',
  customers: 'customers',
  emails: 'emails',
};

/**
 * The readable report: one aligned line per KPI the data allows (name, value with unit, what it was
 * computed from such as "12 of 40", the change against the comparison, status), the engine's sub-figures
 * and a few breakdown rows under the KPIs that have them, then the KPIs that need data.
 */
export function renderTable(report: JsonReport): string {
  const rows: string[][] = [['KPI', 'Value', 'From', 'Change', 'Status']];
  const waiting: string[] = [];
  const notForRep: string[] = [];
  for (const [id, kpi] of Object.entries(report.kpis) as [KpiId, JsonKpi][]) {
    if (kpi.status === 'needs-data') {
      waiting.push(`${kpi.name} (${(kpi.missing ?? []).join(', ')})`);
      continue;
    }
    if (kpi.code === 'not-for-one-rep') {
      notForRep.push(kpi.name);
      continue;
    }
    const left = (kpi.excluded ?? []).map((e) => `${format(e.count, 0)} left out: ${e.reason}`);
    const covered = kpi.coverage ? [`${format(kpi.coverage.have, 0)} of ${format(kpi.coverage.of, 0)} ${kpi.coverage.what}`] : [];
    const from = [basis(id, kpi, report.currency), ...covered, ...left].filter(Boolean).join('; ');
    rows.push([kpi.name, kpi.value === null ? '—' : withUnit(kpi.value, kpi.unit), from, change(kpi), status(kpi)]);
    for (const [key, label, unit] of SHOWN_PARTS[id] ?? []) {
      const value = kpi.parts?.[key];
      if (value !== undefined)
        rows.push([`  · ${label}`, withUnit(value, unit === 'money' ? report.currency : unit === 'value' ? kpi.unit : unit), '', '', '']);
    }
    for (const note of kpi.notes ?? []) rows.push([`  · note: ${note.text}`, '', '', '', '']);
    if (kpi.value !== null && SHOWN_BREAKDOWNS.has(id)) {
      for (const row of kpi.breakdown.slice(0, BREAKDOWN_ROWS))
        rows.push([`  · ${row.label}`, withUnit(row.value, kpi.unit), `${format(row.count, 0)} ${row.count === 1 ? 'deal' : 'deals'}`, '', '']);
      if (kpi.breakdown.length > BREAKDOWN_ROWS) rows.push([`  · … ${kpi.breakdown.length - BREAKDOWN_ROWS} more`, '', '', '', '']);
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
  const out = [title];
  if (report.comparison) {
    const span = `${report.comparison.start} – ${report.comparison.end}`;
    out.push(
      report.partial
        ? `In progress: figures to ${report.asOf}, compared with the same days of ${report.comparison.label} (${span}).`
        : `Compared with ${report.comparison.label} (${span}).`,
    );
  }
  out.push('', ...lines);
  if (notForRep.length) out.push('', `For a team, not one rep: ${notForRep.join(', ')} (spend is entered for the team).`);
  if (waiting.length) out.push('', `Needs data: ${waiting.join('; ')}`);
  return `${out.join('\n')}\n`;
}

function status(kpi: JsonKpi): string {
  if (kpi.status === 'ok') return 'ok';
  if (kpi.status === 'low-sample' && kpi.sample)
    return `low sample: ${format(kpi.sample.n, 0)} ${SAMPLE_WORDS[kpi.sample.unit] ?? kpi.sample.unit} (min ${format(kpi.sample.min, 0)})`;
  return `not defined: ${kpi.reason ?? ''}`;
}

/** `+1.5 pp` for a percentage, `+12.0 %` for the rest; none when there is no previous value or the sample is small. */
function change(kpi: JsonKpi): string {
  const previous = kpi.previous;
  if (!previous || previous.change === null) return '';
  const sign = previous.change > 0 ? '+' : '';
  const text = `${sign}${format(previous.change, 1)} ${previous.unit}`;
  return kpi.status === 'low-sample' || previous.lowSample ? `(${text})` : text;
}

function basis(id: KpiId, kpi: JsonKpi, currency: string): string {
  const { numerator, denominator } = kpi;
  if (numerator === undefined || denominator === undefined) return '';
  const [top, bottom] = basisOf(id);
  if (top === 'money' && bottom === 'money') return `${format(numerator, 2)} / ${format(denominator, 2)} ${currency}`;
  if (top === 'money') return `${format(numerator, 2)} ${currency} / ${format(denominator, 0)}`;
  if (top === 'days') return `${format(numerator, 1)} days / ${format(denominator, 0)}`;
  return `${format(numerator, 0)} of ${format(denominator, 0)}`;
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
