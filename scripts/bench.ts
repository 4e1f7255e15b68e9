/**
 * `npm run bench`: every speed, size and memory figure of KPI Lens with its
 * budget, as one JSON object on stdout (progress on stderr). Medians and ratios,
 * not single timings: the machines are shared and noisy.
 *   --only kpi,sync      run some modules
 *   --scale team         a team lead's two years (50 reps, 1,000,000 activities, 100,000 deals):
 *                        minutes, by hand; the default `current` size is what CI guards
 *   --check              exit 1 when a figure misses its budget by more than its headroom
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchClv } from './bench/clv';
import { benchForecast } from './bench/forecast';
import { benchImport } from './bench/import';
import { benchKpi } from './bench/kpi';
import { benchSizes, PRODUCTION_BUILD_DIR } from './bench/sizes';
import { benchSidebar } from './bench/sidebar';
import { benchSync } from './bench/sync';
import { evaluateBudgets, type Figure } from './bench/budgets';
import { parseScale, type BenchScale } from './bench/scale';

const MODULES: Record<string, (scale: BenchScale) => Promise<Record<string, unknown>> | Record<string, unknown>> = {
  sizes: () => {
    if (!existsSync(join(PRODUCTION_BUILD_DIR, 'manifest.json'))) {
      console.error('Building the production extension for the size budgets…');
      spawnSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    return benchSizes();
  },
  kpi: kpiFigures,
  clv: benchClv,
  sync: benchSync,
  sidebar: benchSidebar,
  import: benchImport,
  forecast: forecastFigures,
};

type KpiEntry = { name: string; median_ms: number; p90_ms: number; budget_ms: number; runs: number; cpu_median_ms: number };

async function kpiFigures(scale: BenchScale): Promise<Record<string, unknown>> {
  const raw = (await benchKpi(scale)) as {
    entries: KpiEntry[];
    dataset: unknown;
    memory_mb: unknown;
    column_bytes_per_record: unknown;
    cold_worker_heap_mb: unknown;
  };
  const figure = (entry: KpiEntry) => ({
    value: entry.median_ms,
    p90: entry.p90_ms,
    cpuMedian: entry.cpu_median_ms,
    unit: 'ms',
    budget: { max: entry.budget_ms },
    runs: entry.runs,
  });
  const [pinned, catalogue, first, coldColumns, pinnedColumns, catalogueColumns, coldWithOrders] = raw.entries;
  return {
    // Over record arrays (the CLI's path, and the worker's before the column store).
    pinnedOneRepMonthMs: figure(pinned!),
    catalogueWholeTeamMs: figure(catalogue!),
    firstQueryOverNewArraysMs: figure(first!),
    // Over the persisted columns (the worker's path): a cold first query, then warm ones.
    firstQueryFromPersistedColumnsMs: figure(coldColumns!),
    // The same after a restart with the sorted orders the worker kept in the store (no write since).
    firstQueryFromPersistedColumnsAndOrdersMs: figure(coldWithOrders!),
    pinnedOverColumnsMs: figure(pinnedColumns!),
    catalogueOverColumnsMs: figure(catalogueColumns!),
    dataset: raw.dataset,
    memoryMb: raw.memory_mb,
    // A cold worker's heap after the pinned KPIs and the forecast of one rep, modelled in Node (the worker's own is the sidebar bench's).
    coldWorkerHeapMb: raw.cold_worker_heap_mb,
    columnBytesPerRecord: raw.column_bytes_per_record,
  };
}

async function forecastFigures(scale: BenchScale): Promise<Record<string, unknown>> {
  const raw = await benchForecast(scale);
  const figure = (e: (typeof raw.entries)[number]) => ({
    value: e.median_ms,
    p90: e.p90_ms,
    cpu: e.cpu_median_ms,
    unit: 'ms',
    ...(e.budget_ms !== undefined ? { budget: { max: e.budget_ms } } : {}),
    runs: e.runs,
  });
  // In the order benchForecast measures them (the back-test is the fifth, not the fourth).
  const [rep, team, newDeals, warm, past, columns] = raw.entries;
  return {
    oneRepMs: figure(rep!),
    wholeTeamMs: figure(team!),
    oneRepNewDealsKeptActivitiesMs: figure(newDeals!),
    oneRepReusedMs: figure(warm!),
    backtestTeamSixMonthsMs: figure(past!),
    oneRepColumnStoreMs: figure(columns!),
    dataset: raw.dataset,
  };
}

const { values } = parseArgs({ options: { only: { type: 'string' }, scale: { type: 'string' }, check: { type: 'boolean', default: false } } });
const scale = parseScale(values.scale);
const chosen = values.only ? values.only.split(',') : Object.keys(MODULES);
const unknown = chosen.filter((name) => !(name in MODULES));
if (unknown.length) {
  console.error(`Unknown benchmark module(s): ${unknown.join(', ')}. Known: ${Object.keys(MODULES).join(', ')}`);
  process.exit(2);
}

const results: Record<string, Record<string, unknown>> = {};
for (const name of chosen) {
  console.error(`bench: ${name}…`);
  const started = performance.now();
  results[name] = await MODULES[name]!(scale);
  console.error(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const verdicts = evaluateBudgets(results as Record<string, Record<string, Figure | unknown>>);
const report = {
  generatedAt: new Date().toISOString(),
  scale,
  machine: {
    cpus: os.availableParallelism(),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
  },
  results,
  budgets: verdicts,
};
console.log(JSON.stringify(report, null, 2));
const broken = verdicts.filter((verdict) => verdict.status === 'broken');
if (values.check && broken.length) {
  console.error(`Budgets broken beyond their headroom: ${broken.map((verdict) => verdict.figure).join(', ')}`);
  process.exit(1);
}
