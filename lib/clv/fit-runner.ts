import { bfgs, type MinimizeResult, type ObjectiveWithGradient } from './bfgs';
import { ClvFitError } from './errors';
import { numericHessian } from './hessian';
import { nelderMead } from './nelder-mead';

/**
 * Maximum likelihood over log-parameters, shared by both models: BFGS from
 * several starting points (the best optimum wins, which guards against a poor
 * local one), a Nelder–Mead restart from the best point when BFGS stalls, then
 * the checks that make a fit trustworthy: every parameter finite and away from
 * 0 and ∞, and the gradient of the mean log-likelihood below tolerance.
 */
export type LogParamFit = {
  theta: number[];
  /** Mean negative log-likelihood at the optimum. */
  f: number;
  gradientNorm: number;
  iterations: number;
  evaluations: number;
  optimizer: 'bfgs' | 'nelder-mead';
  /** Hessian of the mean negative log-likelihood in θ, for standard errors. */
  hessian: number[][];
};

/** |θ| beyond this (a parameter e^18 ≈ 7e7 times its scale or smaller by as much) is a runaway. */
const DEGENERATE_BOUND = 18;
/** The fit is accepted when no component of ∇(mean −ln L) in θ exceeds this. */
const ACCEPT_GRADIENT = 1e-6;
const BFGS_OPTIONS = { gradientTolerance: 1e-9, maxIterations: 400 };

function maxGradient(run: MinimizeResult): number {
  return run.gradient.reduce((top, g) => Math.max(top, Math.abs(g)), 0);
}

/**
 * An accepted optimum beats one that is not; between two of the same kind the lower
 * value wins, and values within rounding (1e-12) count as equal, the flatter gradient winning.
 */
function isBetter(run: MinimizeResult, than: MinimizeResult): boolean {
  const accepted = maxGradient(run) < ACCEPT_GRADIENT;
  if (accepted !== maxGradient(than) < ACCEPT_GRADIENT) return accepted;
  if (Math.abs(run.f - than.f) <= 1e-12 * (1 + Math.abs(than.f))) return maxGradient(run) < maxGradient(than);
  return run.f < than.f;
}

export function fitLogParams(model: string, objective: ObjectiveWithGradient, starts: readonly (readonly number[])[], names: readonly string[]): LogParamFit {
  let best: MinimizeResult | undefined;
  let iterations = 0;
  let evaluations = 0;
  const consider = (run: MinimizeResult) => {
    iterations += run.iterations;
    evaluations += run.evaluations;
    if (Number.isFinite(run.f) && (!best || isBetter(run, best))) best = run;
  };
  // Later starts are a second opinion: once two accepted runs agree, the rest are skipped.
  let agreeing = 0;
  for (const start of starts) {
    const previous = best;
    const run = bfgs(objective, start, BFGS_OPTIONS);
    consider(run);
    const accepted = maxGradient(run) < ACCEPT_GRADIENT;
    if (accepted && previous && maxGradient(previous) < ACCEPT_GRADIENT && Math.abs(run.f - previous.f) <= 1e-9 * (1 + Math.abs(run.f))) agreeing++;
    if (agreeing >= 1) break;
  }
  let optimizer: LogParamFit['optimizer'] = 'bfgs';
  // A search that ran to the edge of the parameter box found no interior maximum; the simplex would not either.
  if (!best || (!(maxGradient(best) < ACCEPT_GRADIENT) && !best.x.some((v) => Math.abs(v) > DEGENERATE_BOUND))) {
    const from = best?.x ?? starts[0] ?? [];
    const value = (x: readonly number[]) => objective(x, new Array<number>(x.length).fill(0));
    const simplex = nelderMead(value, from, { tolerance: 1e-13, maxEvaluations: 10_000 });
    evaluations += simplex.evaluations;
    consider(bfgs(objective, simplex.x, BFGS_OPTIONS));
    optimizer = 'nelder-mead';
  }
  if (!best || !Number.isFinite(best.f)) {
    throw new ClvFitError('did-not-converge', `${model}: the likelihood could not be evaluated at any starting point`);
  }
  const runaway = best.x.findIndex((v) => Math.abs(v) > DEGENERATE_BOUND);
  if (runaway >= 0) {
    const direction = (best.x[runaway] ?? 0) > 0 ? '∞' : '0';
    throw new ClvFitError(
      'degenerate-fit',
      `${model}: the likelihood keeps rising as ${names[runaway] ?? 'a parameter'} → ${direction}; the data cannot pin the model down`,
    );
  }
  const gradientNorm = maxGradient(best);
  if (!(gradientNorm < ACCEPT_GRADIENT)) {
    throw new ClvFitError('did-not-converge', `${model}: the optimizer stopped (${best.reason}) with gradient ${gradientNorm.toExponential(2)}`);
  }
  return { theta: best.x, f: best.f, gradientNorm, iterations, evaluations, optimizer, hessian: numericHessian(objective, best.x) };
}
