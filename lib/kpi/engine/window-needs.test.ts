/**
 * A first query over the column store names the chunks its windows need, for every record type, and
 * reads them in one go; of the deals' stage histories only those of deals that moved stage after a
 * window's instant (the store keeps each deal's latest move in its hot chunk).
 */
import { describe, expect, it } from 'vitest';
import { chunksOf, ColumnTable, withColumns, type ColumnType, type StoredChunk } from '../../columns';
import { activity, deal, lead } from '../../db/column-test-support';
import { DAY_MS, parsePeriodSpec } from '../../period';
import { computeKpis } from '../compute';
import type { KpiData, KpiQuery } from '../types';
import { normalise } from '../test-arbitraries';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const NOVEMBER = parsePeriodSpec('2026-11', CAL);
const OCTOBER = parsePeriodSpec('2026-10', CAL);
const AS_OF = Date.UTC(2026, 10, 20, 12);

type Read = { type: ColumnType; tier: string; chunks: readonly number[] | 'all' };

function tableOf<T extends ColumnType>(type: T, records: readonly unknown[], reads: Read[], written = (chunks: StoredChunk[]) => chunks) {
  const stored: StoredChunk[] = written(chunksOf('test', type, records as never));
  return new ColumnTable(
    'test',
    type,
    stored.filter((chunk) => chunk.tier === 'hot'),
    async (tier, wanted) => {
      reads.push({ type, tier, chunks: wanted });
      return stored.filter((chunk) => chunk.tier === tier && (wanted === 'all' || wanted.includes(chunk.chunk)));
    },
  );
}

/**
 * 3,000 open deals (three extra chunks of 1,024): those from 2,048 on moved stage on 10 November,
 * after October's end; the others moved in 2025. Activities every two hours through 2026, leads daily.
 */
function accountData(): KpiData {
  const deals = Array.from({ length: 3_000 }, (_, i) => {
    const moved = i >= 2_048 ? Date.UTC(2026, 10, 10) : Date.UTC(2025, 5, 1) + i * 60_000;
    return deal(`d${i}`, {
      ownerId: i % 2 ? 'u1' : 'u2',
      createdAt: Date.UTC(2025, 0, 1) + i * 60_000,
      amount: { minor: 100_00 + i, currency: 'USD' },
      stageId: 's2',
      stageHistory: [
        { stageId: 's1', enteredAt: Date.UTC(2025, 0, 1) + i * 60_000 },
        { stageId: 's2', enteredAt: moved },
      ],
      ...(i % 5 === 0 ? { status: 'won' as const, closedAt: Date.UTC(2026, 9, 1) + (i % 50) * DAY_MS } : {}),
    });
  });
  const start = Date.UTC(2026, 0, 1);
  const activities = Array.from({ length: Math.floor((AS_OF - start) / (2 * 3_600_000)) }, (_, i) =>
    activity(`a${i}`, { ownerId: i % 2 ? 'u1' : 'u2', occurredAt: start + i * 2 * 3_600_000, type: i % 4 ? 'call' : 'meeting' }),
  );
  const leads = Array.from({ length: 320 }, (_, i) => lead(`l${i}`, { ownerId: 'u1', createdAt: start + i * DAY_MS }));
  return {
    owners: [],
    teams: [],
    pipelines: [{ source: 'test', externalId: 'p', updatedAt: 0, name: 'Sales', order: 1 }],
    stages: [
      { source: 'test', externalId: 's1', updatedAt: 0, name: 'Qualified', pipelineId: 'p', order: 1, probability: 20 },
      { source: 'test', externalId: 's2', updatedAt: 0, name: 'Proposal', pipelineId: 'p', order: 2, probability: 60 },
    ],
    products: [],
    deals,
    activities,
    leads,
    customers: [],
    mrrMovements: [],
    spend: [],
    quotas: [],
    targets: [],
  } as unknown as KpiData;
}

const query: KpiQuery = {
  period: NOVEMBER,
  comparePeriod: OCTOBER,
  asOf: AS_OF,
  scope: { ownerIds: 'all' },
  calendar: CAL,
  currency: { reporting: 'USD', rates: {} },
  settings: { demoKeywords: ['demo'], staleDays: 14 },
  kpis: ['pipelineValue', 'dealsInPipeline', 'activityCounts', 'salesGrowth', 'leadConversionRate', 'winRate'],
};

describe('a first query over the column store', () => {
  it('reads the chunks of every type in one go, and only the histories of deals that moved after a window’s instant', async () => {
    const data = accountData();
    const reads: Read[] = [];
    const columns = {
      ...data,
      deals: tableOf('deal', data.deals, reads).records(),
      activities: tableOf('activity', data.activities, reads).records(),
      leads: tableOf('lead', data.leads, reads).records(),
    } as KpiData;
    let runs = 0;
    const results = await withColumns(() => {
      runs += 1;
      return computeKpis(columns, query);
    });

    expect(normalise(results)).toEqual(normalise(computeKpis(data, query)));
    // One miss named every chunk (deals, their histories, activities, leads); the second run had them all.
    expect(runs).toBe(2);
    expect(reads.every((read) => read.chunks !== 'all')).toBe(true);
    // October's instant is before 10 November: the moved deals' histories (chunk 2) are read; the others' are not.
    expect(reads.filter((read) => read.tier === 'extra').map((read) => read.chunks)).toEqual([[2]]);
  });

  it('reads the histories of the open deals whose chunks were stored before their latest move was, and gives the same numbers', async () => {
    const data = accountData();
    const reads: Read[] = [];
    // Hot chunks as a store written before the column existed has them.
    const before = (chunks: StoredChunk[]) =>
      chunks.map((chunk) => {
        if (chunk.tier !== 'hot') return chunk;
        const { stageMovedAt: _dropped, ...cols } = chunk.cols;
        return { ...chunk, cols };
      });
    const columns = { ...data, deals: tableOf('deal', data.deals, reads, before).records() } as KpiData;
    const results = await withColumns(() => computeKpis(columns, query));

    expect(normalise(results)).toEqual(normalise(computeKpis(data, query)));
    expect(reads.filter((read) => read.tier === 'extra').map((read) => read.chunks)).toEqual([[0, 1, 2]]);
  });
});
