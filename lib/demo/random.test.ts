import { describe, expect, it } from 'vitest';
import { createRng, exactExp, hashLabel } from './random';

const draw = (seed: number, label: string, n: number) => {
  const rng = createRng(seed, label);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats itself for the same seed and label, and differs for another seed or label', () => {
    expect(draw(42, 'a', 50)).toEqual(draw(42, 'a', 50));
    expect(draw(42, 'a', 50)).not.toEqual(draw(43, 'a', 50));
    expect(draw(42, 'a', 50)).not.toEqual(draw(42, 'b', 50));
  });

  it('draws floats in [0, 1) with a mean near 1/2 and no bucket starved', () => {
    const values = draw(7, 'uniform', 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeGreaterThan(0.49); // sd of the mean = √(1/12 / 20,000) ≈ 0.002, so ±0.01 is 5 sd
    expect(mean).toBeLessThan(0.51);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)] = (buckets[Math.floor(v * 10)] ?? 0) + 1;
    for (const count of buckets) expect(count).toBeGreaterThan(1800); // 2,000 expected per bucket, sd ≈ 42
  });

  it('keeps int() within bounds, both ends reachable', () => {
    const rng = createRng(1, 'int');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('weights picks: 3:1 gives about 75 %', () => {
    const rng = createRng(5, 'weighted');
    let a = 0;
    for (let i = 0; i < 10_000; i += 1)
      if (
        rng.weighted([
          ['a', 3],
          ['b', 1],
        ] as const) === 'a'
      )
        a += 1;
    expect(a / 10_000).toBeGreaterThan(0.73); // 0.75 ± 5 sd (sd = √(0.75·0.25/10,000) ≈ 0.0043)
    expect(a / 10_000).toBeLessThan(0.77);
  });

  it('gives counts with the asked mean (Poisson: variance ≈ mean)', () => {
    const rng = createRng(9, 'count');
    for (const mean of [0.5, 4, 25, 400]) {
      const values = Array.from({ length: 5000 }, () => rng.count(mean));
      const avg = values.reduce((sum, v) => sum + v, 0) / values.length;
      const variance = values.reduce((sum, v) => sum + (v - avg) ** 2, 0) / values.length;
      expect(Math.abs(avg - mean)).toBeLessThan(0.05 * mean + 0.05);
      expect(variance / mean).toBeGreaterThan(0.85);
      expect(variance / mean).toBeLessThan(1.15);
    }
    expect(rng.count(0)).toBe(0);
  });

  it('skews around the median: half below, half above', () => {
    const rng = createRng(3, 'skewed');
    const values = Array.from({ length: 10_000 }, () => rng.skewed(40, 0.5));
    const below = values.filter((v) => v < 40).length / values.length;
    expect(below).toBeGreaterThan(0.48);
    expect(below).toBeLessThan(0.52);
    expect(Math.min(...values)).toBeGreaterThan(0);
  });

  it('forks streams that depend on the seed and the name only, not on draws made before', () => {
    const a = createRng(11, 'root');
    const b = createRng(11, 'root');
    b.next();
    b.next();
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(a.fork('x').next()).not.toBe(a.fork('y').next());
  });
});

describe('exactExp', () => {
  it.each([-6, -2.5, -0.3, 0, 0.7, 1, 2.1, 5])('e^%d matches Math.exp to 1e-13 relative', (x) => {
    expect(Math.abs(exactExp(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-13);
  });
});

describe('hashLabel', () => {
  it('is the 32-bit FNV-1a hash', () => {
    // Published FNV-1a test vectors: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    expect(hashLabel('')).toBe(0x811c9dc5);
    expect(hashLabel('a')).toBe(0xe40c292c);
    expect(hashLabel('foobar')).toBe(0xbf9cf968);
  });
});
