/** Properties that must hold for any data: additivity, the won/lost/open partition, order independence. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { dataArb, normalise, queryArb } from './test-arbitraries';
import { queryOf } from './test-fixtures';
import { KPI_DEFINITIONS, KPI_IDS } from './registry';
import type { KpiData } from './types';

const ADDITIVE = KPI_IDS.filter((id) => KPI_DEFINITIONS[id].additive);
// Every generated time falls in 2017.
const EVERYTHING = { kind: 'custom' as const, start: Date.parse('2016-01-01T00:00:00Z'), end: Date.parse('2019-01-01T00:00:00Z'), label: '2016–2018' };

describe('properties of the KPI engine', () => {
  it('has additive KPIs whose scope total is the sum of the owners', () => {
    expect(ADDITIVE.length).toBeGreaterThanOrEqual(8);
    fc.assert(
      fc.property(dataArb, queryArb, (data, query) => {
        const results = computeKpis(data, { ...query, kpis: ADDITIVE, breakdownByOwner: true });
        for (const id of ADDITIVE) {
          const total = results[id];
          if (total?.status !== 'ok') continue;
          // An owner whose open deals have no amount has no pipeline value (missing is never 0): it adds nothing.
          const owners = (total.byOwner ?? []).filter((o) => !(o.result.status === 'needs-data' && o.result.missing.includes('dealAmounts')));
          const values = owners.map((o) => (o.result.status === 'ok' ? o.result.value : Number.NaN));
          expect(values.every(Number.isFinite), `${id}: every owner has a value`).toBe(true);
          expect(
            values.reduce((a, b) => a + b, 0),
            `${id}: Σ owners = total`,
          ).toBe(total.value);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('partitions deals into won, lost and open', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const results = computeKpis(data, queryOf({ period: EVERYTHING, asOf: EVERYTHING.end, kpis: ['opportunitiesCreated', 'dealsInPipeline', 'winRate'] }));
        const created = results.opportunitiesCreated;
        if (created?.status === 'ok') {
          const { deals, open, won, lost } = created.counts as Record<string, number>;
          expect(open! + won! + lost!).toBe(deals);
        }
        // Over all time, every deal is open, closed with a date (won or lost) or closed without one.
        const open = results.dealsInPipeline?.status === 'ok' ? results.dealsInPipeline.value : 0;
        const rate = results.winRate;
        const closed = rate?.status === 'ok' ? (rate.denominator ?? 0) : 0;
        const undated = data.deals.filter((d) => d.status !== 'open' && d.closedAt === undefined).length;
        expect(open + closed + undated).toBe(data.deals.length);
        if (rate?.status === 'ok') expect(rate.numerator).toBe(data.deals.filter((d) => d.status === 'won' && d.closedAt !== undefined).length);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same results whatever the order of the records', () => {
    fc.assert(
      fc.property(dataArb, queryArb, fc.integer({ min: 1, max: 2 ** 31 - 1 }), (data, query, seed) => {
        const a = computeKpis(data, query);
        const b = computeKpis(shuffled(data, seed), query);
        expect(normalise(b)).toEqual(normalise(a));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same results from the prepared indexes as from fresh arrays, whatever was asked before', () => {
    fc.assert(
      fc.property(dataArb, queryArb, queryArb, (data, first, second) => {
        computeKpis(data, first); // warms the per-array indexes (and their currency rows) with another query
        const warm = computeKpis(data, second);
        const cold = computeKpis(structuredClone(data), second);
        expect(normalise(warm)).toEqual(normalise(cold));
      }),
      { numRuns: 60 },
    );
  });
});

/** Every record array in a different order (a seeded Fisher–Yates shuffle). */
function shuffled(data: KpiData, seed: number): KpiData {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 48_271) + 11) % 2_147_483_647;
    return Math.abs(state) / 2_147_483_647;
  };
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return Object.fromEntries(Object.entries(data).map(([key, list]) => [key, shuffle(list as unknown[])])) as unknown as KpiData;
}
