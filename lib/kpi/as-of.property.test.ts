/**
 * Time travel: the KPIs as of an instant D computed on the full data equal the KPIs computed on the data
 * as it stood at D (test-known-at.ts: records created after D removed, later closings reopened, later
 * activities removed). For data without stage history, where the two cannot differ by what the CRM
 * forgot, this must hold for any data, any query and any D.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { dataArb, normalise, queryArb } from './test-arbitraries';
import { dataAsOf } from './test-known-at';
import type { KpiData, KpiResults } from './types';

/**
 * The full data knows what the rewound data cannot: that a deal's stage changed (or it closed) after D,
 * so its stage then is unknown. That note is the one thing allowed to differ.
 */
function comparable(results: KpiResults): unknown {
  return normalise(results, (key, value) => {
    if (key !== 'notes' || !Array.isArray(value)) return value;
    const kept = value.filter((note: { code?: string }) => note.code !== 'current-stage');
    return kept.length ? kept : undefined;
  });
}

/**
 * Copies of one id (dataArb makes some, as a CSV might) each updated at a moment of its own: the engine
 * keeps the most recently updated copy, which the rewind leaves as it is. Between copies updated at the
 * same moment it chooses by content, which the rewind changes (a won copy reopened), so "the data as it
 * stood at D" would not name one record: a random run found such a pair (seed-dependent, 1 in ~1,000).
 */
const distinctUpdates = <T extends { updatedAt: number }>(list: readonly T[]): T[] => list.map((record, i) => ({ ...record, updatedAt: record.updatedAt + i }));

const withoutHistory = dataArb.map((data): KpiData => ({
  ...data,
  deals: distinctUpdates(data.deals.map(({ stageHistory: _history, ...deal }) => deal)),
  leads: distinctUpdates(data.leads),
  customers: distinctUpdates(data.customers),
  activities: distinctUpdates(data.activities),
}));

describe('time travel', () => {
  it('gives as of D on the full data what the data as it stood at D gives', () => {
    fc.assert(
      fc.property(withoutHistory, queryArb, (data, query) => {
        const full = computeKpis(data, query);
        const then = computeKpis(dataAsOf(data, query.asOf, query.calendar.timeZone), query);
        expect(comparable(full)).toEqual(comparable(then));
      }),
      { numRuns: Number(process.env.RUNS ?? 200) },
    );
  });

  it('holds for the per-owner breakdown and a comparison of the same elapsed span', () => {
    fc.assert(
      fc.property(withoutHistory, queryArb, (data, query) => {
        const q = { ...query, breakdownByOwner: true, comparePeriod: undefined };
        expect(comparable(computeKpis(data, q))).toEqual(comparable(computeKpis(dataAsOf(data, q.asOf, q.calendar.timeZone), q)));
      }),
      { numRuns: 100 },
    );
  });
});
