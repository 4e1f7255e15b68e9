import { describe, expect, it } from 'vitest';
import { createRng } from './random';

const moments = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
};
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('the forecast random source', () => {
  it('gives the same draws for the same seed and different ones for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = draw(5, a.uniform);
    expect(draw(5, b.uniform)).toEqual(first);
    expect(draw(5, c.uniform)).not.toEqual(first);
  });

  it('fills a buffer with the same numbers uniform() gives', () => {
    const buffer = new Float64Array(7);
    createRng(8).fill(buffer);
    const one = createRng(8);
    expect([...buffer]).toEqual(draw(7, one.uniform));
  });

  it('draws uniforms on [0, 1) with mean 1/2 and variance 1/12, consecutive draws uncorrelated', () => {
    const u = draw(100_000, createRng(7).uniform);
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    const { mean, variance } = moments(u);
    // Standard errors: √(1/12/n) ≈ 0.0009 for the mean.
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
    let lag = 0;
    for (let i = 1; i < u.length; i += 1) lag += ((u[i] as number) - 0.5) * ((u[i - 1] as number) - 0.5);
    // Correlation of neighbours: its standard error is 1/√n ≈ 0.003.
    expect(Math.abs(lag / (u.length - 1) / (1 / 12))).toBeLessThan(0.015);
  });

  it.each([
    // shape k: mean k, variance k
    [0.3],
    [1],
    [4.5],
    [50],
  ])('draws gamma(%s) with mean and variance k', (shape) => {
    const rng = createRng(11);
    const { mean, variance } = moments(draw(40_000, () => rng.gamma(shape)));
    expect(mean / shape).toBeCloseTo(1, 1);
    expect(variance / shape).toBeGreaterThan(0.9);
    expect(variance / shape).toBeLessThan(1.1);
  });

  it.each([
    // mean λ: variance λ; 20 is the chunk edge, 135 spans several chunks
    [0],
    [0.4],
    [6],
    [20],
    [135],
  ])('draws Poisson(%s) with mean and variance λ', (lambda) => {
    const rng = createRng(5);
    const values = draw(40_000, () => rng.poisson(lambda));
    expect(values.every(Number.isInteger)).toBe(true);
    const { mean, variance } = moments(values);
    if (lambda === 0) return expect(mean).toBe(0);
    expect(mean / lambda).toBeCloseTo(1, 1);
    expect(variance / lambda).toBeGreaterThan(0.93);
    expect(variance / lambda).toBeLessThan(1.07);
  });

  it('draws standard normals', () => {
    const rng = createRng(3);
    const { mean, variance } = moments(draw(60_000, rng.normal));
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(variance).toBeCloseTo(1, 1);
  });

  it('refuses bad parameters', () => {
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
    expect(() => createRng(1).gamma(0)).toThrow(/shape/);
    expect(() => createRng(1).poisson(-1)).toThrow(/Poisson/);
  });
});
