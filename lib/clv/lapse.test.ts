import { describe, expect, it } from 'vitest';
import { pAlive } from './bgnbd-predict';
import type { CustomerPrediction } from './clv';
import { rankLapseRisk } from './lapse';
import type { BgNbdParams } from './types';

const BG: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function prediction(customerId: string, x: number, tx: number, T: number, clv: number): CustomerPrediction {
  return { customerId, x, tx, T, mx: 20, firstDay: 0, pAlive: pAlive(BG, { x, tx, T }), expectedPurchases: 1, expectedSpend: 20, clv };
}

describe('rankLapseRisk', () => {
  const customers = [
    prediction('regular-recent', 6, 38, 39, 300), // bought last week: P(alive) has hardly moved
    prediction('regular-quiet', 6, 30, 39, 300), // same value, quiet for 9 weeks: P(alive) has fallen
    prediction('small-quiet', 6, 30, 39, 30), // same pattern, a tenth of the value
    prediction('one-time', 0, 0, 39, 500), // BG/NBD: cannot have dropped out yet
    prediction('gone', 10, 5, 39, 1), // P(alive) ≈ 0: lapsed already
  ];

  it('puts high value with a fallen P(alive) first, and leaves out one-time buyers and the lapsed', () => {
    const ranked = rankLapseRisk(BG, customers);
    expect(ranked.map((r) => r.customerId)).toEqual(['regular-quiet', 'small-quiet', 'regular-recent']);
  });

  it('explains each score: value if active × the fall of P(alive) since the last purchase', () => {
    const [top] = rankLapseRisk(BG, customers, { window: 4 });
    const now = pAlive(BG, { x: 6, tx: 30, T: 39 });
    // Right after the 6th repeat purchase: 1 / (1 + a/(b+x−1)) = 1 / (1 + 0.793/7.426) = 7.426/8.219 = 0.903516
    const atLast = 7.426 / 8.219;
    expect(top?.pAliveAtLastPurchase).toBeCloseTo(atLast, 12);
    expect(top?.pAlive).toBeCloseTo(now, 12);
    expect(top?.fall).toBeCloseTo(atLast - now, 12);
    expect(top?.pAliveAfterWindow).toBeCloseTo(pAlive(BG, { x: 6, tx: 30, T: 43 }), 12); // four more quiet weeks
    expect(top?.pAliveAfterWindow).toBeLessThan(now);
    expect(top?.valueIfActive).toBeCloseTo(300 / now, 9);
    expect(top?.valueAtRisk).toBeCloseTo((300 / now) * (atLast - now), 9);
    expect(top?.silence).toBe(9); // 39 − 30 weeks since the last purchase
  });

  it('scores a tenth of the value at a tenth of the risk', () => {
    const ranked = rankLapseRisk(BG, customers);
    const big = ranked.find((r) => r.customerId === 'regular-quiet');
    const small = ranked.find((r) => r.customerId === 'small-quiet');
    expect((small?.valueAtRisk ?? 0) / (big?.valueAtRisk ?? 1)).toBeCloseTo(0.1, 12);
  });

  it('honours the limit and the P(alive) floor', () => {
    expect(rankLapseRisk(BG, customers, { limit: 1 })).toHaveLength(1);
    const strict = rankLapseRisk(BG, customers, { minPAlive: 0.9 });
    expect(strict.every((r) => r.pAlive >= 0.9)).toBe(true);
    expect(strict.length).toBeLessThan(3);
    expect(() => rankLapseRisk(BG, customers, { window: 0 })).toThrow(RangeError);
  });
});
