import { describe, expect, it } from 'vitest';
import { expectedPurchases } from './bgnbd-predict';
import { customerClv, predictCustomers, WEEKS_PER_YEAR } from './clv';
import { expectedSpend } from './gamma-gamma';
import type { BgNbdParams, CustomerSummary, GammaGammaParams } from './types';

const BG: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };
const customer: CustomerSummary = { customerId: 'c1', x: 2, tx: 30.43, T: 38.86, mx: 22.35, firstDay: 9862 };

describe('expectedSpend (Gamma-Gamma conditional mean)', () => {
  it.each([
    // x = 0: population mean γp/(q−1) = 15.44·6.25/2.74 = 96.5/2.74 = 35.21898
    [{ x: 0, mx: 0 }, 35.21898],
    // (γ + x·m)p/(px+q−1) = (15.44 + 2·22.35)·6.25/(12.5 + 2.74) = 375.875/15.24 = 24.66371
    [{ x: 2, mx: 22.35 }, 24.66371],
    // (15.44 + 10·50)·6.25/(62.5 + 2.74) = 3221.5/65.24 = 49.37922: ten purchases pull it close to the own mean 50
    [{ x: 10, mx: 50 }, 49.37922],
  ])('%o → %f', (history, expected) => {
    expect(expectedSpend(GG, history)).toBeCloseTo(expected, 4);
  });
});

describe('customerClv', () => {
  it('with one yearly step is E[purchases in a year] × spend / (1 + rate)', () => {
    const year = WEEKS_PER_YEAR; // 365.25/7 = 52.1786 weeks
    const result = customerClv(BG, GG, customer, { horizon: year, step: year, annualDiscountRate: 0.1 });
    const purchases = expectedPurchases(BG, customer, year);
    expect(result.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(result.expectedSpend).toBeCloseTo(24.66371, 4);
    expect(result.clv).toBeCloseTo((purchases * 24.663714) / 1.1, 4);
  });

  it('without discounting telescopes to E[purchases over the horizon] × spend, whatever the step', () => {
    const purchases = expectedPurchases(BG, customer, 78);
    for (const step of [1, 4.3, 13, 78]) {
      const result = customerClv(BG, GG, customer, { horizon: 78, step, annualDiscountRate: 0 });
      expect(result.clv).toBeCloseTo(purchases * 24.663714, 4);
    }
  });

  it('discounts month by month at the monthly equivalent of the annual rate', () => {
    // Monthly steps of a year: Σₖ (E(k·s) − E((k−1)·s)) / (1 + m)^k with m = 1.1^(1/12) − 1 = 0.0079741
    const s = WEEKS_PER_YEAR / 12;
    const m = 1.1 ** (1 / 12) - 1;
    let expected = 0;
    for (let k = 1; k <= 12; k++) expected += (expectedPurchases(BG, customer, k * s) - expectedPurchases(BG, customer, (k - 1) * s)) / (1 + m) ** k;
    const result = customerClv(BG, GG, customer, { horizon: WEEKS_PER_YEAR, annualDiscountRate: 0.1 });
    expect(result.clv).toBeCloseTo(expected * 24.663714, 4);
    // and discounting can only lower the value: between the undiscounted one and it discounted a full year
    const undiscounted = expectedPurchases(BG, customer, WEEKS_PER_YEAR) * 24.663714;
    expect(result.clv).toBeLessThan(undiscounted);
    expect(result.clv).toBeGreaterThan(undiscounted / 1.1);
  });

  it('scales with the margin', () => {
    const revenue = customerClv(BG, GG, customer, { horizon: 52, annualDiscountRate: 0.1 }).clv;
    const profit = customerClv(BG, GG, customer, { horizon: 52, annualDiscountRate: 0.1, margin: 0.3 }).clv;
    expect(profit).toBeCloseTo(0.3 * revenue, 10);
  });

  it('ends with a shorter last step when the horizon is not a whole number of steps', () => {
    // 10 weeks in 4-week steps: 4, 8, 10; with no discount the sum is still E(10) × spend
    const result = customerClv(BG, GG, customer, { horizon: 10, step: 4, annualDiscountRate: 0 });
    expect(result.expectedPurchases).toBeCloseTo(expectedPurchases(BG, customer, 10), 12);
  });

  it.each([
    [{ horizon: 0, annualDiscountRate: 0.1 }, /horizon/],
    [{ horizon: Number.NaN, annualDiscountRate: 0.1 }, /horizon/],
    [{ horizon: 52, annualDiscountRate: -1 }, /discount/],
    [{ horizon: 52, annualDiscountRate: 0.1, step: 0 }, /step/],
    [{ horizon: 52, annualDiscountRate: 0.1, step: 1e-6 }, /steps/],
    [{ horizon: 52, annualDiscountRate: 0.1, margin: -0.2 }, /margin/],
  ])('rejects %o', (options, message) => {
    expect(() => customerClv(BG, GG, customer, options)).toThrow(message);
  });
});

describe('predictCustomers', () => {
  it('adds P(alive), purchases, spend and CLV to each summary', () => {
    const [one, fresh] = predictCustomers(BG, GG, [customer, { ...customer, customerId: 'c2', x: 0, tx: 0, mx: 0 }], {
      horizon: 39,
      annualDiscountRate: 0,
    });
    expect(one?.customerId).toBe('c1');
    expect(one?.pAlive).toBeCloseTo(0.726579, 6); // see bgnbd-predict.test.ts
    expect(one?.expectedPurchases).toBeCloseTo(1.226, 3); // the published conditional expectation
    expect(one?.clv).toBeCloseTo((one?.expectedPurchases ?? 0) * 24.663714, 4);
    expect(fresh?.pAlive).toBe(1);
    expect(fresh?.expectedSpend).toBeCloseTo(35.21898, 4);
  });
});
