import { COMMANDS } from './commands';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { UsageError, type CliCommand, type CliIO } from './types';

function fakeIO(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, content) => void (written[path] = content),
    now: () => Date.UTC(2024, 0, 1),
    env: {},
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}

const boom: CliCommand = {
  name: 'boom',
  summary: 'fails on purpose',
  usage: 'Usage: boom\n',
  async run(args) {
    if (args[0] === 'usage') throw new UsageError('bad\nthing');
    throw new Error('it broke');
  },
};

describe('main', () => {
  it('prints the command list for --help and a command usage for help <command>', async () => {
    const help = fakeIO();
    expect(await main(['--help'], help.io)).toBe(0);
    expect(help.out()).toMatch(/kpis\s+compute sales KPIs/);
    const topic = fakeIO();
    expect(await main(['help', 'kpis'], topic.io)).toBe(0);
    expect(topic.out()).toMatch(/^Usage: kpi-lens kpis/);
  });

  it.each([
    [[], 'kpi-lens: no command given (try kpi-lens --help)'],
    [['frob'], `kpi-lens: unknown command "frob" (commands: ${COMMANDS.map((command) => command.name).join(', ')}; try kpi-lens --help)`],
    [['kpis', '--nope'], 'kpi-lens kpis: unknown flag --nope'],
    [['kpis', '--csv'], 'kpi-lens kpis: --csv needs a value'],
    [['kpis', '--json=yes', '--csv', 'a.csv'], 'kpi-lens kpis: --json takes no value'],
    [['kpis', 'extra'], 'kpi-lens kpis: unexpected argument extra'],
    [['kpis'], 'kpi-lens kpis: give one of --csv FILE or --data FILE.json'],
    [['kpis', '--csv', 'missing.csv'], 'kpi-lens kpis: cannot read missing.csv: no such file'],
    [['kpis', '--data', 'x.json', '--won', 'Won'], 'kpi-lens kpis: --map, --won and --lost apply to --csv only'],
  ])('exits 2 with one line for %j', async (argv, line) => {
    const run = fakeIO();
    expect(await main(argv, run.io)).toBe(2);
    expect(run.err()).toBe(`${line}\n`);
    expect(run.out()).toBe('');
  });

  it('keeps a usage error to one line and exits 1 on a failure', async () => {
    const usage = fakeIO();
    expect(await main(['boom', 'usage'], usage.io, [boom])).toBe(2);
    expect(usage.err()).toBe('kpi-lens boom: bad thing\n');
    const failure = fakeIO();
    expect(await main(['boom'], failure.io, [boom])).toBe(1);
    expect(failure.err()).toBe('kpi-lens boom: it broke\n');
  });

  it('computes KPIs in-process from a --data file, reporting rejected records', async () => {
    const deal = (id: string, status: string, closedAt: number | undefined, minor: number) => ({
      source: 'json',
      externalId: id,
      updatedAt: 1,
      title: id,
      ownerId: 'u1',
      status,
      closedAt,
      createdAt: Date.UTC(2017, 0, 1),
      amount: { minor, currency: 'EUR' },
    });
    const data = {
      owners: [{ source: 'json', externalId: 'u1', updatedAt: 1, name: 'Ann Lee' }],
      deals: [
        deal('a', 'won', Date.UTC(2017, 5, 10), 10_000),
        deal('b', 'won', Date.UTC(2017, 5, 20), 30_000),
        deal('c', 'lost', Date.UTC(2017, 5, 21), 5_000),
        { ...deal('d', 'won', Date.UTC(2017, 5, 22), 1), amount: { minor: 1.5, currency: 'EUR' } },
      ],
      widgets: [],
    };
    const run = fakeIO({ 'data.json': JSON.stringify(data) });
    expect(await main(['kpis', '--data', 'data.json', '--json', '--tz', 'UTC'], run.io)).toBe(0);
    const report = JSON.parse(run.out());
    // Default period: the month of the latest close date (2017-06-21), end inclusive.
    expect(report.period).toEqual({ start: '2017-06-01', end: '2017-06-30', label: '2017-06' });
    expect(report.currency).toBe('EUR');
    // Won a + b = 100.00 + 300.00 EUR; the record with 1.5 minor units was rejected, not rounded.
    // Two won deals and three closed ones are below the default minimum samples (5 won, 10 closed):
    // the values are given, as low-sample, with their n.
    expect(report.kpis.avgPurchaseValue).toMatchObject({
      status: 'low-sample',
      value: 200,
      unit: 'EUR',
      numerator: 400,
      denominator: 2,
      sample: { n: 2, min: 5, unit: 'wonDeals' },
    });
    expect(report.kpis.winRate).toMatchObject({
      status: 'low-sample',
      numerator: 2,
      denominator: 3,
      unit: '%',
      sample: { n: 3, min: 10, unit: 'closedDeals' },
    }); // 2 of (2 + 1)
    expect(report.kpis.winRate.value).toBeCloseTo(66.667, 3);
    expect(report.kpis.quotaAttainment).toMatchObject({ status: 'needs-data', value: null, unit: '%' });
    expect(report.input.rejected).toBe(1);
    expect(report.input.rejects[0].where).toBe('deals[3]');
    expect(report.input.notes[0]).toMatch(/ignored "widgets"/);
  });

  it('rejects a --data file that is not JSON, or not an object of record lists', async () => {
    const bad = fakeIO({ 'a.json': '{ deals: [', 'b.json': '[1,2]', 'c.json': '{"deals": {}}' });
    expect(await main(['kpis', '--data', 'a.json'], bad.io)).toBe(2);
    expect(await main(['kpis', '--data', 'b.json'], bad.io)).toBe(2);
    expect(await main(['kpis', '--data', 'c.json'], bad.io)).toBe(2);
    expect(bad.err().trim().split('\n')).toEqual([
      expect.stringMatching(/^kpi-lens kpis: a\.json is not valid JSON/),
      'kpi-lens kpis: b.json must hold a JSON object such as { "deals": [...] }',
      'kpi-lens kpis: "deals" in c.json must be an array of records',
    ]);
  });

  it('names the known owners when --owner matches none', async () => {
    const data = { owners: [{ source: 'json', externalId: 'u1', updatedAt: 1, name: 'Ann Lee' }], deals: [] };
    const run = fakeIO({ 'd.json': JSON.stringify(data) });
    expect(await main(['kpis', '--data', 'd.json', '--owner', 'Bob'], run.io)).toBe(2);
    expect(run.err()).toBe('kpi-lens kpis: no owner named "Bob"; owners are: Ann Lee\n');
  });
});
