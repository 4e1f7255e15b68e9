/**
 * The `kpi-lens` CLI on the maven-crm export, every figure checked against a
 * plain computation over the raw CSV rows made here, independently of lib/import
 * and lib/kpi. A few runs go through the real binary (bin/kpi-lens.mjs through
 * tsx, from the repository and from elsewhere); the rest call the same `main` in
 * process, which is what the binary runs, without paying a Node start-up each.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATASETS_DIR } from '../../test/datasets';
import { suiteTempDir } from '../../test/harness/temp-dir';
import { main } from './main';
import { createNodeIO } from './node-io';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/kpi-lens.mjs');
const DATASETS = DATASETS_DIR;
const MAVEN = join(DATASETS, 'maven-crm/sales_pipeline.csv');
const TIMEOUT = 180_000;

type Run = { code: number; stdout: string; stderr: string };

async function cli(args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { ...createNodeIO(), stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function binary(args: readonly string[], cwd = ROOT, command = process.execPath, prefix: readonly string[] = [BIN]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...prefix, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

type Row = { id: string; agent: string; product: string; account: string; stage: string; engage: string; close: string; value: string };
const ROWS: Row[] = readFileSync(MAVEN, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id = '', agent = '', product = '', account = '', stage = '', engage = '', close = '', value = ''] = line.split(',');
    return { id, agent, product, account, stage, engage, close, value };
  });

/** The plain figures of Q2 2017 (dates compare as ISO strings; amounts are whole dollars in this file). */
function quarter(rows: readonly Row[]) {
  const inQ2 = (r: Row) => r.close >= '2017-04-01' && r.close < '2017-07-01';
  const won = rows.filter((r) => r.stage === 'Won' && inQ2(r));
  const lost = rows.filter((r) => r.stage === 'Lost' && inQ2(r));
  const amount = won.reduce((sum, r) => sum + Number(r.value), 0);
  const by = (key: (r: Row) => string) => {
    const groups = new Map<string, { value: number; count: number }>();
    for (const r of won) {
      const g = groups.get(key(r)) ?? { value: 0, count: 0 };
      g.value += Number(r.value);
      g.count += 1;
      groups.set(key(r), g);
    }
    return groups;
  };
  return { won: won.length, lost: lost.length, amount, by };
}

type Breakdown = { key: string; label: string; value: number; count: number }[];
const byLabel = (rows: Breakdown) => new Map(rows.map((row) => [row.label, { value: row.value, count: row.count }]));

