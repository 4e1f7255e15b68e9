/**
 * KPI engine benchmark: a seeded synthetic CRM (at the current size 20 reps, 12 months, 100,000
 * activities, 10,000 deals; at team scale 50 reps, 24 months, 1,000,000 activities, 100,000 deals;
 * with leads, customers, MRR, quotas, spend) and the two workloads the sidebar cares about:
 * (a) the pinned KPIs for one rep and one month, (b) the whole catalogue for everyone, per owner, and
 * (c) (a) again as the first query over newly loaded arrays, when the engine builds its indexes.
 * Run: npx tsx -e "import('./scripts/bench/kpi.ts').then(m=>m.benchKpi()).then(r=>console.log(JSON.stringify(r,null,2)))"
 */
import { DAY_MS, parsePeriodSpec, type CalendarOptions } from '@/lib/period';
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { forecast } from '@/lib/forecast';
import { computeKpis, type KpiData, type KpiId, type KpiQuery } from '@/lib/kpi';
import type { Activity, Customer, Deal, Lead, MrrMovement, Quota, Spend, Stage } from '@/lib/model';
import { type StoredChunk, chunksOf, tableOver, withColumns, ColumnTable, columnTableOf, type StoredOrder, type ColumnType } from '@/lib/columns';
import { BUDGETS, KPI_SIZES, type BenchScale, type KpiSize } from './scale';

