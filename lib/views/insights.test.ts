import { describe, expect, it } from 'vitest';
import { cdnowDeals } from '../clv/test-cdnow-deals';
import { computeKpis } from '../kpi';
import type { Customer } from '../model';
import { periodContaining } from '../period';
import { atRiskDeals, lapseList, MIN_VALUE_AT_RISK } from './insights';
import { queryBasics } from './query';
import { AS_OF, fixtureData, settingsFor, ZONE } from './test-fixture';

describe('deals at risk', () => {
  it("lists Ann's idle, overdue deal with its CRM link and both reasons", () => {
    const data = fixtureData();
    const basics = queryBasics(settingsFor('ann'), ZONE);
    const stale = computeKpis(data, {
      ...basics,
      kpis: ['staleDeals'],
      asOf: AS_OF,
      scope: { ownerIds: ['ann'] },
      period: periodContaining('month', AS_OF, basics.calendar),
      comparePeriod: null,
    }).staleDeals;
    const list = atRiskDeals(data, stale);
    expect(list.status).toBe('ok');
    if (list.status !== 'ok') return;
    expect(list.total).toBe(1); // d7 only; Bob's d8 is not in Ann's scope
    expect(list.deals[0]).toMatchObject({ id: 'd7', url: 'https://crm.example/deals/d7', amount: 400_000 });
    // Created 2026-10-01, no activity since: 48 whole days to 2026-11-18 15:00; expected to close 17 days before today.
    expect(list.deals[0]?.idleDays).toBe(48);
    expect(list.deals[0]?.daysPastClose).toBe(17);
  });

  it('calls no deal idle when the records know nothing of activity (a file of deals alone): only deals past their close date stay', () => {
    // Without activities and without the CRM's "last activity" dates, d7 (idle since created, 17 days overdue) and
    // an idle deal that is not overdue (d9) would both be "no activity for N days".
    const deals = fixtureData().deals.map((deal) => ({ ...deal, lastActivityAt: undefined }));
    const d9 = { ...deals[6]!, externalId: 'd9', title: 'Deal d9', expectedCloseAt: undefined };
    const data = fixtureData({ activities: [], deals: [...deals, d9] });
    const basics = queryBasics(settingsFor('ann'), ZONE);
    const stale = computeKpis(data, {
      ...basics,
      kpis: ['staleDeals'],
      asOf: AS_OF,
      scope: { ownerIds: ['ann'] },
      period: periodContaining('month', AS_OF, basics.calendar),
      comparePeriod: null,
    }).staleDeals;
    expect(stale?.status === 'ok' && stale.value).toBe(2); // the engine counts both
    const list = atRiskDeals(data, stale);
    expect(list).toMatchObject({ status: 'ok', total: 1, activityUnknown: true, amount: 400_000 });
    if (list.status !== 'ok') return;
    expect(list.deals.map((deal) => [deal.id, deal.idleDays, deal.daysPastClose])).toEqual([['d7', undefined, 17]]);
    // With activities logged (the fixture's), the same deals are judged by them.
    expect(atRiskDeals(fixtureData(), stale)).not.toHaveProperty('activityUnknown');
  });

  it('explains why there is no list instead of showing an empty one', () => {
    expect(atRiskDeals(fixtureData(), undefined)).toEqual({ status: 'unavailable', reason: 'not computed' });
  });
});

describe('customers likely to lapse', () => {
  // The CDNOW sample as won deals, split between two reps by customer id parity, with customer records.
  const deals = cdnowDeals().map((deal) => ({ ...deal, ownerId: Number(deal.customerId) % 2 ? 'odd' : 'even' }));
  const customers: Customer[] = [...new Set(deals.map((deal) => deal.customerId!))].map((id) => ({
    source: 'csv:cdnow',
    externalId: id,
    updatedAt: 0,
    name: `Customer ${id}`,
    url: `https://crm.example/c/${id}`,
  }));
  const data = fixtureData({ deals, customers, activities: [] });
  const options = { asOf: Date.UTC(1997, 8, 30, 23), timeZone: 'UTC', currency: { reporting: 'USD', rates: {} } };

  it("ranks only the scope's customers, by value at risk, with names and links", () => {
    const odd = lapseList(data, new Set(['odd']), options, 5);
    expect(odd.status).toBe('ok');
    if (odd.status !== 'ok') return;
    expect(odd.method).toBe('bg-nbd');
    expect(odd.rows.length).toBeGreaterThan(0);
    for (const row of odd.rows) {
      expect(Number(row.customerId) % 2).toBe(1);
      expect(row.name).toBe(`Customer ${row.customerId}`);
      expect(row.url).toBe(`https://crm.example/c/${row.customerId}`);
      expect(row.valueAtRisk).toBeGreaterThanOrEqual(MIN_VALUE_AT_RISK);
      expect(row.pAlive).toBeGreaterThanOrEqual(0.1);
      expect(row.pAlive).toBeLessThanOrEqual(1);
    }
    const values = odd.rows.map((row) => row.valueAtRisk);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // Everyone's list holds at least as much at risk at the top as one rep's.
    const all = lapseList(data, 'all', options, 5);
    expect(all.status === 'ok' && all.rows[0]!.valueAtRisk).toBeGreaterThanOrEqual(values[0]!);
  });

  it('says why when the histories cannot be fitted, or what is missing', () => {
    const few = fixtureData({ deals: deals.slice(0, 3), customers });
    const result = lapseList(few, 'all', options);
    expect(result.status).toBe('cannot-fit');
    expect(result.status === 'cannot-fit' && result.reason.length).toBeGreaterThan(10);
    expect(lapseList(fixtureData(), 'all', options)).toEqual({ status: 'needs-data', reason: 'no won deals linked to customers' });
  });
});
