import { describe, expect, it } from 'vitest';
import { bfgs, type ObjectiveWithGradient } from './bfgs';
import { invert, numericHessian } from './hessian';
import { nelderMead } from './nelder-mead';

/** Rosenbrock's banana valley: minimum 0 at (1, 1), a standard hard case for both methods. */
const rosenbrock: ObjectiveWithGradient = (x, gradient) => {
  const [u = 0, v = 0] = x;
  gradient[0] = -2 * (1 - u) - 400 * u * (v - u * u);
  gradient[1] = 200 * (v - u * u);
  return (1 - u) ** 2 + 100 * (v - u * u) ** 2;
};

describe('bfgs', () => {
  it('finds the Rosenbrock minimum from the classic start (−1.2, 1)', () => {
    const result = bfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(1, 7);
    expect(result.f).toBeLessThan(1e-14);
  });

  it('steps back from regions where the objective is not finite', () => {
    // f = (x − 3)² only defined for x < 5; the first full step would land at x = 0 + 3 (capped) then beyond.
    const walled: ObjectiveWithGradient = ([x = 0], gradient) => {
      gradient[0] = 2 * (x - 3);
      return x < 5 ? (x - 3) ** 2 : Number.NaN;
    };
    const result = bfgs(walled, [-10], { maxStep: 20 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 8);
  });

  it('reports a start where nothing can be evaluated instead of inventing a result', () => {
    const broken: ObjectiveWithGradient = () => Number.NaN;
    const result = bfgs(broken, [0, 0]);
    expect(result.converged).toBe(false);
    expect(result.reason).toBe('not-finite');
  });
});

describe('nelderMead', () => {
  it('finds the Rosenbrock minimum without gradients', () => {
    const value = (x: readonly number[]) => rosenbrock(x, [0, 0]);
    const result = nelderMead(value, [-1.2, 1], { tolerance: 1e-14 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });
});

describe('numericHessian and invert', () => {
  it('recover a quadratic form and its inverse', () => {
    // f = ½ xᵀ A x with A = [[4, 1], [1, 3]]; A⁻¹ = [[3, −1], [−1, 4]] / 11
    const quadratic: ObjectiveWithGradient = ([u = 0, v = 0], gradient) => {
      gradient[0] = 4 * u + v;
      gradient[1] = u + 3 * v;
      return 0.5 * (4 * u * u + 2 * u * v + 3 * v * v);
    };
    const h = numericHessian(quadratic, [0.3, -0.2]);
    expect(h[0]?.[0]).toBeCloseTo(4, 8);
    expect(h[0]?.[1]).toBeCloseTo(1, 8);
    expect(h[1]?.[1]).toBeCloseTo(3, 8);
    const inverse = invert(h);
    expect(inverse?.[0]?.[0]).toBeCloseTo(3 / 11, 8);
    expect(inverse?.[0]?.[1]).toBeCloseTo(-1 / 11, 8);
    expect(inverse?.[1]?.[1]).toBeCloseTo(4 / 11, 8);
    expect(
      invert([
        [1, 2],
        [2, 4],
      ]),
    ).toBeUndefined(); // singular
  });
});
