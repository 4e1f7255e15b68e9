/**
 * Missing data is never a number (spec: "Missing data is not zero"), and units and scope: money in
 * minor units here (major units in JSON: lib/cli), cycle lengths in calendar days, CAC for teams.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { at, customer, dataOf, deal, kpi, lead, okOf, owner, product, queryOf, spend, team, usd, wonDeal } from './test-fixtures';

describe('missing data is never a number', () => {
  it('needs churn information for churn and retention, rather than 0 % and 100 %', () => {
    // Accounts from a CSV: customers by their won deals, nobody ever marked as churned.
    const customers = [customer({ externalId: 'A' }), customer({ externalId: 'B' })];
    const deals = [wonDeal(100, '2017-03-01', { customerId: 'A' }), wonDeal(100, '2017-03-02', { customerId: 'B' })];
    const results = computeKpis(dataOf({ customers, deals }), queryOf({ kpis: ['churn', 'retentionRate'] }));
    expect(results.churn).toMatchObject({ status: 'needs-data', missing: ['churnDates'] });
    expect(results.retentionRate).toMatchObject({ status: 'needs-data', missing: ['churnDates'] });
  });

  it('counts as customers only accounts with a won deal (or a CRM acquisition date)', () => {
    const customers = [
      customer({ externalId: 'won', churnedAt: at('2017-06-10') }), // won in March: a customer, lost in June
      customer({ externalId: 'lost-only' }), // only a lost deal: a prospect
      customer({ externalId: 'open-only' }), // only an open deal: a prospect
      customer({ externalId: 'crm', acquiredAt: at('2017-01-01') }), // the CRM says so
    ];
    const deals = [
      wonDeal(100, '2017-03-01', { customerId: 'won' }),
      deal({ status: 'lost', closedAt: at('2017-02-01'), createdAt: at('2017-01-01'), customerId: 'lost-only' }),
      deal({ createdAt: at('2017-01-01'), customerId: 'open-only' }),
    ];
    const r = okOf(kpi('churn', { customers, deals }));
    expect(r.counts).toMatchObject({ atStart: 2, lost: 1 }); // 'won' and 'crm' at 1 June; 'won' lost
    expect(r.value).toBe(50); // 1 ÷ 2
  });

  it('needs amounts for the pipeline value, never 0 from deals that have none', () => {
    const deals = [deal({ createdAt: at('2017-06-01') }), deal({ createdAt: at('2017-06-02') })];
    expect(kpi('pipelineValue', { deals })).toMatchObject({ status: 'needs-data', missing: ['dealAmounts'] });
    // No open deal at all is a real zero.
    expect(okOf(kpi('pipelineValue', { deals: [wonDeal(5, '2017-06-03')] })).value).toBe(0);
  });

  it('estimates the pipeline from list prices where products are mapped, and says it is an estimate', () => {
    const products = [product('p1', 'Seat', { unitPrice: usd(1200) })];
    const line = (quantity: number, unit?: number) => ({ productId: 'p1', name: 'Seat', quantity, unitPrice: usd(unit ?? 0) });
    const deals = [
      deal({ createdAt: at('2017-06-01'), lineItems: [line(2)] }), // 2 × the list price 1,200
      deal({ createdAt: at('2017-06-02'), lineItems: [line(1, 900)] }), // its own line price 900
      deal({ createdAt: at('2017-06-03') }), // no products: no estimate
    ];
    const r = okOf(kpi('pipelineValue', { deals, products }));
    expect(r.value).toBe(330_000); // 2,400 + 900
    expect(r.method).toBe('list-price-estimate');
    expect(r.coverage).toEqual({ have: 2, of: 3, what: 'open deals with an amount or a list price' });
    expect(r.notes).toEqual([expect.objectContaining({ code: 'list-price-estimate', count: 2 })]);
  });

  it('reports partial amounts as coverage: 3 of 4 open deals have an amount', () => {
    const deals = [10, 20, 30].map((major) => deal({ createdAt: at('2017-06-01'), amount: usd(major) }));
    const r = okOf(kpi('pipelineValue', { deals: [...deals, deal({ createdAt: at('2017-06-01') })] }));
    expect([r.value, r.coverage]).toEqual([6_000, { have: 3, of: 4, what: 'open deals with an amount' }]); // 10 + 20 + 30
    expect(r.method).toBeUndefined();
  });
});

describe('units and scope', () => {
  it('measures a sales cycle in calendar days of the reporting zone, whole across a daylight-saving change', () => {
    const berlin = { timeZone: 'Europe/Berlin', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
    // Created Mon 20 March 2017 09:00 CET, won Thu 30 March 17:00 CEST (clocks moved on 26 March): 10 days.
    const won = wonDeal(100, '2017-03-30T15:00', { createdAt: at('2017-03-20T08:00') });
    const march = { kind: 'month' as const, start: at('2017-02-28T23:00'), end: at('2017-03-31T22:00'), label: '2017-03' };
    const r = okOf(
      computeKpis(dataOf({ deals: [won] }), queryOf({ kpis: ['avgSalesCycle'], calendar: berlin, period: march, asOf: march.end })).avgSalesCycle!,
    );
    expect(r.value).toBe(10); // 30 − 20, not 10.29 (247 hours ÷ 24)
    // A lead created late on 1 June and converted early on 2 June took 1 calendar day.
    const l = lead({ createdAt: at('2017-06-01T23:00'), convertedAt: at('2017-06-02T01:00'), status: 'converted' });
    expect(okOf(kpi('avgConversionTime', { leads: [l] })).value).toBe(1);
  });

  it("computes CAC for a team from the spend entered and the team's new customers", () => {
    const owners = [owner('alice', 'Alice', { teamId: 'east' }), owner('bob', 'Bob', { teamId: 'east' }), owner('carol', 'Carol', { teamId: 'west' })];
    const customers = ['alice', 'bob', 'carol'].map((ownerId, i) => customer({ externalId: `c${i}`, ownerId, acquiredAt: at(`2017-06-0${i + 2}`) }));
    const data = {
      owners,
      teams: [team('east', 'East'), team('west', 'West')],
      customers,
      spend: [spend('2017-06', 'marketing', 3000), spend('2017-06', 'sales', 1000)],
    };
    const teamView = okOf(kpi('cac', data, { scope: { ownerIds: 'all', teamId: 'east' } }));
    expect([teamView.value, teamView.denominator]).toEqual([200_000, 2]); // 4,000 ÷ 2 new customers of the team
    expect(okOf(kpi('cac', data)).value).toBe(Math.round(400_000 / 3)); // everyone: 4,000 ÷ 3
  });

  it('explains CAC and LTV : CAC for a single rep rather than showing a dead row', () => {
    const data = {
      owners: [owner('alice', 'Alice')],
      spend: [spend('2017-06', 'sales', 100)],
      customers: [customer({ ownerId: 'alice', acquiredAt: at('2017-06-02') })],
    };
    for (const id of ['cac', 'ltvToCac'] as const) {
      expect(kpi(id, data, { scope: { ownerIds: ['alice'] } })).toMatchObject({ status: 'not-defined', code: 'not-for-one-rep' });
    }
  });
});
