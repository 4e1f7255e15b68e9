import { DAY_MS } from '../period/units';
import { datasetPath } from '../../test/datasets';
/**
 * The engine against real data: the Maven Analytics "CRM Sales Opportunities" export (8,800 deals of
 * 30 agents under 6 managers). Every expected number is computed here independently, with plain loops
 * over the raw CSV rows, never through lib/kpi.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { customerSchema, dealSchema, ownerSchema, productSchema, teamSchema, type Deal } from '../model';
import { parsePeriodSpec } from '../period/parse';
import { localDateToInstant } from '../period/local-date';
import type { CalendarOptions } from '../period/types';
import { computeKpis } from './compute';
import type { KpiData, KpiId, KpiOk, KpiQuery, KpiResult } from './types';

const DIR = datasetPath('maven-crm');
const CAL: CalendarOptions = { timeZone: 'UTC', weekStartsOn: 1, fiscalYearStartMonth: 1 };
type Row = Record<string, string>;

/** A tiny CSV reader for files without quoted fields (checked below): header line, then comma-split rows. */
function readCsv(name: string): Row[] {
  const text = readFileSync(`${DIR}/${name}`, 'utf8');
  const [header, ...lines] = text
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.length > 0);
  const columns = (header as string).split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    if (cells.length !== columns.length) throw new Error(`${name}: ${cells.length} cells for ${columns.length} columns in "${line}"`);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] as string]));
  });
}

const FILES = ['sales_pipeline.csv', 'sales_teams.csv', 'products.csv', 'accounts.csv'];
const pipeline = readCsv('sales_pipeline.csv');
const teams = readCsv('sales_teams.csv');
const products = readCsv('products.csv');
const accounts = readCsv('accounts.csv');
/** The pipeline spells one product `GTXPro` where products.csv says `GTX Pro`. */
const productName = (raw: string) => (raw === 'GTXPro' ? 'GTX Pro' : raw);
const day = (date: string) => localDateToInstant(date, 'UTC');
const base = (id: string) => ({ source: 'csv:maven', externalId: id, updatedAt: 0 });

function canonical(): KpiData {
  const price = new Map(products.map((p) => [p.product as string, Number(p.sales_price)]));
  const deals: Deal[] = pipeline.map((r) => {
    const status = r.deal_stage === 'Won' ? 'won' : r.deal_stage === 'Lost' ? 'lost' : 'open';
    const product = productName(r.product as string);
    const listPrice = price.get(product);
    if (listPrice === undefined) throw new Error(`unknown product ${product}`);
    const value = r.close_value ? { minor: Number(r.close_value) * 100, currency: 'USD' } : undefined;
    return dealSchema.parse({
      ...base(r.opportunity_id as string),
      title: `${product} for ${r.account || 'no account'}`,
      ownerId: r.sales_agent,
      status,
      amount: value,
      createdAt: r.engage_date ? day(r.engage_date) : undefined,
      closedAt: r.close_date ? day(r.close_date) : undefined,
      customerId: r.account || undefined,
      lineItems: [{ productId: product, name: product, quantity: 1, unitPrice: value ?? { minor: listPrice * 100, currency: 'USD' } }],
    });
  });
  return {
    owners: teams.map((t) => ownerSchema.parse({ ...base(t.sales_agent as string), name: t.sales_agent, teamId: t.manager })),
    teams: [...new Set(teams.map((t) => t.manager as string))].map((m) => teamSchema.parse({ ...base(m), name: m })),
    pipelines: [],
    stages: [],
    products: products.map((p) =>
      productSchema.parse({ ...base(p.product as string), name: p.product, unitPrice: { minor: Number(p.sales_price) * 100, currency: 'USD' } }),
    ),
    deals,
    activities: [],
    leads: [],
    customers: accounts.map((a) => customerSchema.parse({ ...base(a.account as string), name: a.account, region: a.office_location })),
    mrrMovements: [],
    spend: [],
    quotas: [],
    targets: [],
  };
}

