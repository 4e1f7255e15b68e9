import { describe, expect, it } from 'vitest';
import { mapItems } from '../map';
import { activityType, durationSeconds, mapActivity } from './map-activities';
import { toLineItem } from './map-deals';
import { goalPeriods, mapGoal } from './map-goals';

const ctx = { source: 'pipedrive:acme', appUrl: 'https://acme.pipedrive.com', timeZone: 'America/New_York' };

describe('deal product lines', () => {
  it.each([
    // [item_price, quantity, discount, discount_type, expected unit price in cents]
    [100, 3, 0, 'percentage', 10000], // no discount: 100.00
    [100, 3, 10, 'percentage', 9000], // 100 × (1 − 10 %) = 90.00
    [100, 4, 20, 'amount', 9500], // (100 × 4 − 20) / 4 = 95.00
    [19.99, 1, 0, 'percentage', 1999],
  ] as const)('price %d × %d less %d (%s) → %d cents a unit', (price, quantity, discount, type, minor) => {
    const line = toLineItem({ id: 1, deal_id: 5, product_id: 9, name: 'Seat', quantity, item_price: price, currency: 'USD', discount, discount_type: type });
    expect(line).toEqual({ dealId: '5', lineId: '1', line: { productId: '9', name: 'Seat', quantity, unitPrice: { minor, currency: 'USD' } } });
  });

  it('disabled and zero-quantity lines are not lines of the sale', () => {
    expect(toLineItem({ deal_id: 5, quantity: 0, item_price: 1, currency: 'USD' })).toHaveProperty('reason');
    expect(toLineItem({ deal_id: 5, quantity: 2, item_price: 1, currency: 'USD', is_enabled: false })).toHaveProperty('reason');
  });
});

describe('activities', () => {
  it.each([
    ['call', 'call'],
    ['lunch', 'meeting'],
    ['deadline', 'task'],
    ['product_demo', 'meeting'],
    ['coffee', 'other'],
    [null, 'other'],
  ] as const)('type key %s → %s', (key, type) => expect(activityType(key)).toBe(type));

  it.each([
    ['01:30', 5400], // 1 h 30 min
    ['00:00:45', 45],
    ['120', 120],
    [90, 90],
    ['soon', undefined],
  ] as const)('duration %s → %s s', (value, seconds) => expect(durationSeconds(value)).toBe(seconds));

  it('a timed due activity is the UTC instant Pipedrive documents; an untimed one is local midnight', () => {
    const base = { owner_id: 1, done: false, type: 'call', update_time: '2024-01-01T00:00:00Z' };
    const { records } = mapItems(
      [
        { ...base, id: 1, due_date: '2024-06-03', due_time: '15:00' },
        { ...base, id: 2, due_date: '2024-06-03', due_time: '' },
      ],
      (raw) => mapActivity(raw, ctx),
    );
    expect(records.activity?.map((a) => a.occurredAt)).toEqual([
      Date.parse('2024-06-03T15:00:00Z'),
      Date.parse('2024-06-03T00:00:00-04:00'), // New York is UTC−4 in June
    ]);
  });
});

describe('goals', () => {
  it('a monthly goal from Jan 1 to Mar 31 is three monthly quotas', () => {
    expect(goalPeriods('2024-01-01', '2024-03-31', 'monthly')).toEqual([
      { startDate: '2024-01-01', endDate: '2024-02-01', full: true },
      { startDate: '2024-02-01', endDate: '2024-03-01', full: true },
      { startDate: '2024-03-01', endDate: '2024-04-01', full: true },
    ]);
  });

  it('a quarter cut short by the end date becomes a custom last period; open-ended goals stop after 3 years', () => {
    expect(goalPeriods('2024-01-01', '2024-05-15', 'quarterly').at(-1)).toEqual({ startDate: '2024-04-01', endDate: '2024-05-16', full: false });
    expect(goalPeriods('2024-01-01', null, 'yearly')).toHaveLength(3);
    expect(goalPeriods('2024-01-01', null, 'weekly')).toHaveLength(157); // ⌈1096 days / 7⌉
  });

  it('a deals-won sum goal of a person becomes quotas in the goal currency; a company one is rejected', () => {
    const goal = (assignee: string) => ({
      id: 'g1',
      type: { name: 'deals_won' },
      assignee: { id: 7, type: assignee },
      interval: 'quarterly',
      duration: { start: '2024-01-01', end: '2024-06-30' },
      expected_outcome: { target: 50000, tracking_metric: 'sum', currency_id: 2 },
    });
    const gctx = { ...ctx, currencyById: new Map([[2, 'USD']]) };
    const { records, rejects } = mapItems([goal('person'), goal('company')], (raw) => mapGoal(raw, gctx));
    expect(records.quota?.map((q) => [q.ownerId, q.periodKind, q.startDate, q.endDate, q.amount.minor])).toEqual([
      ['7', 'quarter', '2024-01-01', '2024-04-01', 5_000_000], // 50,000.00 USD
      ['7', 'quarter', '2024-04-01', '2024-07-01', 5_000_000],
    ]);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]?.reason).toMatch(/company/);
  });
});
