import { hasValue } from '../kpi/types';
import { describe, expect, it } from 'vitest';
import { cdnowDeals } from '../clv/test-cdnow-deals';
import { parsePeriodSpec } from '../period';
import { computeCatalogue, computeCatalogueInSteps } from './catalogue';
import { queryBasics } from './query';
import { fixtureData, settingsFor, ZONE } from './test-fixture';

const basics = queryBasics(settingsFor('ann'), ZONE);

describe('the catalogue', () => {
  it('uses BG/NBD + Gamma-Gamma for CLV when the purchase histories allow a fit', () => {
    const data = fixtureData({ deals: cdnowDeals(), activities: [] });
    const period = parsePeriodSpec('1997-09', basics.calendar);
    const { results, clvMethodNames, clvFallback } = computeCatalogue(data, {
      ...basics,
      kpis: ['clv'],
      asOf: Date.UTC(1998, 0, 15),
      scope: { ownerIds: 'all' },
      period,
      comparePeriod: null,
    });
    expect(hasValue(results.clv) && results.clv.method).toBe('bg-nbd');
    // The fitted parameters come with the result (published r = 0.243 for the sample).
    expect(hasValue(results.clv) && results.clv.parts.r).toBeCloseTo(0.243, 2);
    expect(clvMethodNames['bg-nbd']?.ru).toContain('BG/NBD');
    expect(clvFallback).toBeUndefined();
  });

  it("falls back to the engine's default method, and says why, when BG/NBD cannot be fitted", () => {
    // Four customers without a single repeat purchase: nothing for BG/NBD to learn from.
    const data = fixtureData({ customers: ['c1', 'c2', 'c3', 'c4'].map((id) => ({ source: 'crm', externalId: id, updatedAt: 0, name: id, ownerId: 'ann' })) });
    const withCustomers = { ...data, deals: data.deals.map((deal, i) => ({ ...deal, customerId: `c${(i % 4) + 1}` })) };
    const period = parsePeriodSpec('2026-11', basics.calendar);
    const { results, clvFallback } = computeCatalogue(withCustomers, {
      ...basics,
      asOf: Date.UTC(2026, 10, 18),
      scope: { ownerIds: ['ann'] },
      period,
      comparePeriod: null,
    });
    expect(clvFallback).toMatch(/BG\/NBD/);
    expect(hasValue(results.clv) && results.clv.method).toBe('historical');
    // Historical CLV of Ann's customers: d1 (c1) 3,000 + d2 (c2) 1,000 won → 4,000 over 2 customers = 2,000.00.
    expect(hasValue(results.clv) && results.clv.value).toBe(200_000);
    expect(Object.keys(results)).toHaveLength(29); // the whole catalogue in one call
  });

  it('gives the same results family by family, pausing between them, as in one call', async () => {
    const period = parsePeriodSpec('2026-11', basics.calendar);
    const query = { ...basics, asOf: Date.UTC(2026, 10, 18), scope: { ownerIds: ['ann'] }, period, comparePeriod: null };
    let pauses = 0;
    const steps = await computeCatalogueInSteps(fixtureData(), query, async () => {
      pauses += 1;
    });
    const whole = computeCatalogue(fixtureData(), query);
    expect(pauses).toBe(5); // activity, pipeline, conversion, revenue, customers
    expect(Object.keys(steps.results).sort()).toEqual(Object.keys(whole.results).sort());
    for (const [id, result] of Object.entries(whole.results)) {
      const step = steps.results[id as keyof typeof steps.results];
      expect(step?.status, id).toBe(result?.status);
      if (hasValue(result) && hasValue(step)) expect(step.value, id).toBe(result.value);
    }
  });
});
