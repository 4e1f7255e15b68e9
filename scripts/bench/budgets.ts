/** A measured figure; `budget` is the product's target. */
export type Figure = { value: number | null; unit: string; budget?: { max?: number; min?: number } };

/**
 * How far a figure may miss its target before CI fails: timings on a shared,
 * noisy 2-core machine get room; sizes and ratios measured in one run get little.
 */
const HEADROOM: Record<string, number> = {
  ms: 3,
  s: 3,
  'MB/s': 3,
  'KB gzip': 1,
  ratio: 1.25,
};

export type Verdict = { figure: string; value: number | null; unit: string; budget: Figure['budget']; status: 'within' | 'over-target' | 'broken' };

function isFigure(value: unknown): value is Figure & { budget: NonNullable<Figure['budget']> } {
  return typeof value === 'object' && value !== null && 'budget' in value && 'unit' in value;
}

/**
 * `within` the target; `over-target` misses it but stays inside the headroom
 * (reported, CI passes); `broken` misses it beyond the headroom (CI fails).
 */
export function evaluateBudgets(results: Record<string, Record<string, unknown>>): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const [module, figures] of Object.entries(results)) {
    for (const [name, figure] of Object.entries(figures)) {
      if (!isFigure(figure) || figure.value === null) continue;
      const headroom = HEADROOM[figure.unit] ?? 1;
      const { max, min } = figure.budget;
      let status: Verdict['status'] = 'within';
      if (max !== undefined && figure.value > max) status = figure.value > max * headroom ? 'broken' : 'over-target';
      if (min !== undefined && figure.value < min) status = figure.value < min / headroom ? 'broken' : 'over-target';
      verdicts.push({ figure: `${module}.${name}`, value: figure.value, unit: figure.unit, budget: figure.budget, status });
    }
  }
  return verdicts;
}
