import { describe, expect, it } from 'vitest';
import { parsePeriodSpec } from '../../period/parse';
import { CAL, kpi, okOf, spend } from '../test-fixtures';
import { customers } from './fixtures/customer-base';

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
    expect(kpi('cac', { customers, spend: spends }, { period: july, asOf: july.end })).toMatchObject({
      status: 'needs-data',
      message: 'No spend is entered for 2017-07.',
    });
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
