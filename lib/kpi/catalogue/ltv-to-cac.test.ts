import { describe, expect, it } from 'vitest';
import { at, customer, kpi, okOf, spend } from '../test-fixtures';
import { customers, deals } from './fixtures/clv-customers';

describe('ltvToCac', () => {
  // Two new customers in June (C11, C12): 10 at the end → (4,700 ÷ 10) × 60 % ÷ 20 % = 1,410 CLV.
  const withNew = [...customers, customer({ externalId: 'C11', acquiredAt: at('2017-06-10') }), customer({ externalId: 'C12', acquiredAt: at('2017-06-11') })];

  it.each([
    [940, 'on-track'], // CAC 940 ÷ 2 = 470: 1,410 ÷ 470 = 3
    [1410, 'at-risk'], // CAC 705: ratio 2
    [5000, 'off-track'], // CAC 2,500: ratio 0.564
  ])('with USD %d of spend is %s', (major, status) => {
    const r = okOf(kpi('ltvToCac', { customers: withNew, deals, spend: [spend('2017-06', 'marketing', major)] }));
    const clvValue = 141_000;
    const cacValue = (major * 100) / 2;
    expect(r.value).toBeCloseTo(clvValue / cacValue, 12);
    expect(r.parts).toEqual({ clv: clvValue, cac: cacValue, benchmark: 3 });
    expect(r.target?.status).toBe(status);
  });

  it('counts a customer acquired exactly at the start for CAC, not one acquired exactly at the end', () => {
    const edges = [...withNew, customer({ externalId: 'C13', acquiredAt: at('2017-06-01') }), customer({ externalId: 'C14', acquiredAt: at('2017-07-01') })];
    const r = okOf(kpi('ltvToCac', { customers: edges, deals, spend: [spend('2017-06', 'marketing', 1410)] }));
    expect(r.parts.cac).toBe(47_000); // 1,410 ÷ 3 new customers (C11, C12, C13)
    expect(r.counts.newCustomers).toBe(3);
  });

  it('names everything missing, and is not defined when CAC is', () => {
    expect(kpi('ltvToCac', {})).toMatchObject({ status: 'needs-data', missing: ['wonDeals', 'spend'] });
    expect(kpi('ltvToCac', { customers, deals, spend: [spend('2017-06', 'sales', 100)] })).toMatchObject({
      status: 'not-defined',
      reason: 'CAC is not defined: no new customers in the period',
    });
  });
});
