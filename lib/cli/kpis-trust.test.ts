import { DAY_MS } from '../period/units';
import { DATASETS_DIR } from '../../test/datasets';
/**
 * `kpi-lens kpis` says what its numbers mean: --as-of rewinds everything, a period in progress is
 * compared like for like, missing data is never a number, money is in major units everywhere in JSON,
 * and the engine's parts, --rate, --week-start and --fiscal-year-start reach the command line. Maven
 * figures are computed here from the raw CSV rows, independently of lib/import and lib/kpi.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { createNodeIO } from './node-io';
import type { CliIO } from './types';

const MAVEN = join(DATASETS_DIR, 'maven-crm/sales_pipeline.csv');
const TIMEOUT = 120_000;
type Row = { id: string; agent: string; stage: string; engage: string; close: string; value: string };
const ROWS: Row[] = readFileSync(MAVEN, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id = '', agent = '', , , stage = '', engage = '', close = '', value = ''] = line.replace(/\r$/, '').split(',');
    return { id, agent, stage, engage, close, value };
  });

async function run(args: readonly string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const node = createNodeIO();
  const io: CliIO = {
    ...node,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: async (path) => files[path] ?? node.readFile(path),
    ...(Object.keys(files).length ? { readTextChunks: undefined } : {}),
  };
  const code = await main(args, io);
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

const wonBetween = (from: string, to: string) => ROWS.filter((r) => r.stage === 'Won' && r.close >= from && r.close <= to);
const lostBetween = (from: string, to: string) => ROWS.filter((r) => r.stage === 'Lost' && r.close >= from && r.close <= to);
const dollars = (rows: Row[]) => rows.reduce((sum, r) => sum + Number(r.value), 0);

describe('kpi-lens kpis: numbers that mean what they say', () => {
  it(
    'rewinds everything to --as-of and compares 1–15 June with 1–15 May',
    async () => {
      const report = (await run(['kpis', '--csv', MAVEN, '--period', '2017-06', '--as-of', '2017-06-15', '--tz', 'UTC', '--json'])).json();
      expect(report).toMatchObject({ asOf: '2017-06-15', partial: true, comparison: { start: '2017-05-01', end: '2017-05-15', label: '2017-05' } });
      // Only the wins up to the 15th count (not every June win)
      const june = wonBetween('2017-06-01', '2017-06-15');
      const may = wonBetween('2017-05-01', '2017-05-15');
      expect(report.kpis.avgPurchaseValue).toMatchObject({ numerator: dollars(june), denominator: june.length });
      expect(report.kpis.avgPurchaseValue.previous.value).toBeCloseTo(dollars(may) / may.length, 2); // rounded to the cent
      expect(report.kpis.salesGrowth.parts).toEqual({ current: dollars(june), previous: dollars(may) }); // major units
      const closedJune = june.length + lostBetween('2017-06-01', '2017-06-15').length;
      const closedMay = may.length + lostBetween('2017-05-01', '2017-05-15').length;
      expect(report.kpis.winRate).toMatchObject({ numerator: june.length, denominator: closedJune, previous: { unit: 'pp' } });
      expect(report.kpis.winRate.previous.change).toBeCloseTo((june.length / closedJune - may.length / closedMay) * 100, 9);
      // The deals open on the 15th, not today's open deals
      const open = ROWS.filter((r) => (r.engage === '' || r.engage <= '2017-06-15') && (r.close === '' || r.close > '2017-06-15'));
      expect(report.kpis.dealsInPipeline.value).toBe(open.length);
      expect(report.kpis.salesVelocity.parts.openDeals).toBe(open.length);
      // Idle since the engage date (no activities in the export), counted on the 15th at 23:59:59.999
      const asOf = Date.UTC(2017, 5, 16) - 1;
      const stale = open.filter((r) => r.engage !== '' && (asOf - Date.parse(`${r.engage}T00:00:00Z`)) / DAY_MS >= 14);
      expect(report.kpis.staleDeals.value).toBe(stale.length);
    },
    TIMEOUT,
  );

  it(
    'reports churn, retention and a pipeline without amounts as missing, not 0 %, 100 % and 0',
    async () => {
      const report = (await run(['kpis', '--csv', MAVEN, '--tz', 'UTC', '--json'])).json();
      expect(report.asOf).toBe('2017-12-31'); // the latest close date
      expect(report.kpis.pipelineValue).toMatchObject({ status: 'needs-data', value: null, missing: ['dealAmounts'] });
      // No churn information in the file: needs data (the accounts are not even customers in this file, it has none)
      for (const id of ['churn', 'retentionRate']) expect(report.kpis[id].status).toBe('needs-data');
      expect(report.kpis.churn.value).toBeNull();
    },
    TIMEOUT,
  );

  it(
    'gives every rate its n and flags a small sample',
    async () => {
      const report = (await run(['kpis', '--csv', MAVEN, '--period', '2017-06-05..2017-06-05', '--tz', 'UTC', '--owner', 'Darcel Schlecht', '--json'])).json();
      const closed = ROWS.filter((r) => r.agent === 'Darcel Schlecht' && (r.stage === 'Won' || r.stage === 'Lost') && r.close === '2017-06-05').length;
      expect(closed).toBeLessThan(10);
      expect(report.kpis.winRate).toMatchObject({ status: 'low-sample', sample: { n: closed, min: 10, unit: 'closedDeals' } });
      // CAC needs a team: explained for one rep, never a dead row
      expect(report.kpis.cac).toMatchObject({ status: 'not-defined', code: 'not-for-one-rep' });
    },
    TIMEOUT,
  );

  it(
    'prints money in major units everywhere in JSON, LTV : CAC parts included, and the engine parts',
    async () => {
      const base = { source: 'json', updatedAt: 1 };
      const june = (day: number) => Date.UTC(2017, 5, day);
      const data = {
        owners: [
          { ...base, externalId: 'u1', name: 'Ann', teamId: 't' },
          { ...base, externalId: 'u2', name: 'Bo', teamId: 't' },
        ],
        teams: [{ ...base, externalId: 't', name: 'T' }],
        customers: [
          { ...base, externalId: 'c1', name: 'C1', ownerId: 'u1', acquiredAt: june(2) },
          { ...base, externalId: 'c2', name: 'C2', ownerId: 'u2', acquiredAt: Date.UTC(2016, 0, 1), churnedAt: june(20) },
        ],
        deals: [
          {
            ...base,
            externalId: 'd1',
            title: 'd1',
            ownerId: 'u1',
            status: 'won',
            customerId: 'c1',
            createdAt: june(1),
            closedAt: june(2),
            amount: { minor: 600_000, currency: 'USD' },
          },
          {
            ...base,
            externalId: 'd2',
            title: 'd2',
            ownerId: 'u2',
            status: 'won',
            customerId: 'c2',
            createdAt: Date.UTC(2016, 0, 1),
            closedAt: Date.UTC(2016, 0, 1),
            amount: { minor: 200_000, currency: 'USD' },
          },
          {
            ...base,
            externalId: 'd3',
            title: 'd3',
            ownerId: 'u1',
            status: 'open',
            createdAt: june(3),
            expectedCloseAt: june(25),
            probability: 25,
            amount: { minor: 1_000_000, currency: 'EUR' },
          },
        ],
        spend: [{ ...base, externalId: 's1', month: '2017-06', kind: 'marketing', amount: { minor: 150_000, currency: 'USD' } }],
      };
      const files = { 'data.json': JSON.stringify(data) };
      const report = (
        await run(
          ['kpis', '--data', 'data.json', '--period', '2017-06', '--as-of', '2017-06-30', '--currency', 'USD', '--rate', 'EUR=1.1', '--tz', 'UTC', '--json'],
          files,
        )
      ).json();
      // CAC: USD 1,500 spend ÷ 1 new customer; CLV historical: (6,000 + 2,000) ÷ 2 customers = 4,000
      expect(report.kpis.cac).toMatchObject({ value: 1500, numerator: 1500, denominator: 1, parts: { salesSpend: 0, marketingSpend: 1500 } });
      expect(report.kpis.ltvToCac.parts).toMatchObject({ clv: report.kpis.clv.value, cac: 1500, benchmark: 3 });
      expect([report.kpis.ltvToCac.numerator, report.kpis.ltvToCac.denominator]).toEqual([report.kpis.clv.value, 1500]);
      expect(report.kpis.ltvToCac.value).toBeCloseTo(report.kpis.clv.value / 1500, 9);
      // The EUR deal converted with --rate: EUR 10,000 × 1.1 = USD 11,000; weighted 25 % = 2,750, expected to close in June
      expect(report.kpis.pipelineValue).toMatchObject({
        value: 11_000,
        parts: { total: 11_000, weighted: 2750, expectedInPeriod: 11_000, expectedInPeriodWeighted: 2750 },
      });
      expect(report.kpis.avgPurchaseValue.parts).toEqual({ median: 6000 });
      expect(report.kpis.repLeaderboard.parts.median).toBe(3000); // reps' won amounts 6,000 and 0
      const withoutRate = (
        await run(['kpis', '--data', 'data.json', '--period', '2017-06', '--as-of', '2017-06-30', '--currency', 'USD', '--tz', 'UTC', '--json'], files)
      ).json();
      expect(withoutRate.kpis.pipelineValue).toMatchObject({ status: 'needs-data', missing: ['dealAmounts'] }); // the only open amount has no rate
    },
    TIMEOUT,
  );

  it(
    'reads --week-start and --fiscal-year-start',
    async () => {
      const sunday = (await run(['kpis', '--csv', MAVEN, '--period', '2017-W23', '--week-start', 'sunday', '--tz', 'UTC', '--json'])).json();
      expect(sunday.period).toEqual({ start: '2017-06-04', end: '2017-06-10', label: '2017-W23' }); // US week 23 of 2017: Sun 4 – Sat 10 June
      const fiscal = (await run(['kpis', '--csv', MAVEN, '--period', 'FY2018-Q1', '--fiscal-year-start', 'april', '--tz', 'UTC', '--json'])).json();
      expect(fiscal.period).toEqual({ start: '2017-04-01', end: '2017-06-30', label: 'FY2018-Q1' });
      for (const [flag, value] of [
        ['--week-start', 'someday'],
        ['--fiscal-year-start', '13'],
        ['--rate', 'EUR'],
        ['--rate', 'EUR=-1'],
      ]) {
        const bad = await run(['kpis', '--csv', MAVEN, flag as string, value as string]);
        expect(bad.code, `${flag} ${value}`).toBe(2);
        expect(bad.stderr).toMatch(new RegExp(`^kpi-lens kpis: bad ${flag}`));
      }
    },
    TIMEOUT,
  );

  it(
    'shows the period in progress, the change and the parts in the table',
    async () => {
      const result = await run(['kpis', '--csv', MAVEN, '--period', '2017-06', '--as-of', '2017-06-15', '--currency', 'USD', '--tz', 'UTC']);
      expect(result.stdout).toMatch(/^In progress: figures to 2017-06-15, compared with the same days of 2017-05 \(2017-05-01 – 2017-05-15\)\.$/m);
      expect(result.stdout).toMatch(/^Win rate\s+[\d.]+ %\s+[\d,]+ of [\d,]+\s+[+-]?[\d.]+ pp\s+ok$/m);
      expect(result.stdout).toMatch(/^ {2}· median\s+[\d,.]+ USD$/m);
    },
    TIMEOUT,
  );
});
