import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd-fit';
import { fitGammaGamma } from './gamma-gamma';
import { createRandom } from './random';
import { simulateCustomers } from './simulate';
import type { BgNbdParams, GammaGammaParams } from './types';

/**
 * Fitting customers simulated from known parameters must give them back. How close
 * is set by the estimator's own uncertainty: maximum-likelihood estimates are
 * asymptotically normal around the truth with the standard errors of the observed
 * information, so each estimate must lie within 4 standard errors (a miss has
 * probability 6e-5 per parameter if the fit is right, while a biased likelihood or a
 * wrong gradient would typically miss by many). And the standard errors must be
 * small (below 8 % of the value), so that "within 4 SE" is a sharp test.
 */
const TRUE_BGNBD: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TRUE_SPEND: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('recovery of known parameters from simulated customers', () => {
  // 20,000 customers observed 52–104 weeks since their first purchase (a two-year cohort).
  const customers = simulateCustomers(createRandom(20240601), 20_000, TRUE_BGNBD, { minAge: 52, maxAge: 104, spend: TRUE_SPEND });

  it('BG/NBD: r, α, a, b within 4 standard errors', () => {
    const fit = fitBgNbd(customers);
    const errors = fit.standardErrors;
    expect(errors).toBeDefined();
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      const se = errors?.[key] ?? Number.NaN;
      expect(se / TRUE_BGNBD[key], `SE of ${key}`).toBeLessThan(0.08);
      expect(Math.abs(fit.params[key] - TRUE_BGNBD[key]), `${key}: ${fit.params[key]} ± ${se}`).toBeLessThan(4 * se);
    }
  });

  it('Gamma-Gamma: p, q, γ within 4 standard errors', () => {
    const fit = fitGammaGamma(customers);
    const errors = fit.standardErrors;
    expect(errors).toBeDefined();
    for (const key of ['p', 'q', 'gamma'] as const) {
      const se = errors?.[key] ?? Number.NaN;
      expect(se / TRUE_SPEND[key], `SE of ${key}`).toBeLessThan(0.08);
      expect(Math.abs(fit.params[key] - TRUE_SPEND[key]), `${key}: ${fit.params[key]} ± ${se}`).toBeLessThan(4 * se);
    }
    // Spend was drawn independently of frequency, as the model assumes.
    expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(0.05);
  });

  it('a different seed also recovers them (the result is not one lucky draw)', () => {
    const other = simulateCustomers(createRandom(77), 20_000, TRUE_BGNBD, { minAge: 52, maxAge: 104 });
    const fit = fitBgNbd(other);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] - TRUE_BGNBD[key])).toBeLessThan(4 * (fit.standardErrors?.[key] ?? 0));
    }
  });
});
