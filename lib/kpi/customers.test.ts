import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../period/parse';
import { CAL, JUNE, at, customer, kpi, money, mrrMove, okOf, spend } from './test-fixtures';

// At 1 June: C1 C2 C3 C6 C8 C9 (6). Lost in June from those: C2 C3 C8 (3; C3 for non-payment).
// Acquired in June: C4 C5 (C5 lost again in June). At 1 July: C1 C4 C6 C9 (4).
const customers = [
  customer({ externalId: 'C1', acquiredAt: at('2016-01-01') }),
  customer({ externalId: 'C2', acquiredAt: at('2016-05-01'), churnedAt: at('2017-06-10'), churnReason: 'voluntary' }),
  customer({ externalId: 'C3', acquiredAt: at('2017-01-01'), churnedAt: at('2017-06-20'), churnReason: 'non-payment' }),
  customer({ externalId: 'C4', acquiredAt: JUNE.start }), // acquired exactly at the start: new in June
  customer({ externalId: 'C5', acquiredAt: at('2017-06-05'), churnedAt: at('2017-06-25') }),
  customer({ externalId: 'C6' }), // no dates: a customer since before the data
  customer({ externalId: 'C7', acquiredAt: JUNE.end }), // acquired exactly at the end: July's
  customer({ externalId: 'C8', acquiredAt: at('2016-02-01'), churnedAt: JUNE.start }), // lost exactly at the start: June's loss
  customer({ externalId: 'C9', acquiredAt: at('2016-03-01'), churnedAt: JUNE.end }), // lost exactly at the end: July's loss
];

describe('churn', () => {
  it('is customers lost ÷ customers at the start, with passive and revenue churn', () => {
    const r = okOf(kpi('churn', { customers, mrrMovements: movements }));
    expect(r.value).toBe(50); // 3 ÷ 6
    expect(r.counts).toEqual({ atStart: 6, lost: 3, lostPassive: 1, lostNew: 1 });
    expect(r.parts).toMatchObject({
      customerChurnPct: 50,
      passiveChurnPct: (1 / 6) * 100, // C3
      churnedMrr: 31_000, // 200 + 50 + 60 (see the MRR table below)
      contractionMrr: 0,
      revenueChurnPct: (310 / 530) * 100,
    });
    expect([...r.recordIds].sort()).toEqual(['C2', 'C3', 'C8']);
  });

  it('needs customers, and is not defined with none at the start', () => {
    expect(kpi('churn', {})).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    expect(kpi('churn', { customers: [customers[3]!] })).toMatchObject({ status: 'not-defined', reason: 'no customers at period start' });
  });
});

describe('retentionRate', () => {
  it('is (customers at end − new ones) ÷ customers at start', () => {
    const r = okOf(kpi('retentionRate', { customers }));
    expect(r.value).toBeCloseTo(((4 - 2) / 6) * 100, 12); // C5 came and went, so it is below 100 − churn
    expect(r.counts).toEqual({ atStart: 6, atEnd: 4, acquired: 2, lost: 3 });
  });

  it('needs customers, and is not defined with none at the start', () => {
    expect(kpi('retentionRate', {})).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    expect(kpi('retentionRate', { customers: [customers[3]!] })).toMatchObject({ status: 'not-defined', reason: 'no customers at period start' });
  });
});

