import { describe, expect, it } from 'vitest';
import { createRng } from './random';
import { betaStrength, MAX_STRENGTH, ratioStrength, shrunkRate, shrunkRatio } from './shrink';

describe('shrinkage arithmetic', () => {
  it.each([
    // wins, n, prior, strength → (wins + strength × prior) / (n + strength)
    [3, 10, 0.2, 10, (3 + 2) / 20], // 0.25: half its own 0.3, half the prior 0.2
    [0, 0, 0.2, 10, 0.2], // no deals: the prior
    [30, 100, 0.2, 0, 0.3], // no shrinkage: its own rate
  ])('rate %i of %i, prior %s, strength %s', (wins, n, prior, strength, expected) => {
    expect(shrunkRate({ wins, n }, prior, strength)).toBeCloseTo(expected, 12);
  });

  it.each([
    // observed, expected, κ → (O + κ) / (E + κ)
    [12, 8, 4, 16 / 12], // 1.33 instead of the raw 1.5
    [0, 3, 3, 3 / 6], // none won where 3 expected: 0.5, not 0
    [0, 0, 5, 1], // nothing seen: like the team
  ])('ratio %i seen where %s expected, κ %s', (observed, expected, strength, value) => {
    expect(shrunkRatio({ observed, expected }, strength)).toBeCloseTo(value, 12);
  });
});

describe('empirical-Bayes strengths', () => {
  it('recovers the strength of the beta prior the groups were drawn from', () => {
    // 400 groups of 60 deals; group rates ~ Beta(mean 0.3, strength m = 20): Beta(6, 14).
    const rng = createRng(21);
    const cells = Array.from({ length: 400 }, () => {
      const x = rng.gamma(6);
      const rate = x / (x + rng.gamma(14));
      let wins = 0;
      for (let k = 0; k < 60; k += 1) if (rng.uniform() < rate) wins += 1;
      return { n: 60, wins, prior: 0.3 };
    });
    const m = betaStrength(cells);
    expect(m).toBeGreaterThan(14);
    expect(m).toBeLessThan(28);
  });

  it('believes groups that do not differ beyond chance not at all (maximum strength)', () => {
    const rng = createRng(22);
    const cells = Array.from({ length: 200 }, () => {
      let wins = 0;
      for (let k = 0; k < 50; k += 1) if (rng.uniform() < 0.3) wins += 1;
      return { n: 50, wins, prior: 0.3 };
    });
    expect(betaStrength(cells)).toBeGreaterThan(300);
  });

  it('recovers the spread of reps around the team (gamma prior on the ratio)', () => {
    // 300 reps; each rep's ratio ~ Gamma(κ = 10, rate 10): variance 0.1. Expected wins 40 each.
    const rng = createRng(23);
    const cells = Array.from({ length: 300 }, () => {
      const ratio = rng.gamma(10) / 10;
      const observed = rng.poisson(40 * ratio);
      return { observed, expected: 40, variance: 40 };
    });
    const k = ratioStrength(cells);
    expect(k).toBeGreaterThan(7);
    expect(k).toBeLessThan(14);
  });

  it('falls back to full shrinkage with fewer than two groups', () => {
    expect(betaStrength([{ n: 10, wins: 3, prior: 0.2 }])).toBe(MAX_STRENGTH);
    expect(ratioStrength([{ observed: 3, expected: 2, variance: 2 }])).toBe(MAX_STRENGTH);
  });
});
