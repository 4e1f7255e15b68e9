import { DAY_MS } from '../../period/units';
import { DATASETS_DIR } from '../../../test/datasets';
/**
 * The summary on real data: the Maven "CRM Sales Opportunities" export read through lib/import, week
 * 2017-W23 (Mon 5 – Sun 11 June 2017, UTC), against plain computations over the raw CSV rows made
 * here. Dates in the file are YYYY-MM-DD, so they compare as strings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../import';
import type { KpiData } from '../../kpi/types';
import { buildWeeklySummary } from './build';
import type { SummarySection, WeeklySummary } from './types';

const DATASETS = DATASETS_DIR;
const FILE = join(DATASETS, 'maven-crm/sales_pipeline.csv');
const AGENT = 'Darcel Schlecht';
const NOW = Date.UTC(2017, 11, 31, 23, 59, 59, 999); // the end of the latest close date, as `kpi-lens` reads an old export

type Row = { id: string; agent: string; stage: string; engage: string; close: string; value: string };
const ROWS: Row[] = readFileSync(FILE, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id = '', agent = '', , , stage = '', engage = '', close = '', value = ''] = line.replace(/\r$/, '').split(',');
    return { id, agent, stage, engage, close, value };
  });

function plain(rows: Row[], from: string, to: string) {
  const inWeek = (date: string) => date >= from && date <= to;
  const created = rows.filter((r) => r.engage && inWeek(r.engage));
  const won = rows.filter((r) => r.stage === 'Won' && inWeek(r.close));
  const lost = rows.filter((r) => r.stage === 'Lost' && inWeek(r.close));
  const cents = (list: Row[]) => list.reduce((total, r) => total + Math.round(Number(r.value || 0) * 100), 0);
  return { created: created.length, createdCents: cents(created), won: won.length, wonCents: cents(won), lost: lost.length, lostCents: cents(lost) };
}

let data: KpiData;
const basics = {
  calendar: { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 },
  currency: { reporting: 'USD', rates: {} },
  settings: { demoKeywords: ['demo'], staleDays: 14 },
};

beforeAll(async () => {
  const result = await importCsv(readFileSync(FILE, 'utf8'), { source: 'csv:maven', timeZone: 'UTC', importedAt: 0, currency: 'USD' });
  const empty = { teams: [], pipelines: [], stages: [], mrrMovements: [], spend: [], quotas: [], targets: [] };
  data = { ...empty, ...result.records } as KpiData;
});

function checkWeek(section: SummarySection, rows: Row[]) {
  const cur = plain(rows, '2017-06-05', '2017-06-11');
  const prev = plain(rows, '2017-05-29', '2017-06-04');
  expect(section.deals).toMatchObject({
    // The amount of a deal created in the week is its close value today: won ones have one, lost ones $0, open ones none.
    created: { value: cur.created, previous: prev.created, amount: cur.createdCents, previousAmount: prev.createdCents },
    won: { value: cur.won, previous: prev.won, amount: cur.wonCents, previousAmount: prev.wonCents },
    lost: { value: cur.lost, previous: prev.lost },
  });
  const moves = Object.fromEntries(section.pipeline!.moves.map((row) => [row.move, row]));
  expect(moves.won).toMatchObject({ count: cur.won, amount: cur.wonCents });
  expect(moves.lost).toMatchObject({ count: cur.lost, amount: cur.lostCents }); // lost deals are worth $0 in this file
  // No stage history and no expected close dates in this export: the data cannot tell these two.
  expect(moves.advanced).toMatchObject({ available: false, count: 0 });
  expect(moves.slipped).toMatchObject({ available: false, count: 0 });
  return cur;
}

describe('weekly summary on the Maven CRM export (2017-W23)', () => {
  let rep: WeeklySummary;
  beforeAll(() => {
    const owner = data.owners.find((o) => o.name === AGENT)!;
    rep = buildWeeklySummary(data, { now: NOW, week: '2017-W23', basics, audience: { ownerId: owner.externalId } });
  });

  it("matches the agent's raw rows", () => {
    const rows = ROWS.filter((r) => r.agent === AGENT);
    const section = rep.sections[0]!;
    expect(rep.week).toMatchObject({ label: '2017-W23', firstDay: '2017-06-05', lastDay: '2017-06-11' });
    const cur = checkWeek(section, rows);
    expect(cur.won).toBeGreaterThan(0); // a real week, not an empty one
    expect(section.deals!.winRate.value).toBeCloseTo((cur.won / (cur.won + cur.lost)) * 100, 9); // won ÷ (won + lost) × 100
    expect(section.activities).toBeNull(); // a deals export has no activities
    expect(section.quota.status).toBe('none');
  });

  it('lists the deals open at the end of the week (not at the end of the export) and those at risk then', () => {
    const rows = ROWS.filter((r) => r.agent === AGENT);
    // Open on Sun 11 June 23:59:59.999: engaged by then (Prospecting rows have no date: always there) and not closed by then.
    const last = '2017-06-11';
    const AT = Date.UTC(2017, 5, 12) - 1;
    const open = rows.filter((r) => (r.engage === '' || r.engage <= last) && (r.close === '' || r.close > last));
    const cents = (r: Row) => (r.value === '' ? undefined : Math.round(Number(r.value) * 100));
    const priced = open.filter((r) => cents(r) !== undefined);
    const section = rep.sections[0]!;
    // Deals still open then that closed later carry their close value; those still open today have none.
    expect(section.pipeline).toMatchObject({ openDeals: open.length, openAmount: priced.reduce((total, r) => total + cents(r)!, 0) });
    expect(priced.length).toBeGreaterThan(0);
    expect(priced.length).toBeLessThan(open.length);
    // Idle since the engage date (no activities in the export), counted at the end of the week.
    const stale = open.filter((r) => r.engage && (AT - Date.parse(`${r.engage}T00:00:00Z`)) / DAY_MS >= 14);
    expect(section.atRisk).toMatchObject({ count: stale.length, amount: stale.reduce((total, r) => total + (cents(r) ?? 0), 0) });
    expect(stale.length).toBeGreaterThan(0);
    // The largest open deals then, ties by id.
    const largest = [...priced].sort((a, b) => cents(b)! - cents(a)! || (a.id < b.id ? -1 : 1)).slice(0, 5);
    expect(section.topOpen.map((d) => d.id)).toEqual(largest.map((r) => r.id));
    expect(section.excluded).toContainEqual({ count: open.length - priced.length, reason: 'no amount' });
    expect(rep.openAt).toBe(AT);
  });

  it('gives everyone a total and one section per agent with something to report', () => {
    const all = buildWeeklySummary(data, { now: NOW, week: '2017-W23', basics, audience: { everyone: true }, showPeerNumbers: true });
    const [total, ...reps] = all.sections;
    const cur = checkWeek(total!, ROWS);
    // Every agent has open deals at the end of the week, so none is quiet and all 30 are listed.
    const agents = new Set(ROWS.map((r) => r.agent));
    expect(reps.map((s) => s.name).sort()).toEqual([...agents].sort());
    expect(all.quietReps).toBe(0);
    for (const section of reps)
      checkWeek(
        section,
        ROWS.filter((r) => r.agent === section.name),
      );
    // Counts and amounts add up over the agents.
    expect(reps.reduce((n, s) => n + s.deals!.created.value, 0)).toBe(cur.created);
    expect(reps.reduce((n, s) => n + s.deals!.won.amount, 0)).toBe(cur.wonCents);
  });
});
