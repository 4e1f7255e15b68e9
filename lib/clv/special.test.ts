import { describe, expect, it } from 'vitest';
import { digamma, lnGamma, lnGammaSigned, logAddExp, logistic } from './special';

// Reference values: closed forms where they exist, else mpmath 1.3 at 30 digits.
describe('lnGamma', () => {
  it.each([
    [0.5, 0.5723649429247001], // ln √π
    [1, 0], // Γ(1) = 1
    [2, 0], // Γ(2) = 1
    [5, Math.log(24)], // Γ(5) = 4! = 24
    [3.7, 1.4280723266653881], // mpmath.loggamma(3.7)
    [100, 359.1342053695754], // mpmath.loggamma(100) = ln 99!
    [1234.5, 7550.550901077895], // mpmath.loggamma(1234.5)
    [1e-8, 18.420680738180209], // ≈ −ln(1e−8) − γ·1e−8
  ])('lnΓ(%f) = %f', (x, expected) => {
    expect(Math.abs(lnGamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('satisfies Γ(x + 1) = x Γ(x) across the shift boundary at 7', () => {
    for (const x of [0.01, 0.3, 1.5, 6.2, 6.999, 7.5, 40.25]) {
      expect(lnGamma(x + 1) - lnGamma(x)).toBeCloseTo(Math.log(x), 13);
    }
  });

  it('rejects arguments outside its domain', () => {
    expect(() => lnGamma(0)).toThrow(RangeError);
    expect(() => lnGamma(-1.5)).toThrow(RangeError);
    expect(() => lnGamma(Number.NaN)).toThrow(RangeError);
  });
});

describe('lnGammaSigned', () => {
  it('uses the reflection formula below zero', () => {
    // Γ(−0.5) = −2√π: negative, |Γ| = 3.5449077018110318
    const value = lnGammaSigned(-0.5);
    expect(value.sign).toBe(-1);
    expect(Math.exp(value.log)).toBeCloseTo(2 * Math.sqrt(Math.PI), 13);
    // Γ(−1.5) = 4√π/3 > 0
    const positive = lnGammaSigned(-1.5);
    expect(positive.sign).toBe(1);
    expect(Math.exp(positive.log)).toBeCloseTo((4 * Math.sqrt(Math.PI)) / 3, 13);
    expect(lnGammaSigned(-2).sign).toBe(0); // a pole
  });
});

describe('digamma', () => {
  it.each([
    [1, -0.5772156649015329], // −γ (Euler–Mascheroni)
    [0.5, -1.9635100260214235], // −γ − 2 ln 2
    [1e-3, -1000.5755719318103], // mpmath.digamma(0.001)
    [7.25, 1.910453526883736], // mpmath.digamma(7.25)
    [250, 5.519459584531046], // mpmath.digamma(250)
  ])('ψ(%f) = %f', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThan(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('is the derivative of lnGamma', () => {
    for (const x of [0.2, 2.43, 9.9, 120]) {
      const h = 1e-5 * x;
      expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 6);
    }
  });
});

describe('logAddExp and logistic', () => {
  it('stay finite where the naive forms overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12); // ln(2e^1000)
    expect(logAddExp(-Infinity, 3)).toBe(3);
    // e^−700 / (1 + e^−700) ≈ 9.86e−305: tiny but not 0/0 or NaN
    expect(logistic(700) / Math.exp(-700)).toBeCloseTo(1, 12);
    expect(logistic(-800)).toBe(1);
    expect(logistic(0)).toBe(0.5);
  });
});
