import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd-fit';
import { expectedPurchases, pAlive } from './bgnbd-predict';
import { ClvFitError, type ClvFitErrorCode } from './errors';
import { fitGammaGamma } from './gamma-gamma';
import { createRandom } from './random';
import { simulateCustomers } from './simulate';
import type { PurchaseHistory } from './types';

function codeOf(run: () => unknown): ClvFitErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (error instanceof ClvFitError) return error.code;
    throw error;
  }
}

const repeat = (n: number, history: PurchaseHistory) => Array.from({ length: n }, () => ({ ...history }));
const mixed = [...repeat(30, { x: 0, tx: 0, T: 30 }), ...repeat(5, { x: 2, tx: 10, T: 30 }), ...repeat(5, { x: 1, tx: 4, T: 20 })];

describe('fitBgNbd refuses data that cannot support it, with a typed reason', () => {
  it.each<[string, ClvFitErrorCode, PurchaseHistory[]]>([
    ['12 customers', 'too-few-customers', mixed.slice(28)],
    ['nobody bought twice', 'no-repeat-purchases', repeat(50, { x: 0, tx: 0, T: 30 })],
    ['3 repeat customers', 'too-few-repeat-customers', [...repeat(40, { x: 0, tx: 0, T: 30 }), ...repeat(3, { x: 1, tx: 5, T: 30 })]],
    ['a NaN', 'invalid-input', [...mixed, { x: Number.NaN, tx: 0, T: 30 }]],
    ['an infinite age', 'invalid-input', [...mixed, { x: 0, tx: 0, T: Infinity }]],
    ['a fractional x', 'invalid-input', [...mixed, { x: 1.5, tx: 3, T: 30 }]],
    ['recency after age', 'invalid-input', [...mixed, { x: 1, tx: 31, T: 30 }]],
    ['repeat purchases with recency 0', 'invalid-input', [...mixed, { x: 2, tx: 0, T: 30 }]],
    ['everyone of age 0', 'invalid-input', repeat(40, { x: 0, tx: 0, T: 0 })],
  ])('%s → %s', (_label, code, customers) => {
    expect(codeOf(() => fitBgNbd(customers))).toBe(code);
  });

  it('names the parameter that runs away when nobody ever drops out and everyone buys alike', () => {
    // Identical Poisson(1/week) buyers, no dropout: the likelihood rises as r → ∞ (no heterogeneity)
    // or b → ∞ (dropout probability → 0), so no finite maximum exists.
    const random = createRandom(5);
    const customers = simulateCustomers(random, 400, { r: 1e9, alpha: 1e9, a: 1e-9, b: 1e9 }, { minAge: 30, maxAge: 40 });
    let error: unknown;
    try {
      fitBgNbd(customers);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ClvFitError);
    expect((error as ClvFitError).code).toBe('degenerate-fit');
    expect((error as ClvFitError).message).toMatch(/→ (∞|0)/);
  });

  it('thresholds can be lowered for small books', () => {
    expect(codeOf(() => fitBgNbd(mixed.slice(10), { minCustomers: 20, minRepeatCustomers: 5 }))).not.toBe('too-few-customers');
  });
});

describe('fitGammaGamma refuses data that cannot support it', () => {
  const spenders = Array.from({ length: 30 }, (_, i) => ({ x: 1 + (i % 4), mx: 10 + i }));
  it.each<[string, ClvFitErrorCode, { x: number; mx: number }[]]>([
    ['10 repeat customers', 'too-few-repeat-customers', spenders.slice(0, 10)],
    ['everyone spends the same', 'no-spend-variation', spenders.map((c) => ({ ...c, mx: 25 }))],
    ['a NaN spend', 'invalid-input', [...spenders, { x: 2, mx: Number.NaN }]],
    ['a negative x', 'invalid-input', [...spenders, { x: -1, mx: 3 }]],
  ])('%s → %s', (_label, code, customers) => {
    expect(codeOf(() => fitGammaGamma(customers))).toBe(code);
  });

  it('refuses a spend distribution without a finite mean (q ≤ 1)', () => {
    // ν ~ Gamma(q = 0.6, γ): mean spend p/ν has E[1/ν] = ∞ when q ≤ 1
    const customers = simulateCustomers(
      createRandom(11),
      4000,
      { r: 2, alpha: 4, a: 1, b: 4 },
      {
        minAge: 30,
        maxAge: 40,
        spend: { p: 3, q: 0.6, gamma: 5 },
      },
    );
    expect(codeOf(() => fitGammaGamma(customers))).toBe('infinite-mean-spend');
  });

  it('leaves out repeat customers whose mean spend is 0 and says so', () => {
    const fit = fitGammaGamma([...spenders, { x: 2, mx: 0 }, { x: 0, mx: 0 }]);
    expect(fit.customers).toBe(30);
    expect(fit.excluded).toEqual([
      { count: 1, reason: 'no repeat purchase (x = 0)' },
      { count: 1, reason: 'mean repeat spend not above 0' },
    ]);
  });
});

describe('never NaN', () => {
  it('any small data set either fits to finite numbers or fails with a ClvFitError', () => {
    const history = fc
      .record({ x: fc.nat(30), T: fc.double({ min: 0.1, max: 100, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ x, T, share }) => ({ x, T, tx: x > 0 ? Math.max(share * T, 1e-3 * T) : 0 }));
    fc.assert(
      fc.property(fc.array(history, { minLength: 30, maxLength: 120 }), (customers) => {
        try {
          const fit = fitBgNbd(customers, { minCustomers: 30, minRepeatCustomers: 1 });
          expect(Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
          for (const c of customers.slice(0, 5)) {
            expect(Number.isFinite(expectedPurchases(fit.params, c, 52))).toBe(true);
            expect(pAlive(fit.params, c)).toBeGreaterThanOrEqual(0);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(ClvFitError);
        }
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