// MRR at 1 June: C1 100 + 50 + 20 = 170, C2 200, C3 80 − 30 = 50, C9 EUR 100 = USD 110 → 530.
const movements = [
  mrrMove('new', 100, '2016-01-01', { customerId: 'C1' }),
  mrrMove('expansion', 50, '2017-03-01', { customerId: 'C1' }),
  mrrMove('expansion', 20, '2017-05-20', { customerId: 'C1' }), // May's expansion
  mrrMove('new', 200, '2016-05-01', { customerId: 'C2' }),
  mrrMove('new', 80, '2017-01-01', { customerId: 'C3' }),
  mrrMove('contraction', 30, '2017-05-10', { customerId: 'C3' }),
  mrrMove('new', 0, '2016-06-01', { customerId: 'C9', amount: money(100, 'EUR') }),
  mrrMove('churn', 200, '2017-06-10', { customerId: 'C2' }),
  mrrMove('churn', 50, '2017-06-20', { customerId: 'C3' }),
  mrrMove('new', 120, '2017-06-01', { customerId: 'C4' }), // exactly at the start: June's
  mrrMove('new', 60, '2017-06-05', { customerId: 'C5' }),
  mrrMove('churn', 60, '2017-06-25', { customerId: 'C5' }),
  mrrMove('expansion', 40, '2017-06-15', { customerId: 'C1' }),
  mrrMove('reactivation', 30, '2017-06-28', { customerId: 'C6' }),
  mrrMove('expansion', 999, '2017-07-01', { customerId: 'C1' }), // exactly at the end: July's
  mrrMove('new', 0, '2017-06-02', { customerId: 'C6', amount: money(10, 'GBP') }), // no rate
];

describe('mrr', () => {
  it('splits the period MRR movements and nets them', () => {
    const r = okOf(kpi('mrr', { customers, mrrMovements: movements }));
    expect(r.value).toBe(-6_000); // 180 + 40 + 30 − 0 − 310 = −60
    expect(r.parts).toEqual({
      new: 18_000, // C4 120 + C5 60
      expansion: 4_000,
      reactivation: 3_000,
      contraction: 0,
      churned: 31_000, // C2 200 + C3 50 + C5 60
      net: -6_000,
      mrrStart: 53_000,
      mrrEnd: 47_000, // 530 − 60
      mrrPerNewCustomer: 9_000, // 180 ÷ 2
      expansionRatePct: (40 / 530) * 100,
      expansionGrowthPct: 100, // (40 − 20) ÷ 20
    });
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('needs MRR movements, and leaves growth out when the previous expansion is 0', () => {
    expect(kpi('mrr', {})).toMatchObject({ status: 'needs-data', missing: ['mrrMovements'] });
    const r = okOf(kpi('mrr', { mrrMovements: [mrrMove('expansion', 10, '2017-06-03')] }));
    expect(r.parts.expansionGrowthPct).toBeUndefined(); // May had none: growth from 0 is not defined
    expect(r.parts.expansionRatePct).toBeUndefined(); // MRR at start 0
  });
});

describe('cac', () => {
  const spends = [spend('2017-06', 'sales', 3000), spend('2017-06', 'marketing', 1000), spend('2017-05', 'marketing', 500)];

  it('divides the spend of the period by the new customers', () => {
    const r = okOf(kpi('cac', { customers, spend: spends }));
    expect(r.value).toBe(200_000); // (3,000 + 1,000) ÷ 2 (C4, C5)
    expect(r.parts).toEqual({ salesSpend: 300_000, marketingSpend: 100_000 });
  });

  it('takes a month of spend pro rata by days over a week', () => {
    const week = parsePeriodSpec('2017-W23', CAL); // 5–11 June: C5 acquired
    const r = okOf(kpi('cac', { customers, spend: spends }, { period: week, asOf: week.end }));
    expect(r.value).toBe(93_333); // 4,000 × 7 ÷ 30 = 933.33 ÷ 1 customer
  });

  it('needs spend and customers, for the whole company only', () => {
    expect(kpi('cac', {})).toMatchObject({ status: 'needs-data', missing: ['spend'] });
    expect(kpi('cac', { spend: spends })).toMatchObject({ status: 'needs-data', missing: ['customers'] });
    const july = parsePeriodSpec('2017-07', CAL);
    expect(kpi('cac', { customers, spend: spends }, { period: july, asOf: july.end })).toMatchObject({ status: 'needs-data', message: 'No spend is entered for 2017-07.' });
    expect(kpi('cac', { customers, spend: spends }, { scope: { ownerIds: ['alice'] } })).toMatchObject({ status: 'not-defined' });
  });

  it('is not defined with no new customer (zero denominator)', () => {
    expect(kpi('cac', { customers: customers.slice(0, 3), spend: spends })).toMatchObject({
      status: 'not-defined',
      reason: 'no new customers in the period',
      numerator: 400_000,
      denominator: 0,
    });
  });
});
