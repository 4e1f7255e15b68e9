/**
 * Derivative-free Nelder–Mead simplex search with restarts, the fallback when
 * the quasi-Newton search cannot make progress (a flat or kinked region).
 * Standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½.
 */

export type NelderMeadOptions = {
  /** Size of the first simplex's edges. */
  initialStep?: number;
  /** Stops when the simplex's values and points are this close. */
  tolerance?: number;
  maxEvaluations?: number;
  /** Fresh simplexes around the best point until one no longer improves it. */
  maxRestarts?: number;
};

export type NelderMeadResult = { x: number[]; f: number; evaluations: number; converged: boolean };

export function nelderMead(objective: (x: readonly number[]) => number, start: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const { initialStep = 0.5, tolerance = 1e-10, maxEvaluations = 20_000, maxRestarts = 5 } = options;
  let evaluations = 0;
  const evaluate = (x: readonly number[]) => {
    evaluations++;
    const value = objective(x);
    return Number.isFinite(value) ? value : Infinity;
  };
  let best = { x: [...start], f: evaluate(start) };
  let converged = false;
  for (let restart = 0; restart <= maxRestarts && evaluations < maxEvaluations; restart++) {
    const run = simplexSearch(evaluate, best.x, initialStep / (1 + restart), tolerance, maxEvaluations, () => evaluations);
    const improved = best.f - run.f > tolerance * (1 + Math.abs(run.f));
    if (run.f <= best.f) best = { x: run.x, f: run.f };
    converged = run.converged;
    if (!improved && restart > 0) break;
  }
  return { ...best, evaluations, converged: converged && Number.isFinite(best.f) };
}

type Vertex = { x: number[]; f: number };

function simplexSearch(
  evaluate: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  tolerance: number,
  maxEvaluations: number,
  spent: () => number,
): Vertex & { converged: boolean } {
  const n = start.length;
  const simplex: Vertex[] = [{ x: [...start], f: evaluate(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] ?? 0) + step;
    simplex.push({ x, f: evaluate(x) });
  }
  const at = (i: number): Vertex => simplex[i] as Vertex;
  while (spent() < maxEvaluations) {
    simplex.sort((u, v) => u.f - v.f);
    const bestVertex = at(0);
    const worst = at(n);
    const spreadF = Math.abs(worst.f - bestVertex.f);
    const spreadX = Math.max(...simplex.map((v) => Math.max(...v.x.map((c, i) => Math.abs(c - (bestVertex.x[i] ?? 0))))));
    if (spreadF <= tolerance * (1 + Math.abs(bestVertex.f)) && spreadX <= Math.sqrt(tolerance)) {
      return { ...bestVertex, converged: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (at(i).x[j] ?? 0) / n;
    const toward = (factor: number) => centroid.map((c, j) => c + factor * (c - (worst.x[j] ?? 0)));
    const reflected = toward(1);
    const fr = evaluate(reflected);
    if (fr < bestVertex.f) {
      const expanded = toward(2);
      const fe = evaluate(expanded);
      simplex[n] = fe < fr ? { x: expanded, f: fe } : { x: reflected, f: fr };
    } else if (fr < at(n - 1).f) {
      simplex[n] = { x: reflected, f: fr };
    } else {
      const contracted = fr < worst.f ? toward(0.5) : toward(-0.5);
      const fc = evaluate(contracted);
      if (fc < Math.min(fr, worst.f)) {
        simplex[n] = { x: contracted, f: fc };
      } else {
        for (let i = 1; i <= n; i++) {
          const x = at(i).x.map((c, j) => (bestVertex.x[j] ?? 0) + 0.5 * (c - (bestVertex.x[j] ?? 0)));
          simplex[i] = { x, f: evaluate(x) };
        }
      }
    }
  }
  simplex.sort((u, v) => u.f - v.f);
  return { ...at(0), converged: false };
}
