import { describe, expect, it } from 'vitest';
import type { Deal } from '../model';
import { purchasesFromDeals, predictiveClvFromDeals } from './from-deals';
import { cdnowDeals } from './test-cdnow-deals';
import { PUBLISHED } from './test-cdnow-files';

const USD = { reporting: 'USD', rates: { EUR: 1.1 } };
/** 1997-09-30 23:59:59.999 UTC: the end of CDNOW's 39-week calibration. */
const CALIBRATION_END = Date.UTC(1997, 8, 30, 23, 59, 59, 999);

function deal(id: string, extra: Partial<Deal>): Deal {
  return { source: 'test', externalId: id, updatedAt: 0, title: id, ownerId: 'rep', status: 'won', lineItems: [], ...extra };
}

describe('predictiveClvFromDeals on CDNOW as won deals', () => {
  const result = predictiveClvFromDeals(cdnowDeals(), { asOf: CALIBRATION_END, timeZone: 'UTC', currency: USD, horizonWeeks: 52 });

  it('fits the published parameters (spend in cents: γ is 100 × the dollar γ)', () => {
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    const { r, alpha, a, b } = result.bgnbd.params;
    const { p, q, gamma } = result.gammaGamma.params;
    const within = (value: number, published: number) => Math.abs(value / published - 1) <= 0.01;
    expect([within(r, PUBLISHED.bgnbd.r), within(alpha, PUBLISHED.bgnbd.alpha), within(a, PUBLISHED.bgnbd.a), within(b, PUBLISHED.bgnbd.b)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([within(p, PUBLISHED.gammaGamma.p), within(q, PUBLISHED.gammaGamma.q), within(gamma / 100, PUBLISHED.gammaGamma.gamma)]).toEqual([true, true, true]);
    expect(result.counts).toEqual({ transactions: 4960, customers: 2357, repeatCustomers: 946 }); // deals up to 1997-09-30
    expect(result.currency).toBe('USD');
    expect(result.calibrationEnd).toBe('1997-09-30');
  });

  it('averages the customers’ CLVs and leaves out the later deals with a reason', () => {
    if (result.status !== 'ok') throw new Error(result.reason);
    expect(result.averageClv).toBeCloseTo(result.customers.reduce((s, c) => s + c.clv, 0) / 2357, 6);
    expect(result.averageClv).toBeGreaterThan(0);
    // 6,919 rows in the log, 4,960 of them on or before 1997-09-30 (`awk '$3 <= 19970930'`); 1,959 come later
    expect(result.excluded).toEqual([{ count: 6919 - 4960, reason: 'won deals closed after the as-of date' }]);
    expect(result.dealIds).toHaveLength(4960);
  });
});

describe('purchasesFromDeals', () => {
  it('counts every won deal it cannot use, by reason', () => {
    const deals = [
      deal('ok', { customerId: 'A', closedAt: Date.UTC(2024, 0, 5, 12), amount: { minor: 1000, currency: 'USD' } }),
      deal('eur', { customerId: 'A', closedAt: Date.UTC(2024, 0, 6), amount: { minor: 1000, currency: 'EUR' } }), // 10.00 EUR × 1.1 = 11.00 USD
      deal('crm-converted', {
        customerId: 'B',
        closedAt: Date.UTC(2024, 0, 6),
        amount: { minor: 500, currency: 'GBP' },
        convertedAmount: { minor: 640, currency: 'USD' },
      }),
      deal('open', { status: 'open', customerId: 'A', amount: { minor: 1, currency: 'USD' } }), // not a purchase, not counted
      deal('no-customer', { closedAt: Date.UTC(2024, 0, 5), amount: { minor: 1, currency: 'USD' } }),
      deal('no-close', { customerId: 'A', amount: { minor: 1, currency: 'USD' } }),
      deal('late', { customerId: 'A', closedAt: Date.UTC(2024, 1, 1), amount: { minor: 1, currency: 'USD' } }),
      deal('no-amount', { customerId: 'A', closedAt: Date.UTC(2024, 0, 5) }),
      deal('no-rate', { customerId: 'A', closedAt: Date.UTC(2024, 0, 5), amount: { minor: 1, currency: 'JPY' } }),
      deal('refund', { customerId: 'A', closedAt: Date.UTC(2024, 0, 5), amount: { minor: -300, currency: 'USD' } }),
    ];
    const purchases = purchasesFromDeals(deals, { asOf: Date.UTC(2024, 0, 31), timeZone: 'Europe/Moscow', currency: USD });
    expect(purchases.wonDeals).toBe(9);
    expect(purchases.dealIds).toEqual(['ok', 'eur', 'crm-converted']);
    expect(purchases.transactions.map((t) => [t.customerId, t.amount])).toEqual([
      ['A', 1000],
      ['A', 1100],
      ['B', 640],
    ]);
    expect(purchases.excluded).toEqual([
      { count: 1, reason: 'won deals without a customer' },
      { count: 1, reason: 'won deals without a close date' },
      { count: 1, reason: 'won deals closed after the as-of date' },
      { count: 1, reason: 'no amount' },
      { count: 1, reason: 'no exchange rate for JPY' },
      { count: 1, reason: 'won deals with a negative amount' },
    ]);
  });

  it('dates a purchase by the local day it closed on', () => {
    // 2024-01-05 22:00 UTC is already 2024-01-06 01:00 in Moscow
    const late = [deal('x', { customerId: 'A', closedAt: Date.UTC(2024, 0, 5, 22), amount: { minor: 1, currency: 'USD' } })];
    const utc = purchasesFromDeals(late, { asOf: Date.UTC(2024, 1, 1), timeZone: 'UTC', currency: USD });
    const moscow = purchasesFromDeals(late, { asOf: Date.UTC(2024, 1, 1), timeZone: 'Europe/Moscow', currency: USD });
    expect((moscow.transactions[0]?.day ?? 0) - (utc.transactions[0]?.day ?? 0)).toBe(1);
  });
});

describe('predictiveClvFromDeals when the data cannot support a fit', () => {
  it('returns the typed reason and the counts instead of numbers', () => {
    const few = Array.from({ length: 12 }, (_, i) =>
      deal(`d${i}`, { customerId: `C${i % 6}`, closedAt: Date.UTC(2024, 0, 1 + i), amount: { minor: 1000 + i, currency: 'USD' } }),
    );
    const result = predictiveClvFromDeals(few, { asOf: Date.UTC(2024, 5, 1), timeZone: 'UTC', currency: USD });
    expect(result).toMatchObject({ status: 'cannot-fit', code: 'too-few-customers', counts: { transactions: 12, customers: 6, repeatCustomers: 6 } });
    if (result.status === 'cannot-fit') expect(result.reason).toBe('BG/NBD needs at least 30 customers, got 6');
  });
});
