import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertMinor, tally, toReporting, type ExclusionTally } from './convert';
import type { CurrencyOptions } from './types';

const USD: CurrencyOptions = { reporting: 'USD', rates: { EUR: 1.08, JPY: 0.0067, KWD: 3.25, BAD: Number.NaN, ZERO: 0 } };
const m = (minor: number, currency: string) => ({ minor, currency });

describe('toReporting', () => {
  it.each([
    // amount, convertedAmount, expected
    ['CRM conversion wins over rates', m(10_000, 'EUR'), m(10_950, 'USD'), { ok: true, minor: 10_950 }],
    ['already in USD', m(12_345, 'USD'), undefined, { ok: true, minor: 12_345 }],
    // converted amount in another currency is ignored: EUR 100.00 × 1.08 = USD 108.00.
    ['converted in a foreign currency is not used', m(10_000, 'EUR'), m(9_000, 'GBP'), { ok: true, minor: 10_800 }],
    // EUR 19.99 × 1.08 = 21.5892 → 21.59.
    ['EUR rate', m(1_999, 'EUR'), undefined, { ok: true, minor: 2_159 }],
    // JPY has 0 digits: ¥1,000 × 0.0067 = $6.70 = 670 cents.
    ['JPY 0 digits → USD 2 digits', m(1_000, 'JPY'), undefined, { ok: true, minor: 670 }],
    // KWD has 3 digits: 1.500 KWD (1500 fils) × 3.25 = $4.875 → 4.88 (half away from zero).
    ['KWD 3 digits → USD 2 digits', m(1_500, 'KWD'), undefined, { ok: true, minor: 488 }],
    // Refunds keep their sign: −EUR 10.00 × 1.08 = −USD 10.80.
    ['negative amount', m(-1_000, 'EUR'), undefined, { ok: true, minor: -1_080 }],
    ['no rate', m(1_000, 'GBP'), undefined, { ok: false, reason: 'no exchange rate for GBP' }],
    ['NaN rate', m(1_000, 'BAD'), undefined, { ok: false, reason: 'invalid exchange rate for BAD' }],
    ['zero rate', m(1_000, 'ZERO'), undefined, { ok: false, reason: 'invalid exchange rate for ZERO' }],
    ['no amount', undefined, undefined, { ok: false, reason: 'no amount' }],
    ['only a converted amount', undefined, m(500, 'USD'), { ok: true, minor: 500 }],
    // 9.007e15 × 1.08 is beyond the exact integers of a double.
    ['too large', m(Number.MAX_SAFE_INTEGER, 'EUR'), undefined, { ok: false, reason: 'amount in EUR is too large to convert exactly' }],
  ] as const)('%s', (_name, amount, converted, expected) => {
    expect(toReporting(amount, converted, USD)).toEqual(expected);
  });

  it('converts to a currency with no minor unit', () => {
    // Reporting JPY, rate USD = 150: $12.34 = ¥1,851.
    expect(toReporting(m(1_234, 'USD'), undefined, { reporting: 'JPY', rates: { USD: 150 } })).toEqual({ ok: true, minor: 1_851 });
  });
});

describe('convertMinor', () => {
  it('rounds true halves away from zero despite float noise', () => {
    // 1005 × 1.1 = 1105.5 exactly on paper, 1105.5000000000002 in floats → 1106 either way.
    expect(convertMinor(1_005, 2, 2, 1.1)).toBe(1_106);
    // 0.5 × 1 = 0.5 → 1; −0.5 → −1.
    expect(convertMinor(5, 3, 2, 1)).toBe(1);
    expect(convertMinor(-5, 3, 2, 1)).toBe(-1);
    // 2.675 × 100 (a classic float trap: 267.49999999999997) → 268.
    expect(convertMinor(2_675, 3, 2, 1)).toBe(268);
  });

  it('stays within one minor unit of exact arithmetic and never returns -0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 100_000 }), (minor, rateMilli) => {
        const result = convertMinor(minor, 2, 2, rateMilli / 1000)!;
        const exact = (minor * rateMilli) / 1000;
        expect(Math.abs(result - exact)).toBeLessThanOrEqual(0.5 + 1e-6);
        expect(Object.is(result, -0)).toBe(false);
      }),
    );
  });
});

describe('tally', () => {
  it('adds up reasons', () => {
    const t: ExclusionTally = new Map();
    tally(t, 'no exchange rate for EUR');
    tally(t, 'no exchange rate for EUR', 2);
    tally(t, 'no amount');
    expect([...t]).toEqual([
      ['no exchange rate for EUR', 3],
      ['no amount', 1],
    ]);
  });
});
