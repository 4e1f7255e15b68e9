import type { ObjectiveWithGradient } from './bfgs';

/**
 * Hessian of an objective at x by central differences of its analytic gradient,
 * symmetrised. Steps are relative to 1 because the models work in log-parameters.
 */
export function numericHessian(objective: ObjectiveWithGradient, x: readonly number[], step = 1e-5): number[][] {
  const n = x.length;
  const columns = x.map((_, j) => {
    const plus = [...x];
    const minus = [...x];
    plus[j] = (plus[j] ?? 0) + step;
    minus[j] = (minus[j] ?? 0) - step;
    const gPlus = new Array<number>(n).fill(0);
    const gMinus = new Array<number>(n).fill(0);
    objective(plus, gPlus);
    objective(minus, gMinus);
    return gPlus.map((g, i) => (g - (gMinus[i] ?? 0)) / (2 * step));
  });
  return x.map((_, i) => x.map((__, j) => 0.5 * ((columns[j]?.[i] ?? 0) + (columns[i]?.[j] ?? 0))));
}

/** The inverse of a small matrix by Gauss–Jordan elimination; undefined when singular. */
export function invert(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const n = matrix.length;
  const work = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const row = (i: number) => work[i] as number[];
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let i = col + 1; i < n; i++) if (Math.abs(row(i)[col] ?? 0) > Math.abs(row(pivot)[col] ?? 0)) pivot = i;
    const pivotValue = row(pivot)[col] ?? 0;
    if (!(Math.abs(pivotValue) > 1e-300) || !Number.isFinite(pivotValue)) return undefined;
    [work[col], work[pivot]] = [row(pivot), row(col)];
    const current = row(col);
    for (let j = 0; j < 2 * n; j++) current[j] = (current[j] ?? 0) / pivotValue;
    for (let i = 0; i < n; i++) {
      if (i === col) continue;
      const target = row(i);
      const factor = target[col] ?? 0;
      if (factor !== 0) for (let j = 0; j < 2 * n; j++) target[j] = (target[j] ?? 0) - factor * (current[j] ?? 0);
    }
  }
  return work.map((r) => r.slice(n));
}

/**
 * Asymptotic standard errors of the parameters (not their logs) from the observed
 * information: the inverse Hessian of the total negative log-likelihood in
 * log-parameters θ gives Var(θᵢ); the delta method gives SE(eᶿ) ≈ eᶿ · SE(θ).
 * Undefined when the Hessian is not positive definite (not a proper maximum).
 */
export function standardErrors(hessianOfTotal: readonly (readonly number[])[], logParams: readonly number[]): number[] | undefined {
  const covariance = invert(hessianOfTotal);
  if (!covariance) return undefined;
  const variances = covariance.map((r, i) => r[i] ?? Number.NaN);
  if (!variances.every((v) => v > 0 && Number.isFinite(v))) return undefined;
  return variances.map((v, i) => Math.exp(logParams[i] ?? 0) * Math.sqrt(v));
}
