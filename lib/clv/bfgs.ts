/**
 * Quasi-Newton minimisation (BFGS with an inverse-Hessian update and a
 * backtracking Armijo line search) for the smooth log-likelihoods of the CLV
 * models. The objective returns +∞ or NaN where it cannot be evaluated (an
 * overflow, a parameter off its domain); the line search then steps back.
 */

/** Returns f(x) and writes ∇f(x) into `gradient`. */
export type ObjectiveWithGradient = (x: readonly number[], gradient: number[]) => number;

export type MinimizeResult = {
  x: number[];
  f: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  /** True when the largest gradient component fell below the tolerance. */
  converged: boolean;
  reason: 'gradient' | 'no-progress' | 'line-search' | 'max-iterations' | 'not-finite';
};

export type BfgsOptions = {
  /** Converged when max |∂f/∂xᵢ| is below this. */
  gradientTolerance?: number;
  maxIterations?: number;
  /** Largest change of any coordinate in one step (the models work in log-parameters: 3 = ×20). */
  maxStep?: number;
};

export function bfgs(objective: ObjectiveWithGradient, start: readonly number[], options: BfgsOptions = {}): MinimizeResult {
  const { gradientTolerance = 1e-8, maxIterations = 500, maxStep = 3 } = options;
  const n = start.length;
  let x = [...start];
  let gradient = new Array<number>(n).fill(0);
  let evaluations = 1;
  let f = objective(x, gradient);
  const result = (iterations: number, reason: MinimizeResult['reason']): MinimizeResult => ({
    x,
    f,
    gradient,
    iterations,
    evaluations,
    converged: reason === 'gradient',
    reason,
  });
  if (!Number.isFinite(f) || !gradient.every(Number.isFinite)) return result(0, 'not-finite');
  let inverse = identity(n);
  let fresh = true;
  let stalled = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < gradientTolerance) return result(iteration, 'gradient');
    let direction = multiply(inverse, gradient).map((v) => -v);
    let slope = dot(gradient, direction);
    if (!(slope < 0)) {
      inverse = identity(n);
      fresh = true;
      direction = gradient.map((v) => -v);
      slope = dot(gradient, direction);
    }
    const longest = maxAbs(direction);
    if (longest > maxStep) direction = direction.map((v) => (v * maxStep) / longest);
    slope = dot(gradient, direction);

    const trial = lineSearch(objective, x, f, direction, slope);
    evaluations += trial.evaluations;
    if (!trial.ok) {
      if (fresh) return result(iteration, 'line-search');
      inverse = identity(n); // a stale curvature model; retry along the gradient
      fresh = true;
      continue;
    }
    const s = trial.x.map((v, i) => v - (x[i] ?? 0));
    const y = trial.gradient.map((v, i) => v - (gradient[i] ?? 0));
    const improvement = f - trial.f;
    x = trial.x;
    f = trial.f;
    gradient = trial.gradient;
    stalled = improvement <= 1e-15 * (1 + Math.abs(f)) ? stalled + 1 : 0;
    if (stalled >= 3) return result(iteration + 1, maxAbs(gradient) < gradientTolerance ? 'gradient' : 'no-progress');
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) inverse = scaledIdentity(n, sy / dot(y, y));
      inverse = bfgsUpdate(inverse, s, y, sy);
      fresh = false;
    }
  }
  return result(maxIterations, maxAbs(gradient) < gradientTolerance ? 'gradient' : 'max-iterations');
}

type Trial = { ok: boolean; x: number[]; f: number; gradient: number[]; evaluations: number };

/** Backtracks from the full step until f drops by at least 1e-4 of the linear prediction. */
function lineSearch(objective: ObjectiveWithGradient, x: readonly number[], f: number, direction: readonly number[], slope: number): Trial {
  let step = 1;
  for (let attempt = 1; attempt <= 50; attempt++) {
    const candidate = x.map((v, i) => v + step * (direction[i] ?? 0));
    const gradient = new Array<number>(x.length).fill(0);
    const value = objective(candidate, gradient);
    if (Number.isFinite(value) && gradient.every(Number.isFinite) && value <= f + 1e-4 * step * slope) {
      return { ok: true, x: candidate, f: value, gradient, evaluations: attempt };
    }
    // Minimum of the quadratic through f, the slope and the new value, kept within [0.1, 0.5] of the step.
    const quadratic = Number.isFinite(value) ? (-slope * step * step) / (2 * (value - f - slope * step)) : 0;
    step = Math.min(0.5 * step, Math.max(0.1 * step, quadratic));
  }
  return { ok: false, x: [...x], f, gradient: [], evaluations: 50 };
}

/** H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / (yᵀ s). */
function bfgsUpdate(inverse: number[][], s: readonly number[], y: readonly number[], sy: number): number[][] {
  const rho = 1 / sy;
  const hy = multiply(inverse, y);
  const yhy = dot(y, hy);
  return inverse.map((row, i) =>
    row.map((value, j) => {
      const si = s[i] ?? 0;
      const sj = s[j] ?? 0;
      return value - rho * ((hy[i] ?? 0) * sj + si * (hy[j] ?? 0)) + (rho * rho * yhy + rho) * si * sj;
    }),
  );
}

export function dot(u: readonly number[], v: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < u.length; i++) total += (u[i] ?? 0) * (v[i] ?? 0);
  return total;
}

function multiply(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  return matrix.map((row) => dot(row, vector));
}

function maxAbs(values: readonly number[]): number {
  return values.reduce((top, v) => Math.max(top, Math.abs(v)), 0);
}

function identity(n: number): number[][] {
  return scaledIdentity(n, 1);
}

function scaledIdentity(n: number, scale: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
}
