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
    prediction('regular-recent', 6, 38, 39, 300), // bought last week: P(alive) high and barely moving
    prediction('regular-silent', 6, 20, 39, 300), // same value, silent for 19 weeks: P(alive) falling fast
    prediction('small-silent', 6, 20, 39, 30), // same pattern, a tenth of the value
    prediction('one-time', 0, 0, 39, 500), // BG/NBD: cannot have dropped out yet
    prediction('gone', 10, 5, 39, 1), // P(alive) ≈ 0: lapsed already
  ];

  it('puts high value with a falling P(alive) first', () => {
    const ranked = rankLapseRisk(BG, customers, { window: 4 });
    expect(ranked.map((r) => r.customerId)).toEqual(['regular-silent', 'regular-recent', 'small-silent']);
  });

  it('explains each score: value if active × the fall of P(alive) over the window', () => {
    const [top] = rankLapseRisk(BG, customers, { window: 4 });
    const now = pAlive(BG, { x: 6, tx: 20, T: 39 });
    const later = pAlive(BG, { x: 6, tx: 20, T: 43 }); // four more silent weeks
    expect(top?.pAlive).toBeCloseTo(now, 12);
    expect(top?.pAliveAfterWindow).toBeCloseTo(later, 12);
    expect(top?.drop).toBeCloseTo(now - later, 12);
    expect(top?.valueIfActive).toBeCloseTo(300 / now, 9);
    expect(top?.valueAtRisk).toBeCloseTo((300 / now) * (now - later), 9);
    expect(top?.silence).toBe(19); // 39 − 20 weeks since the last purchase
  });

  it('scores a tenth of the value at a tenth of the risk', () => {
    const ranked = rankLapseRisk(BG, customers);
    const big = ranked.find((r) => r.customerId === 'regular-silent');
    const small = ranked.find((r) => r.customerId === 'small-silent');
    expect((small?.valueAtRisk ?? 0) / (big?.valueAtRisk ?? 1)).toBeCloseTo(0.1, 12);
  });

  it('honours the limit and the P(alive) floor', () => {
    expect(rankLapseRisk(BG, customers, { limit: 1 })).toHaveLength(1);
    const strict = rankLapseRisk(BG, customers, { minPAlive: 0.9 });
    expect(strict.every((r) => r.pAlive >= 0.9)).toBe(true);
    expect(() => rankLapseRisk(BG, customers, { window: 0 })).toThrow(RangeError);
  });
});