const CALENDAR: CalendarOptions = { timeZone: 'Europe/Berlin', weekStartsOn: 1, fiscalYearStartMonth: 1 };
const AS_OF = Date.parse('2017-12-15T15:00:00+01:00');
const PINNED: readonly KpiId[] = ['activityCounts', 'quotaAttainment', 'pipelineValue', 'dealsInPipeline'];

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The first month of the data: `months` months ending with December 2017. */
function monthsOf(months: number): string[] {
  return Array.from({ length: months }, (_, m) => {
    const index = 2017 * 12 + 11 - (months - 1) + m;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export function generateData(seed = 42, size: KpiSize = KPI_SIZES.current): KpiData {
  const rnd = prng(seed);
  const REPS = size.reps;
  const months = monthsOf(size.months);
  const YEAR_START = Date.parse(`${months[0]}-01T00:00:00+01:00`);
  const SPAN = AS_OF - YEAR_START;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const base = (id: string) => ({ source: 'bench', externalId: id, updatedAt: 0 });
  const owners = Array.from({ length: REPS }, (_, i) => ({
    ...base(`rep${i}`),
    name: `Rep ${i}`,
    teamId: i < REPS / 2 ? 'east' : 'west',
    role: 'rep' as const,
    active: true,
  }));
  const repIds = owners.map((o) => o.externalId);
  const stages: Stage[] = ['Lead', 'Qualified', 'Demo', 'Proposal', 'Negotiation', 'Contract'].map((name, i) => ({
    ...base(`st${i}`),
    pipelineId: 'p1',
    name,
    order: i,
    probability: 10 + i * 15,
  }));
  const products = Array.from({ length: 7 }, (_, i) => ({
    ...base(`pr${i}`),
    name: `Product ${i}`,
    unitPrice: { minor: (i + 1) * 50_000, currency: 'USD' },
    unitCost: { minor: (i + 1) * 20_000, currency: 'USD' },
  }));
  const customers: Customer[] = Array.from({ length: size.customers }, (_, i) => {
    const acquiredAt = YEAR_START - 365 * DAY_MS + Math.floor(rnd() * (SPAN + 365 * DAY_MS));
    const churnedAt = rnd() < 0.15 ? acquiredAt + Math.floor(rnd() * 300 * DAY_MS) : undefined;
    return {
      ...base(`c${i}`),
      name: `Customer ${i}`,
      ownerId: pick(repIds),
      region: pick(['EMEA', 'APAC', 'AMER']),
      acquiredAt,
      churnedAt: churnedAt !== undefined && churnedAt < AS_OF ? churnedAt : undefined,
      churnReason: rnd() < 0.3 ? 'non-payment' : 'voluntary',
    };
  });
  const deals: Deal[] = Array.from({ length: size.deals }, (_, i) => {
    const createdAt = YEAR_START + Math.floor(rnd() * SPAN);
    const closedAt = createdAt + Math.floor((5 + rnd() * 80) * DAY_MS);
    const roll = rnd();
    const status = closedAt > AS_OF ? 'open' : roll < 0.35 ? 'won' : roll < 0.8 ? 'lost' : 'open';
    const stageIndex = Math.floor(rnd() * stages.length);
    const product = pick(products);
    const quantity = 1 + Math.floor(rnd() * 3);
    const euro = rnd() < 0.1;
    const minor = quantity * (product.unitPrice.minor as number);
    return {
      ...base(`d${i}`),
      title: `Deal ${i}`,
      ownerId: pick(repIds),
      status,
      pipelineId: 'p1',
      stageId: stages[stageIndex]?.externalId,
      amount: { minor, currency: euro ? 'EUR' : 'USD' },
      createdAt,
      closedAt: status === 'open' ? undefined : closedAt,
      expectedCloseAt: status === 'open' ? closedAt : undefined,
      channel: pick(['call', 'email', 'referral', 'inbound', 'event'] as const),
      customerId: `c${Math.floor(rnd() * size.customers)}`,
      region: pick(['EMEA', 'APAC', 'AMER']),
      lineItems: [{ productId: product.externalId, name: product.name, quantity, unitPrice: product.unitPrice }],
      stageHistory: stages.slice(0, stageIndex + 1).map((s, k) => ({ stageId: s.externalId, enteredAt: createdAt + k * 3 * DAY_MS })),
    };
  });
  const activities: Activity[] = Array.from({ length: size.activities }, (_, i) => {
    const occurredAt = YEAR_START + Math.floor(rnd() * SPAN);
    const type = pick(['call', 'call', 'call', 'email', 'email', 'meeting', 'task'] as const);
    return {
      ...base(`a${i}`),
      ownerId: pick(repIds),
      type,
      direction: rnd() < 0.8 ? 'outbound' : 'inbound',
      occurredAt,
      createdAt: occurredAt - DAY_MS,
      done: occurredAt <= AS_OF,
      title: type === 'meeting' && rnd() < 0.3 ? 'Product demo' : `Activity ${i}`,
      dealId: rnd() < 0.5 ? `d${Math.floor(rnd() * size.deals)}` : undefined,
      email: type === 'email' ? { cold: rnd() < 0.5, opened: rnd() < 0.4, replied: rnd() < 0.1, converted: rnd() < 0.05 } : undefined,
    };
  });
  const leads: Lead[] = Array.from({ length: size.leads }, (_, i) => {
    const createdAt = YEAR_START + Math.floor(rnd() * SPAN);
    const converted = rnd() < 0.25;
    const mqlAt = rnd() < 0.6 ? createdAt + 2 * DAY_MS : undefined;
    return {
      ...base(`l${i}`),
      ownerId: pick(repIds),
      createdAt,
      status: converted ? 'converted' : 'open',
      mqlAt,
      sqlAt: mqlAt !== undefined && rnd() < 0.4 ? mqlAt + 5 * DAY_MS : undefined,
      convertedAt: converted ? createdAt + 20 * DAY_MS : undefined,
    };
  });
  const mrrMovements: MrrMovement[] = customers.flatMap((c, i) => {
    const moves: MrrMovement[] = [
      {
        ...base(`m${i}n`),
        customerId: c.externalId,
        at: c.acquiredAt as number,
        kind: 'new',
        amount: { minor: 10_000 + Math.floor(rnd() * 90_000), currency: 'USD' },
      },
    ];
    if (rnd() < 0.3)
      moves.push({
        ...base(`m${i}e`),
        customerId: c.externalId,
        at: (c.acquiredAt as number) + 60 * DAY_MS,
        kind: 'expansion',
        amount: { minor: 5_000, currency: 'USD' },
      });
    if (c.churnedAt !== undefined) moves.push({ ...base(`m${i}c`), customerId: c.externalId, at: c.churnedAt, kind: 'churn', amount: moves[0]!.amount });
    return moves;
  });
  const next = (m: number) => (m === months.length - 1 ? '2018-01-01' : `${months[m + 1]}-01`);
  const quotas: Quota[] = repIds.flatMap((ownerId, r) =>
    months.map((month, m) => ({
      ...base(`q${r}-${m}`),
      ownerId,
      periodKind: 'month' as const,
      startDate: `${month}-01`,
      endDate: next(m),
      amount: { minor: 5_000_000, currency: 'USD' },
    })),
  );
  const spend: Spend[] = months.flatMap((month, m) => [
    { ...base(`sp${m}s`), month, kind: 'sales' as const, amount: { minor: 2_000_000, currency: 'USD' } },
    { ...base(`sp${m}m`), month, kind: 'marketing' as const, channel: 'email' as const, amount: { minor: 1_000_000, currency: 'USD' } },
  ]);
  return {
    owners,
    teams: [
      { ...base('east'), name: 'East' },
      { ...base('west'), name: 'West' },
    ],
    pipelines: [{ ...base('p1'), name: 'Sales', order: 0 }],
    stages,
    products,
    deals,
    activities,
    leads,
    customers,
    mrrMovements,
    spend,
    quotas,
    targets: [
      { ...base('t1'), metric: 'calls', per: 'day', value: 20 },
      { ...base('t2'), metric: 'emails', per: 'day', value: 15 },
    ],
  };
}

function query(over: Partial<KpiQuery>): KpiQuery {
  return {
    period: parsePeriodSpec('2017-12', CALENDAR),
    asOf: AS_OF,
    scope: { ownerIds: 'all' },
    calendar: CALENDAR,
    currency: { reporting: 'USD', rates: { EUR: 1.18 } },
    settings: { demoKeywords: ['demo', 'trial', 'демо'], staleDays: 14 },
    ...over,
  };
}

type Stored = { deals: StoredChunk[]; activities: StoredChunk[]; leads: StoredChunk[] };

/**
 * The same KpiData with activities, deals and leads as a cold worker holds them: column tables over
 * their chunks; with `orders`, also the sorted orders the worker keeps in the store beside them (read
 * with the hot chunks after a restart, until a write makes them stale: lib/db/load.ts).
 */
function persistedCopy(data: KpiData, stored: Stored, orders?: Map<ColumnType, StoredOrder[]>): KpiData {
  const table = <T extends ColumnType>(type: T, chunks: StoredChunk[]) => {
    const made = tableOver('bench', type, chunks);
    if (orders) made.useOrders(1, orders.get(type) ?? []);
    return made.records();
  };
  return { ...data, deals: table('deal', stored.deals), activities: table('activity', stored.activities), leads: table('lead', stored.leads) };
}

/** The orders a first cold query sorts and the worker then keeps (its `saveOrders`), for the next cold start. */
async function ordersMadeBy(data: KpiData, stored: Stored, query: KpiQuery): Promise<Map<ColumnType, StoredOrder[]>> {
  const cold = persistedCopy(data, stored, new Map());
  await withColumns(() => computeKpis(cold, query));
  const orders = new Map<ColumnType, StoredOrder[]>();
  for (const list of [cold.deals, cold.activities, cold.leads] as readonly (readonly unknown[])[]) {
    const table = columnTableOf(list)!;
    orders.set(
      table.type,
      [...table.madeOrders].map(([name, order]) => ({ source: 'bench', type: table.type, tier: 'order' as const, chunk: 0, name, generation: 1, order })),
    );
  }
  return orders;
}

/** Bytes of the typed arrays and strings of chunks (what IndexedDB stores, before its own overhead). */
function chunkBytes(chunks: readonly StoredChunk[]): number {
  let bytes = 0;
  const add = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) bytes += value.byteLength;
    else if (typeof value === 'string') bytes += value.length;
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  chunks.forEach((chunk) => add(chunk.cols));
  return bytes;
}

/** A full garbage collection (the flag set at run time, as `npm run bench` runs without --expose-gc). */
async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // Array buffers are freed after a collection, by a task of their own: collect, let it run, again.
  for (let i = 0; i < 3; i += 1) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The heap a cold worker holds after its first numbers, modelled in Node: column tables over copies
 * of the hot chunks, cold chunks copied as they are read (IndexedDB gives copies), then the pinned
 * KPIs of one rep and that rep's forecast, as the sidebar's first view asks; what is left after a
 * full collection, beside the heap before (the stored chunks themselves are not the worker's).
 */
async function coldWorkerHeap(data: KpiData, stored: Stored, pinned: KpiQuery): Promise<{ jsMb: number; arrayBuffersMb: number; totalMb: number }> {
  const copyLoader = <T extends ColumnType>(type: T, chunks: StoredChunk[]) =>
    new ColumnTable('bench', type, structuredClone(chunks.filter((c) => c.tier === 'hot')), async (tier, wanted) =>
      structuredClone(chunks.filter((c) => c.tier === tier && (wanted === 'all' || wanted.includes(c.chunk)))),
    );
  await collectGarbage();
  const before = process.memoryUsage();
  const cold = {
    ...data,
    deals: copyLoader('deal', stored.deals).records(),
    activities: copyLoader('activity', stored.activities).records(),
    leads: copyLoader('lead', stored.leads).records(),
  };
  await withColumns(() => computeKpis(cold, pinned));
  await withColumns(() =>
    forecast({ period: pinned.period, asOf: AS_OF, calendar: CALENDAR, currency: pinned.currency, data: cold, scope: pinned.scope, quota: 5_000_000 }),
  );
  await collectGarbage();
  const after = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  const js = after.heapUsed - before.heapUsed;
  const buffers = after.arrayBuffers - before.arrayBuffers;
  void cold;
  return { jsMb: mb(js), arrayBuffersMb: mb(buffers), totalMb: mb(js + buffers) };
}

async function measureAsync(name: string, budget: number, runs: number, work: () => Promise<unknown>) {
  for (let i = 0; i < 2; i += 1) await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return summary(name, budget, runs, wall, cpu);
}

function summary(name: string, budget: number, runs: number, wall: number[], cpu: number[]) {
  const stat = (list: number[], q: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return Math.round((sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number) * 100) / 100;
  };
  return {
    name,
    median_ms: stat(wall, 0.5),
    p90_ms: stat(wall, 0.9),
    budget_ms: budget,
    runs,
    within_budget: stat(wall, 0.9) < budget,
    cpu_median_ms: stat(cpu, 0.5),
    cpu_p90_ms: stat(cpu, 0.9),
  };
}

/**
 * Wall-clock and CPU time per run. On a shared 2-core machine other processes inflate wall time, so
 * the process CPU time (user + system, which also counts the garbage collector's threads) is given too.
 */
function measure(name: string, budget: number, runs: number, work: () => unknown) {
  for (let i = 0; i < 3; i += 1) work(); // warm-up: JIT and caches
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return summary(name, budget, runs, wall, cpu);
}

export async function benchKpi(scale: BenchScale = 'current'): Promise<Record<string, unknown>> {
  const size = KPI_SIZES[scale];
  // Records as the sidebar gets them from IndexedDB: structured clones (objects built by a generator
  // with spreads have slow shapes that real data never has).
  const data = structuredClone(generateData(42, size));
  const pinned = query({ kpis: PINNED, scope: { ownerIds: ['rep3'] } });
  const everything = query({ scope: { ownerIds: 'all' }, breakdownByOwner: true });
  const runs = scale === 'team' ? { pinned: 15, catalogue: 9, fresh: 7 } : { pinned: 20, catalogue: 15, fresh: 15 };
  // For the first query after a (re)load: the same records in new arrays, so the engine's per-array
  // indexes are rebuilt on every run (the arrays are copied before the clock starts).
  const fresh = Array.from({ length: 3 + runs.fresh }, () => ({ ...data, deals: [...data.deals], activities: [...data.activities], leads: [...data.leads] }));
  const entries = [
    measure('pinned KPIs, one rep, one month', 50, runs.pinned, () => computeKpis(data, pinned)),
    measure('whole catalogue, whole team, by owner', BUDGETS[scale].catalogueMs, runs.catalogue, () => computeKpis(data, everything)),
    measure('pinned KPIs, first query over new arrays (indexes built)', BUDGETS[scale].engineFirstQueryMs, runs.fresh, () =>
      computeKpis(fresh.pop() as KpiData, pinned),
    ),
  ];
  fresh.length = 0;
  // The persisted form (lib/columns): what a cold worker reads, and the same queries over it.
  const stored = {
    deals: chunksOf('bench', 'deal', data.deals),
    activities: chunksOf('bench', 'activity', data.activities),
    leads: chunksOf('bench', 'lead', data.leads),
  };
  const persisted = persistedCopy(data, stored);
  entries.push(
    await measureAsync(
      'pinned KPIs, first query from the persisted columns (cold worker: indexes from the chunks, records made for the rows placed)',
      BUDGETS[scale].engineFirstQueryMs,
      runs.fresh,
      () => {
        const cold = persistedCopy(data, stored);
        return withColumns(() => computeKpis(cold, pinned));
      },
    ),
    await measureAsync('pinned KPIs over the persisted columns, warm', 50, runs.pinned, () => withColumns(() => computeKpis(persisted, pinned))),
    await measureAsync('whole catalogue over the persisted columns, warm', BUDGETS[scale].catalogueMs, runs.catalogue, () =>
      withColumns(() => computeKpis(persisted, everything)),
    ),
  );
  // A restarted worker whose store holds the orders its last cold start sorted (no write since).
  const orders = await ordersMadeBy(data, stored, pinned);
  entries.push(
    await measureAsync(
      'pinned KPIs, first query from the persisted columns and their stored orders (a restarted worker, no write since its last start)',
      BUDGETS[scale].engineFirstQueryMs,
      runs.fresh,
      () => {
        const cold = persistedCopy(data, stored, orders);
        return withColumns(() => computeKpis(cold, pinned));
      },
    ),
  );
  const heap = await coldWorkerHeap(data, stored, pinned);
  const storedBytes = { activity: chunkBytes(stored.activities), deal: chunkBytes(stored.deals), lead: chunkBytes(stored.leads) };
  const hotBytes = chunkBytes(stored.activities.filter((chunk) => chunk.tier === 'hot'));
  const memory = process.memoryUsage();
  return {
    name: 'kpi',
    scale,
    load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
    dataset: {
      reps: size.reps,
      months: size.months,
      activities: data.activities.length,
      deals: data.deals.length,
      leads: data.leads.length,
      customers: data.customers.length,
      mrrMovements: data.mrrMovements.length,
      quotas: data.quotas.length,
    },
    memory_mb: { rss: Math.round(memory.rss / 2 ** 20), heapUsed: Math.round(memory.heapUsed / 2 ** 20) },
    cold_worker_heap_mb: heap,
    column_bytes_per_record: {
      activity: Math.round(storedBytes.activity / data.activities.length),
      activityHot: Math.round(hotBytes / data.activities.length),
      deal: Math.round(storedBytes.deal / data.deals.length),
      lead: Math.round(storedBytes.lead / data.leads.length),
    },
    entries,
  };
}
