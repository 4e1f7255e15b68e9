import { describe, expect, it } from 'vitest';
import { parseDay } from './days';
import { predictiveClv } from './predictive';
import { createRandom } from './random';
import { simulateCustomers } from './simulate';
import type { Transaction } from './types';

const START = parseDay('2024-01-01') ?? 0;

/**
 * Simulated customers turned into day-level purchases: first purchase on START + offset, repeats
 * after it; amounts Gamma(6, ν) with ν ~ Gamma(4, 15) per customer (spend must differ between
 * customers, or Gamma-Gamma has no heterogeneity to fit and rightly reports q → ∞).
 */
function purchaseLog(count: number): Transaction[] {
  const random = createRandom(99);
  const log: Transaction[] = [];
  simulateCustomers(random, count, { r: 0.8, alpha: 6, a: 0.9, b: 3 }, { minAge: 20, maxAge: 40 }).forEach((c) => {
    const first = START + Math.floor((40 - c.T) * 7);
    const nu = random.gamma(4, 15);
    log.push({ customerId: c.customerId, day: first, amount: random.gamma(6, nu) });
    // x repeat purchases on distinct days spread up to t_x weeks after the first
    for (let k = 1; k <= c.x; k++)
      log.push({ customerId: c.customerId, day: first + Math.max(k, Math.round((c.tx * 7 * k) / c.x)), amount: random.gamma(6, nu) });
  });
  return log;
}

describe('predictiveClv', () => {
  const calibrationEnd = START + 40 * 7;

  it('returns fits, per-customer predictions and the average CLV', () => {
    const result = predictiveClv(purchaseLog(400), calibrationEnd, { horizonWeeks: 26 });
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.averageClv).toBeCloseTo(result.totalClv / result.customers.length, 9);
    expect(result.customers.every((c) => Number.isFinite(c.clv) && c.clv >= 0)).toBe(true);
    expect(result.horizonWeeks).toBe(26);
    expect(result.counts.customers).toBe(400);
  });

  it('keeps the counts and exclusions when it cannot fit', () => {
    const late: Transaction[] = [{ customerId: 'late', day: calibrationEnd + 3, amount: 5 }];
    const result = predictiveClv([...purchaseLog(10), ...late], calibrationEnd);
    expect(result).toMatchObject({ status: 'cannot-fit', code: 'too-few-customers', counts: { customers: 10 } });
    expect(result.excluded).toEqual([{ count: 1, reason: 'customers whose first purchase is after the calibration end' }]);
  });

  it('refuses impossible options before fitting anything', () => {
    expect(() => predictiveClv([], calibrationEnd, { horizonWeeks: 0 })).toThrow(RangeError);
    expect(() => predictiveClv([], calibrationEnd, { annualDiscountRate: Number.NaN })).toThrow(RangeError);
  });
});
