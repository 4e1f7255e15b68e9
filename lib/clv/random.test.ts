import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

/** Sample mean and variance of n draws. */
function moments(draw: () => number, n: number) {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    sum += v;
    squares += v * v;
  }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
}

describe('createRandom', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const first = [a.uniform(), a.uniform(), a.uniform()];
    expect([b.uniform(), b.uniform(), b.uniform()]).toEqual(first);
    expect(c.uniform()).not.toBe(first[0]);
    for (let i = 0; i < 1000; i++) {
      const u = a.uniform();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  // n = 200,000 draws: the sample mean's standard error is sd/√n; each check allows 5 standard errors.
  const n = 200_000;
  it.each([
    ['uniform', (r: ReturnType<typeof createRandom>) => r.uniform(), 0.5, 1 / 12],
    ['normal', (r: ReturnType<typeof createRandom>) => r.normal(), 0, 1],
    ['exponential(2): mean 1/2, variance 1/4', (r: ReturnType<typeof createRandom>) => r.exponential(2), 0.5, 0.25],
    [
      'gamma(0.243, 4.414): mean k/θ = 0.05505, variance k/θ² = 0.012472',
      (r: ReturnType<typeof createRandom>) => r.gamma(0.243, 4.414),
      0.243 / 4.414,
      0.243 / 4.414 ** 2,
    ],
    ['gamma(6.25, 2): mean 3.125, variance 1.5625', (r: ReturnType<typeof createRandom>) => r.gamma(6.25, 2), 3.125, 1.5625],
    // Beta(a, b): mean a/(a+b) = 0.793/3.219 = 0.24635; variance ab/((a+b)²(a+b+1)) = 1.923818/(10.361961·4.219) = 0.044005
    ['beta(0.793, 2.426)', (r: ReturnType<typeof createRandom>) => r.beta(0.793, 2.426), 0.793 / 3.219, (0.793 * 2.426) / (3.219 ** 2 * 4.219)],
  ])('%s has the right mean and variance', (_label, draw, mean, variance) => {
    const random = createRandom(2024);
    const sample = moments(() => draw(random), n);
    expect(Math.abs(sample.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / n));
    expect(Math.abs(sample.variance / variance - 1)).toBeLessThan(0.05);
  });
});
