import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import type { DataNeed } from '../kpi/types';
import { localDateToInstant } from '../period/local-date';
import { AS_OF, demo, local, TIME_ZONE } from './test-support';
import type { DemoDataSet } from './types';

type Window = { start: number; end: number };

/**
 * What "has data" means for each DataNeed of lib/kpi/types.ts, within a time window.
 * A Record over the union: adding a DataNeed without a check here fails to compile.
 */
const NEED_CHECKS: Record<DataNeed, (data: DemoDataSet, w: Window) => number> = {
  deals: (d, w) => d.deals.filter((x) => within(x.createdAt, w)).length,
  wonDeals: (d, w) => d.deals.filter((x) => x.status === 'won' && within(x.closedAt, w)).length,
  openDeals: (d) => d.deals.filter((x) => x.status === 'open').length,
  activities: (d, w) => d.activities.filter((x) => x.done && within(x.occurredAt, w)).length,
  leads: (d, w) => d.leads.filter((x) => within(x.createdAt, w)).length,
  leadLifecycle: (d, w) => d.leads.filter((x) => within(x.mqlAt, w) && x.sqlAt !== undefined).length,
  customers: (d, w) => d.customers.filter((x) => within(x.acquiredAt, w)).length,
  mrrMovements: (d, w) => d.mrrMovements.filter((x) => within(x.at, w)).length,
  spend: (d, w) => d.spend.filter((x) => within(localDateToInstant(`${x.month}-01`, TIME_ZONE), { start: w.start - 31 * DAY_MS, end: w.end })).length,
  quotas: (d, w) =>
    d.quotas.filter((x) => (localDateToInstant(x.startDate, TIME_ZONE) ?? Infinity) <= w.start && (localDateToInstant(x.endDate, TIME_ZONE) ?? 0) > w.start)
      .length,
  stages: (d) => d.stages.filter((x) => x.probability > 0).length,
  lineItems: (d, w) => d.deals.filter((x) => x.status === 'won' && within(x.closedAt, w) && x.lineItems.length > 0).length,
  costs: (d, w) => d.deals.filter((x) => x.status === 'won' && within(x.closedAt, w) && (x.directCost || x.lineItems.some((l) => l.unitCost))).length,
  regions: (d, w) => d.deals.filter((x) => x.status === 'won' && within(x.closedAt, w) && x.region).length,
  channels: (d, w) => d.deals.filter((x) => x.status === 'won' && within(x.closedAt, w) && x.channel).length,
  stageHistory: (d, w) => d.deals.filter((x) => (x.stageHistory ?? []).some((v) => within(v.enteredAt, w))).length,
  emailTracking: (d, w) => d.activities.filter((x) => x.email?.opened !== undefined && within(x.occurredAt, w)).length,
  churnReasons: (d) => d.customers.filter((x) => x.churnReason).length,
  churnDates: (d) => d.customers.filter((x) => x.churnedAt !== undefined).length,
  dealAmounts: (d) => d.deals.filter((x) => x.status === 'open' && x.amount !== undefined).length,
};

const within = (ms: number | undefined, w: Window) => ms !== undefined && ms >= w.start && ms < w.end;

function monthWindows(asOf: number, timeZone: string): { label: string; window: Window }[] {
  const [y, m] = local(asOf, timeZone).date.split('-').map(Number) as [number, number];
  return Array.from({ length: 13 }, (_, i) => {
    const first = new Date(Date.UTC(y, m - 1 - 12 + i, 1)).toISOString().slice(0, 10);
    const next = new Date(Date.UTC(y, m - 12 + i, 1)).toISOString().slice(0, 10);
    const start = localDateToInstant(first, timeZone) ?? NaN;
    const end = Math.min(asOf + 1, localDateToInstant(next, timeZone) ?? NaN);
    return { label: first.slice(0, 7), window: { start, end } };
  });
}