const data = canonical();
const run = (spec: string, kpis: readonly KpiId[], over: Partial<KpiQuery> = {}) =>
  computeKpis(data, {
    kpis,
    period: parsePeriodSpec(spec, CAL),
    asOf: Date.parse('2018-01-01T00:00:00Z'),
    scope: { ownerIds: 'all' },
    calendar: CAL,
    currency: { reporting: 'USD', rates: {} },
    settings: { demoKeywords: [], staleDays: 14 },
    ...over,
  });
const ok = (r: KpiResult | undefined): KpiOk & Pick<KpiResult, 'byOwner'> => {
  if (r?.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
};

// Independent helpers over raw rows: dates compare as YYYY-MM-DD strings.
const inRange = (date: string, from: string, to: string) => date !== '' && date >= from && date < to;
const won = (from: string, to: string) => pipeline.filter((r) => r.deal_stage === 'Won' && inRange(r.close_date as string, from, to));
const lost = (from: string, to: string) => pipeline.filter((r) => r.deal_stage === 'Lost' && inRange(r.close_date as string, from, to));
const dollars = (rows: Row[]) => rows.reduce((sum, r) => sum + Number(r.close_value), 0);

describe('the Maven CRM export', () => {
  it('has no quoted fields, so a comma split reads it correctly', () => {
    for (const file of FILES) expect(readFileSync(`${DIR}/${file}`, 'utf8').includes('"'), file).toBe(false);
    expect([pipeline.length, teams.length, products.length, accounts.length]).toEqual([8800, 35, 7, 85]);
  });

  it('gives the won count and amount of 2017-Q2', () => {
    const rows = won('2017-04-01', '2017-07-01');
    const r = ok(run('2017-Q2', ['avgPurchaseValue']).avgPurchaseValue);
    expect([r.denominator, r.numerator]).toEqual([rows.length, dollars(rows) * 100]);
    expect(rows.length).toBe(285 + 438 + 531); // April + May + June wins, counted with awk
  });

  it.each(['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4'])('gives the win rate of %s', (quarter) => {
    const q = Number(quarter.slice(-1));
    const from = `2017-${String(q * 3 - 2).padStart(2, '0')}-01`;
    const to = q === 4 ? '2018-01-01' : `2017-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const w = won(from, to).length;
    const l = lost(from, to).length;
    expect(ok(run(quarter, ['winRate']).winRate).value).toBeCloseTo((w / (w + l)) * 100, 10);
  });

  it('gives the average deal size of 2017', () => {
    const rows = won('2017-01-01', '2018-01-01');
    expect(ok(run('2017', ['avgPurchaseValue']).avgPurchaseValue).value).toBe(Math.round((dollars(rows) * 100) / rows.length));
  });

  it('gives the average sales cycle (engage → close) of deals won in June 2017', () => {
    const rows = won('2017-06-01', '2017-07-01');
    const days = rows.map((r) => (Date.parse(`${r.close_date}T00:00:00Z`) - Date.parse(`${r.engage_date}T00:00:00Z`)) / DAY_MS);
    const mean = days.reduce((a, b) => a + b, 0) / days.length;
    expect(ok(run('2017-06', ['avgSalesCycle']).avgSalesCycle).value).toBeCloseTo(mean, 9);
  });

  it('gives sales by region (office location of the account) for 2017', () => {
    const office = new Map(accounts.map((a) => [a.account as string, a.office_location as string]));
    const expected = new Map<string, number>();
    for (const r of won('2017-01-01', '2018-01-01')) {
      const key = office.get(r.account as string) ?? '(unknown)';
      expected.set(key, (expected.get(key) ?? 0) + Number(r.close_value) * 100);
    }
    const r = ok(run('2017', ['salesByRegion']).salesByRegion);
    expect(new Map(r.breakdown?.map((b) => [b.key, b.value]))).toEqual(expected);
    expect(r.breakdown?.[0]?.key).toBe('United States');
  });

  it('gives sales by product for 2017, GTXPro read as GTX Pro', () => {
    const expected = new Map<string, number>();
    for (const r of won('2017-01-01', '2018-01-01')) {
      const key = productName(r.product as string);
      expected.set(key, (expected.get(key) ?? 0) + Number(r.close_value) * 100);
    }
    const r = ok(run('2017', ['productRevenue']).productRevenue);
    expect(new Map(r.breakdown?.map((b) => [b.key, b.value]))).toEqual(expected);
    expect(r.breakdown?.map((b) => b.key)).toContain('GTX Pro');
  });

  it('counts opportunities created (engaged) per month', () => {
    const months = ['2016-10', '2016-11', '2016-12', ...Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`)];
    for (const month of months) {
      const expected = pipeline.filter((r) => (r.engage_date as string).startsWith(month)).length;
      expect(ok(run(month, ['opportunitiesCreated']).opportunitiesCreated).value, month).toBe(expected);
    }
    // The 500 Prospecting deals have no engage date, and deals still engaging have no value yet: both are
    // reported as left out (of the count and of the amount), not silently dropped.
    const noValue = pipeline.filter((r) => (r.engage_date as string).startsWith('2017-06') && r.close_value === '').length;
    expect(ok(run('2017-06', ['opportunitiesCreated']).opportunitiesCreated).excluded).toEqual([
      { count: 500, reason: 'no created date' },
      { count: noValue, reason: 'no amount' },
    ]);
  });

  it('ranks the leaderboard by won amount in 2017', () => {
    const byAgent = new Map<string, number>(teams.map((t) => [t.sales_agent as string, 0]));
    for (const r of won('2017-01-01', '2018-01-01'))
      byAgent.set(r.sales_agent as string, (byAgent.get(r.sales_agent as string) ?? 0) + Number(r.close_value) * 100);
    const expected = [...byAgent].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const r = ok(run('2017', ['repLeaderboard']).repLeaderboard);
    expect(r.breakdown?.map((b) => [b.key, b.value])).toEqual(expected);
  });

  it("gives each manager's team the sum of their agents", () => {
    const managers = [...new Set(teams.map((t) => t.manager as string))];
    for (const manager of managers) {
      const agents = new Set(teams.filter((t) => t.manager === manager).map((t) => t.sales_agent as string));
      const expected = dollars(won('2017-01-01', '2018-01-01').filter((r) => agents.has(r.sales_agent as string))) * 100;
      const results = run('2017', ['salesByRegion', 'opportunitiesCreated'], { scope: { ownerIds: 'all', teamId: manager }, breakdownByOwner: true });
      const team = ok(results.salesByRegion);
      expect(team.value, manager).toBe(expected);
      const owners = team.byOwner ?? [];
      expect(owners.map((o) => o.ownerId).sort()).toEqual([...agents].sort());
      expect(owners.reduce((sum, o) => sum + (o.result.status === 'ok' ? o.result.value : Number.NaN), 0)).toBe(expected);
    }
  });
});

