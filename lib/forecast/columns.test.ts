/**
 * The forecast over the column store (the worker: deals read as slim rows, whole deals made only for
 * those shown) gives exactly the forecast over record arrays; and the sums over every deal, now read
 * from the deal table's columns, equal the record scans they replaced (written out below as they were).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, tableOver, withColumns } from '../columns';
import { editChunk } from '../columns/chunk';
import { CHUNK_BITS } from '../columns/spec';
import type { KpiData } from '../kpi';
import { dataArb, queryArb } from '../kpi/test-arbitraries';
import type { Deal } from '../model';
import { ownAmount, wonAverages } from './amounts';
import { buildDealTable, type DealTable } from './deal-table';
import { rewoundTable } from './learned';
import { backtest } from './backtest';
import { forecast } from './forecast';
import { wonSoFar } from './forecast-parts';
import { knownAt } from './known-at';
import { DAY_MS, periodContaining } from '../period';
import { planRates } from './plan';
import { DEFAULT_SETTINGS } from './settings';
import { simulateCrm, T0 } from './test-support';
import type { ForecastInput, Note } from './types';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };

/** The data with its deals and activities as a cold worker holds them (column tables, nothing cold read), and as plain records of the same rows. */
async function bothWays(data: KpiData): Promise<{ columns: KpiData; records: KpiData }> {
  const deals = tableOver('test', 'deal', chunksOf('test', 'deal', data.deals));
  const activities = tableOver('test', 'activity', chunksOf('test', 'activity', data.activities));
  const plain = tableOver('test', 'deal', chunksOf('test', 'deal', data.deals));
  await plain.loadCold('cold', 'all');
  await plain.loadCold('extra', 'all');
  const acts = tableOver('test', 'activity', chunksOf('test', 'activity', data.activities));
  await acts.loadCold('cold', 'all');
  return {
    columns: { ...data, deals: deals.records(), activities: activities.records() },
    records: { ...data, deals: [...plain.records()], activities: [...acts.records()] },
  };
}

const simArb = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  reps: fc.integer({ min: 1, max: 5 }),
  days: fc.integer({ min: 60, max: 400 }),
  at: fc.double({ min: 0.3, max: 1.05, noNaN: true }),
  byOwner: fc.boolean(),
  rep: fc.boolean(),
});

