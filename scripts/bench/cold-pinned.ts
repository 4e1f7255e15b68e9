/**
 * How much of a restarted worker's first computation is its code running for the first time. A fresh
 * Node process computes the pinned view from the column store (the chunks and sorted orders a worker
 * reads after a stop), its code never run before: parsed, compiled and interpreted as in a cold worker.
 * Then it computes the same view again over new tables from the same chunks, REPEATS times: the same
 * work each time (indexes made, records made, cold chunks asked for), with its code run once already
 * (the second computation), then optimized by the engine as it runs on (the last ones). No browser, so
 * none of its noise; each run is its own process.
 *
 *   npx tsx scripts/bench/cold-pinned.ts [--runs 9]
 *
 * Prints JSON: the medians of the first computation, the second, and the last three of each process, ms.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { chunksOf, columnTableOf, type StoredChunk, type StoredOrder, tableOver, withColumns, type ColumnType } from '@/lib/columns';
import type { KpiData } from '@/lib/kpi';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { computePinnedView, type PinnedView } from '@/lib/views';
import { median, round } from './stats';

/** What a child process reads: the small tables as records, the big types as the store holds them. */
export type ColdInput = {
  rest: KpiData;
  stored: Record<ColumnType, StoredChunk[]>;
  orders: Record<ColumnType, StoredOrder[]>;
  ownerId: string;
  asOf: number;
};

export type ColdRun = { firstMs: number; secondMs: number; optimizedMs: number };

/** Computations per process: by the last few, the engine has optimized the code that runs most. */
export const REPEATS = 10;

const SOURCE = 'bench';
const TYPES: readonly ColumnType[] = ['activity', 'deal', 'lead'];
const LISTS = { activity: 'activities', deal: 'deals', lead: 'leads' } as const;

/** The data a cold worker holds: column tables over the chunks, with the orders it keeps (none: sorted on first use). */
export function coldData(input: ColdInput, withOrders = true): KpiData {
  const data = { ...input.rest } as Record<string, unknown>;
  for (const type of TYPES) {
    const table = tableOver(SOURCE, type, input.stored[type]);
    table.useOrders(1, withOrders ? input.orders[type] : []);
    data[LISTS[type]] = table.records();
  }
  return data as unknown as KpiData;
}

/** The sidebar's pinned view of one rep for this month, as the worker asks for it. */
export function pinnedOf(data: KpiData, input: Pick<ColdInput, 'ownerId' | 'asOf'>): Promise<PinnedView> {
  return withColumns(() =>
    computePinnedView(data, {
      settings: DEFAULT_SETTINGS,
      browserZone: 'Europe/Berlin',
      asOf: input.asOf,
      scope: { ownerIds: [input.ownerId] },
      period: 'month',
      source: SOURCE,
    }),
  );
}

/** The chunks of a data set's big types, and the orders a first pinned view sorts (what a worker keeps). */
export async function coldInput(data: KpiData, ownerId: string, asOf: number): Promise<ColdInput> {
  const stored = {} as Record<ColumnType, StoredChunk[]>;
  for (const type of TYPES) stored[type] = chunksOf(SOURCE, type, data[LISTS[type]] as never);
  const rest = { ...data, activities: [], deals: [], leads: [] };
  const input: ColdInput = { rest, stored, orders: { activity: [], deal: [], lead: [] }, ownerId, asOf };
  const sorted = coldData(input, false);
  await pinnedOf(sorted, input);
  for (const type of TYPES) {
    const table = columnTableOf(sorted[LISTS[type]] as readonly unknown[])!;
    input.orders[type] = [...table.madeOrders].map(([name, order], chunk) => ({
      source: SOURCE,
      type,
      tier: 'order' as const,
      chunk,
      name,
      generation: 1,
      order,
    }));
  }
  return input;
}

/** One process's computations of the same view, each over new tables: the first (code cold), the second, and the last three's median. */
export async function coldAndWarm(input: ColdInput, repeats = REPEATS): Promise<ColdRun & { same: boolean }> {
  const times: number[] = [];
  let first = '';
  let same = true;
  for (let i = 0; i < repeats; i += 1) {
    const data = coldData(input);
    const start = performance.now();
    const view = await pinnedOf(data, input);
    times.push(performance.now() - start);
    const shown = JSON.stringify(view);
    if (i === 0) first = shown;
    else same &&= shown === first;
  }
  return { firstMs: times[0]!, secondMs: times[1]!, optimizedMs: median(times.slice(-3)), same };
}

/** Medians over the processes, and the share of the first computation that is its code's first run (1 − second / first). */
export function summarize(runs: readonly ColdRun[]) {
  const first = median(runs.map((run) => run.firstMs));
  const second = median(runs.map((run) => run.secondMs));
  return {
    firstMs: round(first),
    secondMs: round(second),
    optimizedMs: round(median(runs.map((run) => run.optimizedMs))),
    firstRunShare: Math.round((1 - second / first) * 100) / 100,
    runs: runs.map((run) => ({ firstMs: round(run.firstMs), secondMs: round(run.secondMs), optimizedMs: round(run.optimizedMs) })),
  };
}

async function main(args: string[]) {
  const child = args.indexOf('--child');
  if (child >= 0) {
    const input = v8.deserialize(readFileSync(args[child + 1]!)) as ColdInput;
    const run = await coldAndWarm(input);
    if (!run.same) throw new Error('a later pinned view differs from the first');
    process.stdout.write(`${JSON.stringify(run)}\n`);
    return;
  }
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) || 9 : 9;
  const { generateData } = await import('./kpi');
  // The KPI bench's data set and instant (scripts/bench/kpi.ts): one rep's month in mid-December.
  const asOf = Date.parse('2017-12-15T15:00:00+01:00');
  const input = await coldInput(generateData(42), 'rep3', asOf);
  const dir = mkdtempSync(join(tmpdir(), 'cold-pinned-'));
  try {
    const file = join(dir, 'input.bin');
    writeFileSync(file, v8.serialize(input));
    const results: ColdRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`a child process failed: ${out.stderr}`);
      results.push(JSON.parse(out.stdout.trim().split('\n').at(-1)!) as ColdRun);
    }
    console.log(JSON.stringify({ generatedAt: new Date().toISOString(), pinnedFirstComputation: summarize(results) }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