describe('kpi-lens kpis on maven-crm', () => {
  const dir = suiteTempDir('kpi-lens-cli-');

  it(
    'prints Q2 2017 figures that match the raw rows',
    async () => {
      // Maven's close_value is in dollars (its data dictionary); the file does not say so, so the run is told.
      const run = await binary(['kpis', '--csv', MAVEN, '--period', '2017-Q2', '--tz', 'UTC', '--currency', 'USD', '--json']);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe(
        'read 8,800 rows: 8,800 imported; deals (generic columns); formats: "engage_date" ISO dates, "close_date" ISO dates, "close_value" plain numbers; currency: USD ×6,711 (--currency)\n',
      );
      const report = JSON.parse(run.stdout);
      const q = quarter(ROWS);
      expect(report.period).toEqual({ start: '2017-04-01', end: '2017-06-30', label: '2017-Q2' });
      expect(report.kpis.winRate).toMatchObject({ status: 'ok', unit: '%', numerator: q.won, denominator: q.won + q.lost });
      expect(report.kpis.winRate.value).toBeCloseTo((q.won / (q.won + q.lost)) * 100, 9); // won / (won + lost) × 100
      expect(report.kpis.avgPurchaseValue).toMatchObject({ unit: 'USD', numerator: q.amount, denominator: q.won }); // won amount in dollars, won count
      expect(report.kpis.avgPurchaseValue.value).toBeCloseTo(q.amount / q.won, 2); // average deal size = amount / count
      expect(report.kpis.productRevenue.value).toBe(q.amount); // every won deal has one product line
      const products = byLabel(report.kpis.productRevenue.breakdown);
      expect(products).toEqual(q.by((r) => r.product));
      expect(products.get('GTXPro')?.count).toBe(
        ROWS.filter((r) => r.stage === 'Won' && r.product === 'GTXPro' && r.close >= '2017-04-01' && r.close < '2017-07-01').length,
      );
    },
    TIMEOUT,
  );

  it(
    'breaks sales down by region once the export carries one',
    async () => {
      const teams = readFileSync(join(DATASETS, 'maven-crm/sales_teams.csv'), 'utf8').trim().split('\n').slice(1);
      const office = new Map(teams.map((line) => [line.split(',')[0], line.split(',')[2]]));
      const lines = readFileSync(MAVEN, 'utf8').trim().split('\n');
      const withRegion = [`${lines[0]},regional_office`, ...lines.slice(1).map((line) => `${line},${office.get(line.split(',')[1]) ?? ''}`)].join('\n');
      const file = join(dir, 'with-region.csv');
      writeFileSync(file, withRegion);
      const run = await cli(['kpis', '--csv', file, '--period', '2017-Q2', '--tz', 'UTC', '--json']);
      expect(run.code).toBe(0);
      const regions = byLabel(JSON.parse(run.stdout).kpis.salesByRegion.breakdown);
      expect(regions).toEqual(quarter(ROWS).by((r) => office.get(r.agent) ?? ''));
      expect([...regions.keys()].sort()).toEqual(['Central', 'East', 'West']);
    },
    TIMEOUT,
  );

  it(
    'filters to one owner with --owner',
    async () => {
      const run = await cli(['kpis', '--csv', MAVEN, '--period', '2017-Q2', '--tz', 'UTC', '--owner', 'darcel  schlecht', '--json']);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout);
      const q = quarter(ROWS.filter((r) => r.agent === 'Darcel Schlecht'));
      expect(report.owner).toBe('darcel  schlecht');
      expect(report.kpis.avgPurchaseValue).toMatchObject({ numerator: q.amount, denominator: q.won });
      expect(report.kpis.winRate).toMatchObject({ numerator: q.won, denominator: q.won + q.lost });
    },
    TIMEOUT,
  );

  it(
    'reads a column it cannot recognise once --map names it',
    async () => {
      const file = join(dir, 'renamed.csv');
      writeFileSync(file, readFileSync(MAVEN, 'utf8').replace('close_value', 'booked_usd'));
      const q = quarter(ROWS);
      const blind = JSON.parse((await cli(['kpis', '--csv', file, '--period', '2017-Q2', '--tz', 'UTC', '--json'])).stdout);
      expect(blind.kpis.avgPurchaseValue.status).not.toBe('ok'); // no amount column: no average
      const mapped = await cli(['kpis', '--csv', file, '--period', '2017-Q2', '--tz', 'UTC', '--json', '--map', 'amount=booked_usd']);
      expect(JSON.parse(mapped.stdout).kpis.avgPurchaseValue).toMatchObject({ numerator: q.amount, denominator: q.won });
    },
    TIMEOUT,
  );

  it(
    'reads won/lost from --won/--lost on a CSV without a status column',
    async () => {
      const file = join(dir, 'stages.csv');
      writeFileSync(
        file,
        'Title,Owner,Stage,Amount,Close Date\nA,Ann,Signed,100,2017-06-01\nB,Ann,Signed,300,2017-06-02\nC,Ann,Dropped,50,2017-06-03\nD,Ann,Talking,70,\n',
      );
      const plain = JSON.parse((await cli(['kpis', '--csv', file, '--tz', 'UTC', '--json', '--period', '2017-06'])).stdout);
      expect(plain.kpis.winRate.status).toBe('not-defined'); // nothing won or lost without the lists
      const listed = await cli(['kpis', '--csv', file, '--tz', 'UTC', '--json', '--period', '2017-06', '--won', 'Signed', '--lost', 'Dropped']);
      const report = JSON.parse(listed.stdout);
      expect(report.kpis.winRate).toMatchObject({ numerator: 2, denominator: 3 }); // 2 Signed of (2 Signed + 1 Dropped)
      expect(report.kpis.avgPurchaseValue).toMatchObject({ value: 200, numerator: 400 }); // (100 + 300) / 2
      expect(report.kpis.dealsInPipeline.value).toBe(1); // Talking
    },
    TIMEOUT,
  );

  it(
    'gives the same KPIs from the records `import` writes as from the CSV',
    async () => {
      const out = join(dir, 'records.json');
      const imported = await cli(['import', '--csv', MAVEN, '--tz', 'UTC', '--currency', 'USD', '--out', out]);
      expect(imported.code).toBe(0);
      expect(imported.stderr).toMatch(/^read 8,800 rows: 8,800 imported; deals \(generic columns\)/);
      const fromCsv = JSON.parse((await cli(['kpis', '--csv', MAVEN, '--period', '2017-Q2', '--tz', 'UTC', '--currency', 'USD', '--json'])).stdout);
      const fromJson = JSON.parse((await cli(['kpis', '--data', out, '--period', '2017-Q2', '--tz', 'UTC', '--json'])).stdout);
      expect(fromJson.kpis).toEqual(fromCsv.kpis);
    },
    TIMEOUT,
  );

  it.each([
    [['kpis', '--csv', MAVEN, '--bogus'], 'kpi-lens kpis: unknown flag --bogus'],
    [['kpis', '--csv', '/no/such/file.csv'], 'kpi-lens kpis: cannot read /no/such/file.csv: no such file'],
    [['kpis', '--csv', MAVEN, '--period', '2017-Q5'], /^kpi-lens kpis: bad --period: Unknown period "2017-Q5"/],
    [['kpis', '--csv', MAVEN, '--tz', 'Mars/Base'], 'kpi-lens kpis: unknown time zone "Mars/Base": expected an IANA name such as Europe/Moscow'],
  ])(
    'exits 2 with one line on stderr for %j',
    async (args, line) => {
      const run = await cli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
    },
    TIMEOUT,
  );

  it(
    'prints a readable table: name, value with unit, "n of m", status',
    async () => {
      const run = await binary(['kpis', '--csv', MAVEN, '--period', '2017-Q2', '--tz', 'UTC'], dir);
      const q = quarter(ROWS);
      expect(run.code).toBe(0);
      const winLine = run.stdout.split('\n').find((line) => line.startsWith('Win rate'));
      const rate = ((q.won / (q.won + q.lost)) * 100).toFixed(1);
      // name, value, "n of m", the change against Q1 in percentage points, status
      expect(winLine).toMatch(
        new RegExp(`^Win rate\\s+${rate} %\\s+${q.won.toLocaleString('en-US')} of ${(q.won + q.lost).toLocaleString('en-US')}\\s+[+-]?[\\d.]+ pp\\s+ok$`),
      );
      expect(run.stdout).toMatch(/^Needs data: .*Sales by region \(regions\)/m);
      expect(run.stderr).toMatch(/^read 8,800 rows: 8,800 imported; deals \(generic columns\).*currency: unknown ×6,711 \(named nowhere: give --currency\)$/m);
      expect(run.stderr).toMatch(/^As of: latest close date\.$/m);
    },
    TIMEOUT,
  );

  it(
    'answers --help through npm exec from the repository root',
    async () => {
      const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
      const run = await binary(['--help'], ROOT, npx, ['kpi-lens']);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: kpi-lens <command>/);
    },
    TIMEOUT,
  );
});