describe('the demo covers the 12 months before asOf and the current month', () => {
  const data = demo();

  it.each(monthWindows(AS_OF, TIME_ZONE))('$label has deals created and won, activities, leads, MRR movements, spend and quotas', ({ window }) => {
    const missing = (
      ['deals', 'wonDeals', 'activities', 'leads', 'leadLifecycle', 'mrrMovements', 'spend', 'quotas', 'costs', 'emailTracking'] as const
    ).filter((need) => NEED_CHECKS[need](data, window) === 0);
    expect(missing).toEqual([]);
  });

  it('has every DataNeed over the year, and again for the signed-in rep this month', () => {
    const year: Window = { start: monthWindows(AS_OF, TIME_ZONE)[0]?.window.start ?? NaN, end: AS_OF + 1 };
    const missing = (Object.keys(NEED_CHECKS) as DataNeed[]).filter((need) => NEED_CHECKS[need](data, year) === 0);
    expect(missing).toEqual([]);

    const month = monthWindows(AS_OF, TIME_ZONE)[12]?.window as Window;
    const mine = onlyOwner(data, data.currentOwnerId);
    const missingForRep = (Object.keys(NEED_CHECKS) as DataNeed[]).filter((need) => NEED_CHECKS[need](mine, month) === 0);
    // Churn reasons are a property of the book of customers, not of a month: checked over all time above.
    expect(missingForRep).toEqual([]);
  });

  it('has open deals at risk: idle for weeks (a few dead ones for months, none for a year), or past their expected close date', () => {
    const open = data.deals.filter((deal) => deal.status === 'open');
    const idleDays = (deal: (typeof open)[number]) => (AS_OF - (deal.lastActivityAt ?? deal.createdAt ?? AS_OF)) / DAY_MS;
    const stale = open.filter((deal) => idleDays(deal) >= 14);
    const overdue = open.filter((deal) => (deal.expectedCloseAt ?? Infinity) < AS_OF);
    expect(stale.length).toBeGreaterThanOrEqual(8);
    expect(stale.length / open.length).toBeLessThan(0.25);
    expect(stale.filter((deal) => idleDays(deal) <= 60).length / stale.length).toBeGreaterThan(0.5);
    expect(Math.max(...open.map(idleDays))).toBeLessThan(365);
    expect(overdue.length).toBeGreaterThan(10);
    expect(open.some((deal) => (deal.expectedCloseAt ?? 0) > AS_OF)).toBe(true);
  });

  it('tracks cold emails near the 30/30/50 benchmark, varying by rep', () => {
    const cold = data.activities.filter((activity) => activity.email?.cold);
    const rate = (items: typeof cold, flag: 'opened' | 'replied' | 'converted') => items.filter((a) => a.email?.[flag]).length / items.length;
    const opened = cold.filter((a) => a.email?.opened);
    const replied = cold.filter((a) => a.email?.replied);
    expect(rate(cold, 'opened')).toBeGreaterThan(0.25);
    expect(rate(cold, 'opened')).toBeLessThan(0.4);
    expect(rate(opened, 'replied')).toBeGreaterThan(0.22);
    expect(rate(opened, 'replied')).toBeLessThan(0.4);
    expect(rate(replied, 'converted')).toBeGreaterThan(0.4);
    expect(rate(replied, 'converted')).toBeLessThan(0.65);
    const byRep = data.owners
      .map((owner) => cold.filter((a) => a.ownerId === owner.externalId))
      .filter((items) => items.length >= 100)
      .map((items) => rate(items, 'opened'));
    expect(Math.max(...byRep) - Math.min(...byRep)).toBeGreaterThan(0.1);
  });

  it('books demos and trials, with titles in English and Russian', () => {
    const demos = data.activities.filter((activity) => activity.subtype === 'demo' || activity.subtype === 'trial');
    expect(demos.every((activity) => activity.type === 'meeting' && activity.createdAt !== undefined && activity.createdAt <= activity.occurredAt)).toBe(true);
    expect(demos.some((activity) => activity.subtype === 'trial')).toBe(true);
    expect(demos.some((activity) => activity.title?.startsWith('Demo: '))).toBe(true);
    expect(demos.some((activity) => activity.title?.startsWith('Демо'))).toBe(true);
  });

  it('puts at least 90 % of done activities on weekdays between 8:00 and 19:00 in the time zone', () => {
    const done = data.activities.filter((activity, i) => activity.done && i % 7 === 0);
    const inHours = done.filter((activity) => {
      const { weekday, hour } = local(activity.occurredAt, TIME_ZONE);
      return weekday !== 'Sat' && weekday !== 'Sun' && hour >= 8 && hour < 19;
    });
    expect(inHours.length / done.length).toBeGreaterThan(0.9);
    expect(inHours.length).toBeLessThan(done.length); // and a few at odd hours, as real logs have
  });

  it('has spend for both kinds, per channel, for each of the 13 months', () => {
    const months = new Set(data.spend.map((spend) => spend.month));
    expect(months.size).toBe(13);
    expect(new Set(data.spend.map((spend) => spend.kind))).toEqual(new Set(['sales', 'marketing']));
    expect(data.spend.every((spend) => spend.channel !== undefined && spend.amount.currency === 'USD')).toBe(true);
  });

  it('sums each rep’s three monthly quotas into the quarter, and the team’s reps into the team quota', () => {
    const amount = (id: string) => data.quotas.find((quota) => quota.externalId === id)?.amount.minor;
    for (const owner of data.owners) {
      const months = ['2025-01', '2025-02', '2025-03'].map((month) => amount(`quota-${owner.externalId}-${month}`) ?? NaN);
      expect(amount(`quota-${owner.externalId}-2025-Q1`)).toBe(months.reduce((sum, n) => sum + n, 0));
    }
    for (const team of data.teams) {
      const members = data.owners.filter((owner) => owner.teamId === team.externalId);
      const sum = members.reduce((total, owner) => total + (amount(`quota-${owner.externalId}-2025-Q1`) ?? NaN), 0);
      expect(amount(`quota-${team.externalId}-2025-Q1`)).toBe(sum);
    }
  });
});

/** The records a rep's personal view reads: theirs, plus the shared reference and plan records. */
function onlyOwner(data: DemoDataSet, ownerId: string): DemoDataSet {
  const mine = <T extends { ownerId?: string }>(records: readonly T[]) => records.filter((record) => record.ownerId === ownerId);
  const customers = data.customers.filter((customer) => customer.ownerId === ownerId);
  const customerIds = new Set(customers.map((customer) => customer.externalId));
  return {
    ...data,
    deals: mine(data.deals),
    activities: mine(data.activities),
    leads: mine(data.leads),
    customers,
    mrrMovements: data.mrrMovements.filter((movement) => customerIds.has(movement.customerId)),
    quotas: mine(data.quotas),
  };
}