describe('the forecast over the column store', () => {
  it('equals the forecast over the record arrays on simulated CRMs (property)', async () => {
    let made = 0;
    await fc.assert(
      fc.asyncProperty(simArb, async ({ seed, reps, days, at, byOwner, rep }) => {
        const { data } = simulateCrm({ seed, reps, days, activities: true, stages: true });
        const asOf = Math.round(T0 + at * days * DAY_MS);
        const { columns, records } = await bothWays(data);
        const input = (d: KpiData): ForecastInput => ({
          data: d,
          period: periodContaining('month', asOf, CAL),
          asOf,
          scope: rep ? { ownerIds: [data.owners[0]!.externalId] } : { ownerIds: 'all' },
          calendar: CAL,
          currency: { reporting: 'USD', rates: {} },
          quota: 5_000_000,
          byOwner,
          settings: { draws: 2_000 },
        });
        const fromColumns = await withColumns(() => forecast(input(columns)));
        expect(fromColumns).toEqual(forecast(input(records)));
        if (fromColumns.status === 'ok') made += 1;
      }),
      { numRuns: 25 },
    );
    expect(made).toBeGreaterThan(12); // most are whole forecasts, not "needs data"
  });

  it('back-tests over the column store exactly as over the record arrays (property)', async () => {
    await fc.assert(
      fc.asyncProperty(simArb, async ({ seed, reps, days, at }) => {
        const { data } = simulateCrm({ seed, reps, days, activities: true, stages: true });
        const asOf = Math.round(T0 + at * days * DAY_MS);
        const { columns, records } = await bothWays(data);
        const input = (d: KpiData) => ({
          data: d,
          period: periodContaining('month', asOf, CAL),
          asOf,
          scope: { ownerIds: 'all' as const },
          calendar: CAL,
          currency: { reporting: 'USD', rates: {} },
          periods: 3,
        });
        expect(await withColumns(() => backtest(input(columns)))).toEqual(backtest(input(records)));
      }),
      { numRuns: 10 },
    );
  });

  it('forecasts a past instant from data rewound to a later one as from the deals alone rewound (the back-test reads activities as given) (property)', () => {
    fc.assert(
      fc.property(simArb, fc.double({ min: 0, max: 0.5, noNaN: true }), ({ seed, reps, days, at, byOwner }, back) => {
        const { data } = simulateCrm({ seed, reps, days, activities: true, stages: true });
        const later = Math.round(T0 + at * days * DAY_MS);
        const asOf = Math.round(later - back * days * DAY_MS);
        const whole = knownAt(data, later, { timeZone: 'UTC' });
        const dealsOnly = { ...data, deals: knownAt({ ...data, activities: [] }, later, { timeZone: 'UTC' }).deals };
        const input = (d: KpiData): ForecastInput => ({
          data: d,
          period: periodContaining('month', asOf, CAL),
          asOf,
          scope: { ownerIds: 'all' },
          calendar: CAL,
          currency: { reporting: 'USD', rates: {} },
          byOwner,
        });
        expect(forecast(input(dealsOnly))).toEqual(forecast(input(whole)));
      }),
      { numRuns: 25 },
    );
  });

  it('equals it with deleted rows in the store (live rows read past the dead ones) (property)', async () => {
    await fc.assert(
      fc.asyncProperty(simArb, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), async ({ seed, reps, days, at }, picks) => {
        const { data } = simulateCrm({ seed, reps, days, activities: true, stages: true });
        const asOf = Math.round(T0 + at * days * DAY_MS);
        const dead = new Set(picks.map((k) => k % data.deals.length));
        // The deals' chunks with the picked rows deleted (cleared and marked dead, as a sync's deletion does).
        const chunks = chunksOf('test', 'deal', data.deals).map((chunk) => {
          const rows = 1 << CHUNK_BITS[chunk.tier];
          const edits = [...dead].filter((slot) => slot >>> CHUNK_BITS[chunk.tier] === chunk.chunk).map((slot) => ({ index: slot % rows, record: null }));
          return edits.length ? editChunk('test', 'deal', chunk.tier, chunk.chunk, chunk, edits) : chunk;
        });
        const table = tableOver('test', 'deal', chunks);
        const live = data.deals.filter((_, slot) => !dead.has(slot));
        const activities = tableOver('test', 'activity', chunksOf('test', 'activity', data.activities));
        await activities.loadCold('cold', 'all');
        const input = (deals: readonly Deal[], acts: KpiData['activities']): ForecastInput => ({
          data: { ...data, deals, activities: acts },
          period: periodContaining('month', asOf, CAL),
          asOf,
          scope: { ownerIds: 'all' },
          calendar: CAL,
          currency: { reporting: 'USD', rates: {} },
          settings: { draws: 2_000 },
        });
        const plain = tableOver('test', 'deal', chunks);
        await plain.loadCold('cold', 'all');
        await plain.loadCold('extra', 'all');
        expect(plain.length).toBe(live.length);
        const fromColumns = await withColumns(() => forecast(input(table.records(), activities.records())));
        expect(fromColumns).toEqual(forecast(input([...plain.records()], [...activities.records()])));
      }),
      { numRuns: 10 },
    );
  });

  it('equals the forecast over the record arrays on messy data (undated, unconverted, without history) (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, queryArb, async (data, query) => {
        const { columns, records } = await bothWays(data);
        const input = (d: KpiData): ForecastInput => ({
          data: d,
          period: query.period,
          asOf: query.asOf,
          scope: query.scope,
          calendar: query.calendar,
          currency: query.currency,
          byOwner: query.breakdownByOwner,
        });
        const fromColumns = await withColumns(() => forecast(input(columns)));
        expect(fromColumns).toEqual(forecast(input(records)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the deal table over the column store, read a batch of deals at a time', () => {
  /** The table without its `dealAt` function, and the whole deal at every position beside it. */
  const comparable = ({ dealAt, ...columns }: DealTable) => ({ columns, deals: columns.ids.map((_, i) => dealAt(i)) });

  it('is the table of the record arrays, with the same notes, whatever the batch size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          dataArb.map((data) => ({ data, asOf: undefined })),
          simArb.map(({ seed, reps, days, at }) => ({
            data: simulateCrm({ seed, reps, days, activities: true, stages: true }).data,
            asOf: Math.round(T0 + at * days * DAY_MS),
          })),
        ),
        queryArb,
        fc.constantFrom(1, 2, 3, 7, 64),
        async ({ data, asOf: simulated }, query, batch) => {
          const asOf = simulated ?? query.asOf;
          const { columns, records } = await bothWays(data);
          const currency = query.currency;
          const fromRecords = rewoundTable(records, asOf, 'UTC', currency);
          const fromColumns = await withColumns(() => rewoundTable(columns, asOf, 'UTC', currency, batch));
          expect(fromColumns.notes).toEqual(fromRecords.notes);
          expect(comparable(fromColumns.table)).toEqual(comparable(fromRecords.table));
        },
      ),
      { numRuns: 150 },
    );
  });
});

// ——— the record scans the deal table's columns replaced, as they were ———