describe('the Maven CRM export as of an instant', () => {
  const endOfDay = (date: string) => (day(date) as number) + DAY_MS - 1;
  const sumWon = (from: string, toInclusive: string) =>
    dollars(pipeline.filter((r) => r.deal_stage === 'Won' && r.close_date! >= from && r.close_date! <= toInclusive));

  it('compares a month in progress with the same days of the month before', () => {
    const asOf = endOfDay('2017-06-15');
    const r = run('2017-06', ['salesGrowth', 'winRate'], { asOf });
    const growth = ok(r.salesGrowth);
    const june = sumWon('2017-06-01', '2017-06-15');
    const may = sumWon('2017-05-01', '2017-05-15');
    expect([growth.parts.current, growth.parts.previous]).toEqual([june * 100, may * 100]);
    expect(growth.value).toBeCloseTo(((june - may) / may) * 100, 9);
    expect(growth.partial).toBe(true);
    expect(growth.comparison).toEqual({ start: day('2017-05-01'), end: endOfDay('2017-05-15') + 1, label: '2017-05' });
    // Win rate 1–15 June against 1–15 May, the change in percentage points
    const rate = (from: string, to: string) => {
      const closed = pipeline.filter((row) => (row.deal_stage === 'Won' || row.deal_stage === 'Lost') && row.close_date! >= from && row.close_date! <= to);
      return (closed.filter((row) => row.deal_stage === 'Won').length / closed.length) * 100;
    };
    const winRate = ok(r.winRate);
    expect(winRate.value).toBeCloseTo(rate('2017-06-01', '2017-06-15'), 9);
    expect(winRate.previous?.unit).toBe('pp');
    expect(winRate.previous?.change).toBeCloseTo(rate('2017-06-01', '2017-06-15') - rate('2017-05-01', '2017-05-15'), 9);
  });

  it('gives the deals open on a past date: engaged by then (or never dated) and not closed by then', () => {
    for (const date of ['2017-03-31', '2017-08-15']) {
      const expected = pipeline.filter(
        (row) => (row.engage_date === '' || row.engage_date! <= date) && (row.close_date === '' || row.close_date! > date),
      ).length;
      const r = ok(run(date.slice(0, 7), ['dealsInPipeline'], { asOf: endOfDay(date), comparePeriod: null }).dealsInPipeline);
      expect(r.value, date).toBe(expected);
    }
    // Every deal is counted at most once: the pipeline at 31 March is not today's (1,589 Engaging/Prospecting deals)
    expect(ok(run('2017-03', ['dealsInPipeline'], { asOf: endOfDay('2017-03-31') }).dealsInPipeline).value).not.toBe(
      pipeline.filter((row) => row.deal_stage === 'Engaging' || row.deal_stage === 'Prospecting').length,
    );
  });

  it('reports churn, retention and a pipeline without amounts as missing, not as 0 %, 100 % and 0', () => {
    // The export has accounts but no churn dates, and the deals still open at its end (Engaging and
    // Prospecting) have no close value. (At an earlier date, the open deals include deals closed later,
    // whose value is known.)
    const withoutPrices = { ...data, products: [], deals: data.deals.map((d) => (d.status === 'open' ? { ...d, lineItems: [] } : d)) };
    const r = computeKpis(withoutPrices, {
      kpis: ['churn', 'retentionRate', 'pipelineValue'],
      period: parsePeriodSpec('2017-12', CAL),
      asOf: endOfDay('2017-12-31'),
      scope: { ownerIds: 'all' },
      calendar: CAL,
      currency: { reporting: 'USD', rates: {} },
      settings: { demoKeywords: [], staleDays: 14 },
    });
    expect(r.churn).toMatchObject({ status: 'needs-data', missing: ['churnDates'] });
    expect(r.retentionRate).toMatchObject({ status: 'needs-data', missing: ['churnDates'] });
    expect(r.pipelineValue).toMatchObject({ status: 'needs-data', missing: ['dealAmounts'] });
    // With products.csv mapped, each open deal's product has a list price: an estimate that says it is one.
    const estimate = ok(run('2017-12', ['pipelineValue'], { asOf: endOfDay('2017-12-31') }).pipelineValue);
    const open = pipeline.filter((row) => row.deal_stage === 'Engaging' || row.deal_stage === 'Prospecting');
    const listPrice = new Map(products.map((p) => [p.product as string, Number(p.sales_price)]));
    expect(estimate.value).toBe(open.reduce((sum, row) => sum + (listPrice.get(productName(row.product as string)) ?? Number.NaN), 0) * 100);
    expect(estimate.method).toBe('list-price-estimate');
    expect(estimate.notes?.[0]?.code).toBe('list-price-estimate');
  });
});
