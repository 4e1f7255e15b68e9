/**
 * `kpi-lens forecast` on the Maven export, in process through `main` (what the binary runs). The
 * figures that can be checked independently (won so far, the quota gap) are computed here from the
 * raw CSV rows; the forecast itself is checked against its own rules (ordering, reproducibility).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetPath } from '../../../test/datasets';
import { testTempDir } from '../../../test/harness/temp-dir';
import { simulateCrm } from '../../forecast/test-support';
import { main } from '../main';
import { createNodeIO } from '../node-io';

const MAVEN = datasetPath('maven-crm', 'sales_pipeline.csv');
const ROWS = readFileSync(MAVEN, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id = '', agent = '', , , stage = '', engage = '', close = '', value = ''] = line.split(',');
    return { id, agent, stage, engage, close, value };
  });

async function cli(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const io = { ...createNodeIO(), env: { TZ: 'UTC' }, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

type Report = Record<string, unknown> & {
  period: { start: string; end: string; label: string };
  asOf: string;
  wonSoFar: { amount: number; deals: number };
  p10: number;
  p50: number;
  p90: number;
  probabilityOfQuota: number | null;
  quota: number | null;
  plan: { status: string; gap: number | null; steps: Record<string, { value: unknown; arithmetic: string }> };
  topDeals: { id: string; probability: number; amount: number; expected: number; url: string | null }[];
  backtest: null | { periods: { label: string; inside: boolean | null }[]; inside: number; forecast: number };
};

const BASE = ['forecast', '--csv', MAVEN, '--period', '2017-12', '--as-of', '2017-12-15', '--json'];
let team: Report;
let teamRun: { code: number; stderr: string };
beforeAll(async () => {
  const run = await cli([...BASE, '--quota', '1000000', '--backtest', '--periods', '3']);
  teamRun = run;
  team = JSON.parse(run.stdout) as Report;
}, 300_000);

describe('kpi-lens forecast', () => {
  it('prints the issue’s fields, money in major units', () => {
    expect(teamRun.code).toBe(0);
    expect(Object.keys(team).slice(0, 6)).toEqual(['period', 'asOf', 'asOfFrom', 'currency', 'owner', 'status']);
    for (const key of ['wonSoFar', 'p10', 'p50', 'p90', 'probabilityOfQuota', 'plan', 'topDeals', 'backtest']) expect(team).toHaveProperty(key);
    expect(team.period).toEqual({ start: '2017-12-01', end: '2017-12-31', label: '2017-12' });
    expect(team.asOf).toBe('2017-12-15');
    // Won so far, from the raw rows: won with a close date from 1 to 15 December.
    const won = ROWS.filter((r) => r.stage === 'Won' && r.close >= '2017-12-01' && r.close <= '2017-12-15');
    expect(team.wonSoFar).toEqual({ amount: won.reduce((s, r) => s + Number(r.value), 0), deals: won.length });
    expect(team.p10).toBeGreaterThanOrEqual(team.wonSoFar.amount);
    expect(team.p10).toBeLessThanOrEqual(team.p50);
    expect(team.p50).toBeLessThanOrEqual(team.p90);
    expect(team.quota).toBe(1_000_000);
    expect(team.plan.gap).toBe(1_000_000 - team.wonSoFar.amount);
    expect(team.probabilityOfQuota).toBeGreaterThanOrEqual(0);
    expect(team.probabilityOfQuota).toBeLessThanOrEqual(1);
  });

  it('lists the deals that matter by expected contribution', () => {
    expect(team.topDeals).toHaveLength(10);
    for (const d of team.topDeals) expect(d.expected).toBeCloseTo(d.probability * d.amount, -1);
    for (let i = 1; i < team.topDeals.length; i += 1) expect(team.topDeals[i - 1]!.expected).toBeGreaterThanOrEqual(team.topDeals[i]!.expected);
    // Every one is open on 15 December: engaged by then, and not closed by then.
    const byId = new Map(ROWS.map((r) => [r.id, r]));
    for (const d of team.topDeals) {
      const row = byId.get(d.id);
      expect(row && row.engage !== '' && row.engage <= '2017-12-15' && (row.close === '' || row.close > '2017-12-15')).toBe(true);
    }
  });

  it('back-tests the periods before, with --backtest', () => {
    expect(team.backtest?.periods.map((p) => p.label)).toEqual(['2017-11', '2017-10', '2017-09']);
    expect(team.backtest?.forecast).toBe(3);
  });

  it('forecasts one owner, reproducibly for a seed', async () => {
    const a = JSON.parse((await cli([...BASE, '--owner', 'Darcel Schlecht', '--seed', '7'])).stdout) as Report;
    const b = JSON.parse((await cli([...BASE, '--owner', 'Darcel Schlecht', '--seed', '7'])).stdout) as Report;
    expect(a).toEqual(b);
    const won = ROWS.filter((r) => r.agent === 'Darcel Schlecht' && r.stage === 'Won' && r.close >= '2017-12-01' && r.close <= '2017-12-15');
    expect(a.wonSoFar.amount).toBe(won.reduce((s, r) => s + Number(r.value), 0));
    expect(a.owner).toBe('Darcel Schlecht');
    expect(a.backtest).toBeNull();
    expect(a.quota).toBeNull();
    expect(a.plan.status).toBe('no-quota');
  }, 300_000);

  it('reads the quota from a JSON file of records when there is one', async () => {
    const { data } = simulateCrm({ seed: 4, reps: 2, days: 450 });
    const dir = testTempDir('kpi-lens-forecast-');
    const file = join(dir, 'records.json');
    const quota = {
      source: 'sim',
      externalId: 'q1',
      updatedAt: 0,
      ownerId: 'rep0',
      periodKind: 'month',
      startDate: '2017-03-01',
      endDate: '2017-04-01',
      amount: { minor: 5_000_000, currency: 'USD' },
    };
    writeFileSync(file, JSON.stringify({ ...data, quotas: [quota] }));
    const run = await cli(['forecast', '--data', file, '--period', '2017-03', '--as-of', '2017-03-15', '--owner', 'Rep 0', '--json']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.quota).toBe(50_000);
    expect(report.quotaFrom).toBe('data');
    expect(typeof report.probabilityOfQuota).toBe('number');
  }, 120_000);

  it('prints a readable report without --json', async () => {
    const { data } = simulateCrm({ seed: 4, reps: 2, days: 450 });
    const dir = testTempDir('kpi-lens-forecast-');
    const file = join(dir, 'records.json');
    writeFileSync(file, JSON.stringify(data));
    const run = await cli(['forecast', '--data', file, '--period', '2017-03', '--as-of', '2017-03-15', '--quota', '100000']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Forecast for 2017-03 as of 2017-03-15, USD\n {2}Won so far/);
    expect(run.stdout).toMatch(/P10 \/ P50 \/ P90 {3}[\d,]+ \/ [\d,]+ \/ [\d,]+/);
    expect(run.stdout).toMatch(/Quota {13}100,000: reached in \d+ % of 2,000 simulated endings/);
    expect(run.stdout).toMatch(/Deals that matter:\n {2}1\. /);
  }, 120_000);

  it.each([
    [['--draws', '100'], /--draws "100": expected a whole number of at least 2000/],
    [['--quota', 'lots'], /bad --quota "lots"/],
    [['--periods', '3'], /--periods goes with --backtest/],
    [['--owner', 'Nobody'], /no owner named "Nobody"/],
    [['--seed', '1.5'], /bad --seed/],
  ])(
    'refuses %j with a one-line error and exit code 2',
    async (extra, message) => {
      const run = await cli([...BASE, ...extra]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    },
    120_000,
  );

  it.each([
    [['--preset', 'zoho'], /bad --preset "zoho"/],
    [['--date-order', 'ydm'], /bad --date-order "ydm"/],
  ])('reads the CSV with the shared reading options: refuses %j before reading, exit 2', async (extra, message) => {
    const run = await cli([...BASE, ...extra]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('applies the reading options to --csv only, and says what it read and rejected with the shared exit codes', async () => {
    const data = await cli(['forecast', '--data', 'records.json', '--preset', 'pipedrive']);
    expect(data).toMatchObject({ code: 2, stderr: expect.stringMatching(/--preset applies to --csv only/) });
    const dir = testTempDir('kpi-lens-forecast-');
    // The Maven rows with one row whose close value is not an amount: rejected, the rest forecast.
    const header = readFileSync(MAVEN, 'utf8').split('\n')[0];
    const bad = join(dir, 'with-bad-row.csv');
    writeFileSync(bad, `${readFileSync(MAVEN, 'utf8').trim()}\nZZZ999,Darcel Schlecht,GTX Pro,Acme,Won,2017-12-01,2017-12-02,lots\n`);
    const lenient = await cli(['forecast', '--csv', bad, '--period', '2017-12', '--as-of', '2017-12-15', '--preset', 'none', '--date-order', 'ymd', '--json']);
    expect(lenient.code).toBe(0);
    expect((JSON.parse(lenient.stdout) as Report).wonSoFar).toEqual(team.wonSoFar); // the bad row counted nowhere
    expect(lenient.stderr).toMatch(/rejected/);
    const strict = await cli(['forecast', '--csv', bad, '--period', '2017-12', '--as-of', '2017-12-15', '--strict', '--json']);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as Report).wonSoFar).toEqual(team.wonSoFar);
    // Nothing importable: exit 2 with the reading's own line.
    const empty = join(dir, 'header-only.csv');
    writeFileSync(empty, `${header}\n`);
    const none = await cli(['forecast', '--csv', empty, '--json']);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
  }, 300_000);

  it('is listed in the help and explains itself', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/forecast\s+forecast where the period will end/);
    const help = await cli(['forecast', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--backtest/);
  });
});