function oldWonSoFar(deals: readonly Deal[], includes: (ownerId: string) => boolean, from: number, to: number, currency: ForecastInput['currency']) {
  let amount = 0;
  let count = 0;
  const dealIds: string[] = [];
  const issues = new Map<string, number>();
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.closedAt === undefined || deal.closedAt < from || deal.closedAt >= to || !includes(deal.ownerId)) continue;
    count += 1;
    dealIds.push(deal.externalId);
    const own = ownAmount(deal, currency);
    if ('minor' in own) amount += own.minor;
    else issues.set(own.issue, (issues.get(own.issue) ?? 0) + 1);
  }
  return { amount, deals: count, dealIds: dealIds.sort(), issues: [...issues].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) };
}

function oldAverages(deals: readonly Deal[], from: number, to: number, currency: ForecastInput['currency']) {
  const sums = new Map<string, { sum: number; n: number }>();
  let sum = 0;
  let n = 0;
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.closedAt === undefined || deal.closedAt < from || deal.closedAt > to) continue;
    const own = ownAmount(deal, currency);
    if (!('minor' in own)) continue;
    const s = sums.get(deal.ownerId) ?? { sum: 0, n: 0 };
    s.sum += own.minor;
    s.n += 1;
    sums.set(deal.ownerId, s);
    sum += own.minor;
    n += 1;
  }
  return { byOwner: new Map([...sums].map(([id, s]) => [id, { mean: s.sum / s.n, n: s.n }])), team: n ? { mean: sum / n, n } : undefined };
}

/** The plan's record scans: closed deals of the trailing year in scope (won, lost, amounts, cycles) and deals created in the activity window. */
function oldPlanCounts(deals: readonly Deal[], includes: (id: string) => boolean, asOf: number, currency: ForecastInput['currency']) {
  const from = asOf - DEFAULT_SETTINGS.trailingDays * DAY_MS;
  let wonSum = 0;
  let wonWithAmount = 0;
  let won = 0;
  let lost = 0;
  const cycles: number[] = [];
  for (const deal of deals) {
    if (!includes(deal.ownerId) || deal.status === 'open' || deal.closedAt === undefined) continue;
    if (deal.closedAt < from || deal.closedAt > asOf) continue;
    if (deal.status === 'lost') {
      lost += 1;
      continue;
    }
    won += 1;
    const own = ownAmount(deal, currency);
    if ('minor' in own) {
      wonSum += own.minor;
      wonWithAmount += 1;
    }
    const start = deal.firstContactAt ?? deal.createdAt;
    if (start !== undefined && deal.closedAt >= start) cycles.push((deal.closedAt - start) / DAY_MS);
  }
  const activityFrom = asOf - DEFAULT_SETTINGS.activityTrailingDays * DAY_MS;
  let created = 0;
  for (const deal of deals)
    if (includes(deal.ownerId) && deal.createdAt !== undefined && deal.createdAt >= activityFrom && deal.createdAt <= asOf) created += 1;
  return { wonSum, wonWithAmount, won, lost, cycles: cycles.sort((a, b) => a - b), created };
}

describe("the deal table's sums over every deal", () => {
  it('equal the record scans they replaced: won so far, averages, the plan rates (property)', () => {
    fc.assert(
      fc.property(
        dataArb,
        queryArb,
        fc.constantFrom<(id: string) => boolean>(
          () => true,
          (id) => id === 'alice',
          (id) => id !== 'bob',
        ),
        (data, query, includes) => {
          const { asOf, currency, period } = query;
          const deals = knownAt(data, asOf).deals;
          const table = buildDealTable(deals, data.activities, currency, asOf);
          const notes: Note[] = [];
          const to = Math.min(asOf + 1, period.end);
          const old = oldWonSoFar(deals, includes, period.start, to, currency);
          expect(wonSoFar(table, includes, period.start, to, notes)).toEqual({ amount: old.amount, deals: old.deals, dealIds: old.dealIds });
          expect(notes.map((n) => [n.params.reason, n.params.count])).toEqual(old.issues);
          const from = asOf - 90 * DAY_MS;
          expect(wonAverages(table, from, asOf)).toEqual(oldAverages(deals, from, asOf, currency));
          const counts = oldPlanCounts(deals, includes, asOf, currency);
          const rates = planRates({
            table,
            includes,
            asOf,
            periodEnd: period.end,
            calendar: query.calendar,
            currency,
            quota: undefined,
            wonSoFar: 0,
            expectedPipelineAmount: 0,
            expectedPipelineWins: 0,
            settings: DEFAULT_SETTINGS,
          });
          expect(rates.averageWonDeal.value).toBe(counts.wonWithAmount ? counts.wonSum / counts.wonWithAmount : null);
          expect(rates.averageWonDeal.n).toBe(counts.wonWithAmount);
          expect(rates.winRate.value).toBe(counts.won + counts.lost ? counts.won / (counts.won + counts.lost) : null);
          expect(rates.salesCycleDays.n).toBe(counts.cycles.length);
          expect(rates.callsPerNewDeal.n === 0 || rates.callsPerNewDeal.n === counts.created).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
