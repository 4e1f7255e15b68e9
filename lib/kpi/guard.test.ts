/**
 * The engine never shows NaN, Infinity or a silent 0: on empty data every KPI says what it needs; on
 * data with a single record type and on random data every number it gives is finite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeKpis } from './compute';
import { dataArb, queryArb } from './test-arbitraries';
import {
  activity,
  customer,
  dataOf,
  deal,
  emptyData,
  lead,
  mrrMove,
  owner,
  pipeline,
  product,
  queryOf,
  quota,
  spend,
  stage,
  target,
  team,
  wonDeal,
} from './test-fixtures';
import { KPI_IDS } from './registry';
import type { KpiData, KpiResults } from './types';

/** Every number anywhere in the results, with its path. */
export function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, path ? `${path}.${k}` : k));
  return [];
}

export function expectAllFinite(results: KpiResults): void {
  const bad = numbersIn(results).filter(([, n]) => !Number.isFinite(n));
  expect(bad).toEqual([]);
  for (const result of Object.values(results)) {
    expect(['ok', 'low-sample', 'needs-data', 'not-defined']).toContain(result?.status);
    if (result?.status === 'not-defined') expect(result.reason).not.toMatch(/internal error/);
    // low-sample exactly when the sample is below its minimum
    if (result?.status === 'low-sample') expect(result.sample.n).toBeLessThan(result.sample.min);
    if (result?.status === 'ok' && result.sample) expect(result.sample.n).toBeGreaterThanOrEqual(result.sample.min);
  }
}

describe('no NaN, no Infinity, no silent 0', () => {
  it('says what is missing for every KPI on empty data, never 0', () => {
    const results = computeKpis(emptyData(), queryOf({ breakdownByOwner: true }));
    const statuses = Object.fromEntries(Object.entries(results).map(([id, r]) => [id, r?.status]));
    expect(statuses).toEqual(Object.fromEntries(KPI_IDS.map((id) => [id, 'needs-data'])));
    for (const r of Object.values(results)) if (r?.status === 'needs-data') expect(r.missing.length).toBeGreaterThan(0);
  });

  const single: [string, Partial<KpiData>][] = [
    ['owners', { owners: [owner('alice', 'A'), owner('bob', 'B')] }],
    ['teams', { teams: [team('east', 'East')] }],
    ['pipelines and stages', { pipelines: [pipeline('p', 'P')], stages: [stage('s', 'p', 1, 50)] }],
    ['products', { products: [product('p1', 'P', { unitCost: { minor: 10, currency: 'USD' } })] }],
    ['deals', { deals: [deal(), wonDeal(10, '2017-06-03'), deal({ status: 'lost', closedAt: 1 })] }],
    ['activities', { activities: [activity(), activity({ type: 'email', email: { opened: true } }), activity({ done: false })] }],
    ['leads', { leads: [lead(), lead({ mqlAt: 1, status: 'converted', convertedAt: 2 })] }],
    ['customers', { customers: [customer(), customer({ acquiredAt: 5, churnedAt: 4 })] }],
    ['MRR movements', { mrrMovements: [mrrMove('new', 10, '2017-06-02'), mrrMove('churn', 10, '2017-06-05')] }],
    ['spend', { spend: [spend('2017-06', 'sales', 100)] }],
    ['quotas', { quotas: [quota(1000, '2017-06-01', '2017-07-01'), quota(1000, '2017-02-29', '2017-07-01')] }],
    ['targets', { targets: [target('calls', 'day', 10)] }],
  ];
  it.each(single)('stays finite with only %s', (_name, partial) => {
    for (const breakdownByOwner of [false, true]) {
      expectAllFinite(computeKpis(dataOf(partial), queryOf({ breakdownByOwner })));
    }
  });

  it('stays finite on random data and random queries', () => {
    fc.assert(
      fc.property(dataArb, queryArb, (data, query) => {
        expectAllFinite(computeKpis(data, query));
      }),
      { numRuns: 150 },
    );
  });
});
