import { describe, expect, it } from 'vitest';
import type { KpiData } from '../kpi/types';
import type { Deal } from '../model';
import { createSourceCache } from './data-cache';

const empty: KpiData = {
  owners: [],
  teams: [],
  pipelines: [],
  stages: [],
  products: [],
  deals: [],
  activities: [],
  leads: [],
  customers: [],
  mrrMovements: [],
  spend: [],
  quotas: [],
  targets: [],
};
const deal = (id: string, title = id): Deal => ({ source: 's', externalId: id, updatedAt: 1, title, ownerId: 'u', status: 'open', lineItems: [] });

describe('source cache', () => {
  it('upserts and deletes like the database does, and rebuilds its snapshot only after a change', () => {
    const cache = createSourceCache({ ...empty, deals: [deal('1'), deal('2')] });
    const before = cache.data();
    expect(cache.data()).toBe(before);
    cache.apply({ deal: [deal('1', 'renamed'), deal('3')] }, { deal: ['2'] });
    const after = cache.data();
    expect(after).not.toBe(before);
    expect(after.deals.map((d) => [d.externalId, d.title])).toEqual([
      ['1', 'renamed'],
      ['3', '3'],
    ]);
    cache.apply({});
    expect(cache.data()).toBe(after);
  });

  it('gives new arrays only for the kinds a write touched, so indexes kept per array survive it', () => {
    const activity = { source: 's', externalId: 'a1', updatedAt: 1, type: 'call' as const, ownerId: 'u', occurredAt: 5, done: true };
    const cache = createSourceCache({ ...empty, deals: [deal('1')], activities: [activity] });
    const before = cache.data();
    cache.apply({ deal: [deal('2')] });
    const after = cache.data();
    expect(after.deals).not.toBe(before.deals);
    expect(after.deals).toHaveLength(2);
    expect(after.activities).toBe(before.activities);
    cache.apply({}, { activity: ['a1'] });
    expect(cache.data().activities).toEqual([]);
    expect(cache.data().deals).toBe(after.deals);
  });
});
