/**
 * The two sizes `npm run bench` measures. `current`: the benchmark's long-standing size (20 reps, a
 * year, 100,000 activities, 10,000 deals), run in CI with headroom. `team` (`--scale team`): a team
 * lead's two years (50 reps, 1,000,000 activities, 100,000 deals); it takes minutes and is run by hand.
 * Each module reads its sizes and budgets from here, so both tables live in one place.
 */
export type BenchScale = 'current' | 'team';
export const BENCH_SCALES: readonly BenchScale[] = ['current', 'team'];

export type KpiSize = { reps: number; months: number; activities: number; deals: number; leads: number; customers: number };

export const KPI_SIZES: Record<BenchScale, KpiSize> = {
  current: { reps: 20, months: 12, activities: 100_000, deals: 10_000, leads: 5_000, customers: 2_000 },
  team: { reps: 50, months: 24, activities: 1_000_000, deals: 100_000, leads: 50_000, customers: 20_000 },
};

/** The budgets (ms unless said otherwise) per size. */
export const BUDGETS: Record<
  BenchScale,
  {
    pinnedWarmMs: number;
    freshAfterStopMs: number;
    catalogueMs: number;
    blockMs: number;
    workerHeapMb?: number;
    bytesPerActivity: number;
    engineFirstQueryMs: number;
  }
> = {
  current: { pinnedWarmMs: 150, freshAfterStopMs: 300, catalogueMs: 100, blockMs: 50, bytesPerActivity: 300, engineFirstQueryMs: 150 },
  team: { pinnedWarmMs: 200, freshAfterStopMs: 500, catalogueMs: 400, blockMs: 50, workerHeapMb: 300, bytesPerActivity: 300, engineFirstQueryMs: 300 },
};

export function parseScale(value: string | undefined): BenchScale {
  if (value === undefined) return 'current';
  if ((BENCH_SCALES as readonly string[]).includes(value)) return value as BenchScale;
  throw new Error(`Unknown --scale ${value}: use ${BENCH_SCALES.join(' or ')}`);
}
