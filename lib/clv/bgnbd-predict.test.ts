import { describe, expect, it } from 'vitest';
import { expectedPurchases, expectedPurchasesNewCustomer, pAlive } from './bgnbd-predict';
import { lnGamma } from './special';
import type { BgNbdParams, PurchaseHistory } from './types';

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/**
 * An independent route to E[Y(t) | x, t_x, T] without 2F1: given active, the posterior
 * is λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x), independent, and E[Y(t) | λ, p] = (1 − e^(−λpt)) / p.
 * Integrating λ out gives g(p) = (1 − ((α+T)/(α+T+pt))^(r+x)) / p; p is integrated numerically by
 * tanh-sinh quadrature (p = 1 / (1 + e^(−π sinh s)), which tames the p^(a−1) and (1−p)^(b+x−1)
 * endpoint singularities), then multiplied by P(alive).
 */
function expectedByIntegration(params: BgNbdParams, customer: PurchaseHistory, t: number): number {
  const { r, alpha, a, b } = params;
  const { x, T } = customer;
  const shape = r + x;
  const g = (p: number) => -Math.expm1(-shape * Math.log1p((p * t) / (alpha + T))) / p;
  const h = 1 / 64;
  let sum = 0;
  for (let s = -5; s <= 5; s += h) {
    const u = Math.PI * Math.sinh(s);
    const lnP = -Math.log1p(Math.exp(-u));
    const lnQ = -Math.log1p(Math.exp(u));
    const p = Math.exp(lnP);
    // dp/ds = π cosh(s) p (1 − p); with the Beta kernel p^(a−1) (1−p)^(b+x−1) that is π cosh(s) p^a (1−p)^(b+x)
    const weight = Math.PI * Math.cosh(s) * Math.exp(a * lnP + (b + x) * lnQ);
    if (weight > 0) sum += weight * (p > 0 ? g(p) : (shape * t) / (alpha + T));
  }
  const logBeta = lnGamma(a) + lnGamma(b + x) - lnGamma(a + b + x);
  return pAlive(params, customer) * sum * h * Math.exp(-logBeta);
}

describe('pAlive', () => {
  it.each([
    // 1 / (1 + 0.793/(2.426+2−1) · ((4.414+38.86)/(4.414+30.43))^2.243) = 1 / (1 + 0.231465 · 1.625786) = 0.726579
    [{ x: 2, tx: 30.43, T: 38.86 }, 0.726579],
    // 1 / (1 + 0.793/2.426 · (43.274/6.124)^1.243) = 1 / (1 + 0.326876 · 11.364) = 0.212101
    [{ x: 1, tx: 1.71, T: 38.86 }, 0.212101],
    // x = 0: no repeat purchase, so no chance yet to drop out
    [{ x: 0, tx: 0, T: 38.86 }, 1],
  ])('%o → %f', (customer, expected) => {
    expect(pAlive(CDNOW, customer)).toBeCloseTo(expected, 6);
  });

  it('stays a probability for a very frequent buyer silent for a long time', () => {
    // odds = a/(b+x−1) · (α+T)^(r+x) / (α+t_x)^(r+x) overflow a double; the log form does not
    const value = pAlive(CDNOW, { x: 400, tx: 1, T: 300 });
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(1e-100);
  });

  it('falls the longer a customer stays silent', () => {
    const values = [40, 50, 60, 80].map((T) => pAlive(CDNOW, { x: 3, tx: 30, T }));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1] ?? 0);
  });
});

describe('expectedPurchases agrees with direct numerical integration', () => {
  // [label, params, relative tolerance]: the quadrature is good to ~1e-12, the closed form to ~1e-10;
  // next to a = 1 the closed form averages a ± 2e-5 (exact to O((2e-5)²)) and loses digits to cancellation.
  const params: readonly [string, BgNbdParams, number][] = [
    ['CDNOW (a < 1)', CDNOW, 1e-9],
    ['a > 1', { r: 1.3, alpha: 8, a: 1.7, b: 3.1 }, 1e-9],
    ['a + b < 1 (negative c for x = 0)', { r: 0.6, alpha: 2, a: 0.35, b: 0.45 }, 1e-9],
    ['a next to 1 (removable singularity)', { r: 0.5, alpha: 5, a: 1.000004, b: 2 }, 1e-8],
    ['a = 1 exactly', { r: 0.5, alpha: 5, a: 1, b: 2 }, 1e-8],
  ];
  const customers: PurchaseHistory[] = [
    { x: 0, tx: 0, T: 38.86 },
    { x: 1, tx: 1.71, T: 38.86 },
    { x: 2, tx: 30.43, T: 38.86 },
    { x: 12, tx: 37, T: 38 },
  ];
  for (const [label, p, tolerance] of params) {
    it(label, () => {
      for (const customer of customers) {
        for (const t of [4, 39, 260]) {
          const direct = expectedPurchases(p, customer, t);
          const integrated = expectedByIntegration(p, customer, t);
          expect(Math.abs(direct / integrated - 1), `${JSON.stringify(customer)} t=${t}: ${direct} vs ${integrated}`).toBeLessThan(tolerance);
        }
      }
    });
  }
});

describe('expectedPurchases', () => {
  it('is 0 for no time and grows with the horizon', () => {
    const customer = { x: 2, tx: 30.43, T: 38.86 };
    expect(expectedPurchases(CDNOW, customer, 0)).toBe(0);
    const series = [1, 4, 13, 39, 78, 520].map((t) => expectedPurchases(CDNOW, customer, t));
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThan(series[i - 1] ?? 0);
  });

  it('for a new customer equals the conditional one at x = 0, T = 0, and matches integration', () => {
    // FHL 2005 eq. 9: E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; t/(α+t))]
    for (const t of [39, 78]) {
      expect(expectedPurchasesNewCustomer(CDNOW, t)).toBeCloseTo(expectedPurchases(CDNOW, { x: 0, tx: 0, T: 0 }, t), 14);
      expect(Math.abs(expectedPurchasesNewCustomer(CDNOW, t) / expectedByIntegration(CDNOW, { x: 0, tx: 0, T: 0 }, t) - 1)).toBeLessThan(1e-6);
    }
  });

  it('stays finite for a frequent buyer over ten years (2F1 beyond 1e308)', () => {
    const value = expectedPurchases(CDNOW, { x: 300, tx: 38, T: 38.5 }, 520);
    expect(Number.isFinite(value)).toBe(true);
    // An active customer at rate ≈ (r+x)/(α+T) = 300.243/42.914 ≈ 7/week cannot exceed 7 · 520 ≈ 3,640
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(3640);
  });
});
