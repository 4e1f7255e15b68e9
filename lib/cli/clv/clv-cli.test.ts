import { describe, expect, it } from 'vitest';
import { main } from '../main';
import type { CliIO } from '../types';
import { clvCommand } from '../commands/clv';
import { PUBLISHED, readCdnow } from '../../clv/test-cdnow-files';

const CDNOW = readCdnow('CDNOW_sample.txt');
/** The same purchases as a CSV with the default headers. */
const CDNOW_CSV = [
  'customer_id,date,amount',
  ...CDNOW.trim()
    .split(/\r?\n/)
    .map((line) => line.trim().split(/\s+/))
    .map(([customer, , date, , amount]) => `${customer},${date?.slice(0, 4)}-${date?.slice(4, 6)}-${date?.slice(6)},${amount}`),
].join('\n');

function run(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    writeFile: async () => undefined,
    now: () => 0,
    env: {},
  };
  return main(['clv', ...args], io, [clvCommand]).then((code) => ({ code, stdout: out.join(''), stderr: err.join('') }));
}

const within = (value: number, published: number) => Math.abs(value / published - 1) <= 0.01;

describe('kpi-lens clv', () => {
  it('prints the fitted parameters and the top customers of the CDNOW log', async () => {
    const result = await run(['--transactions', 'cdnow.txt', '--calibration-end', '1997-09-30', '--top', '3'], { 'cdnow.txt': CDNOW });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Read 6,919 rows (cdnow): 6,919 purchases, 0 rejected.');
    expect(result.stdout).toContain('Calibration up to 1997-09-30: 2,357 customers, 946 with repeat purchases');
    expect(result.stdout).toMatch(/r = 0\.24\d\d ± 0\.01\d\d {3}alpha = 4\.41\d\d/);
    const table = result.stdout.split('Top 3 customers by CLV:\n')[1]?.split('\n\n')[0]?.split('\n') ?? [];
    expect(table).toHaveLength(4); // header + 3 customers
  });

  it('gives every customer and both fits in --json, and reads the same purchases as a CSV the same way', async () => {
    const args = ['--calibration-end', '1997-09-30', '--horizon-weeks', '39', '--json'];
    const fromCdnow = JSON.parse((await run(['--transactions', 'c.txt', ...args], { 'c.txt': CDNOW })).stdout);
    const fromCsv = JSON.parse((await run(['--transactions', 'c.csv', ...args], { 'c.csv': CDNOW_CSV })).stdout);
    expect(fromCdnow.source.format).toBe('cdnow');
    expect(fromCsv.source.format).toBe('csv');
    for (const key of ['r', 'alpha', 'a', 'b'] as const) expect(within(fromCdnow.bgnbd.params[key], PUBLISHED.bgnbd[key])).toBe(true);
    for (const key of ['p', 'q', 'gamma'] as const) expect(within(fromCdnow.gammaGamma.params[key], PUBLISHED.gammaGamma[key])).toBe(true);
    expect(fromCdnow.customers).toHaveLength(2357);
    const values: number[] = fromCdnow.customers.map((c: { clv: number }) => c.clv);
    expect(values).toEqual([...values].sort((u, v) => v - u)); // highest CLV first
    expect(fromCsv.bgnbd.params).toEqual(fromCdnow.bgnbd.params);
    expect(fromCsv.averageClv).toBe(fromCdnow.averageClv);
  });

  it('calibrates on everything up to the last purchase day by default', async () => {
    const result = JSON.parse((await run(['--transactions', 'c.txt', '--json'], { 'c.txt': CDNOW })).stdout);
    expect(result.calibrationEnd).toBe('1998-06-30'); // the last date in the file
    expect(result.firstPurchase).toBe('1997-01-01');
  });

  it('reports unreadable rows on stderr and goes on', async () => {
    const text = `${CDNOW.trim()}\nthis is not a purchase\n`;
    const result = await run(['--transactions', 'c.txt', '--top', '1'], { 'c.txt': text });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('rejected 1 row: not in the CDNOW layout (id, id, YYYYMMDD, count, amount) (line 6920)\n');
  });

  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['no file given', [], {}, /give --transactions FILE/],
    ['a missing file', ['--transactions', 'nope.csv'], {}, /cannot read nope\.csv: ENOENT/],
    ['an empty file', ['--transactions', 'e.csv'], { 'e.csv': '' }, /e\.csv: the transaction log is empty/],
    ['a CSV without the columns', ['--transactions', 'x.csv'], { 'x.csv': 'a,b\n1,2\n' }, /no customer column/],
    ['a bad date', ['--transactions', 'c.txt', '--calibration-end', '30/09/1997'], { 'c.txt': CDNOW }, /bad --calibration-end "30\/09\/1997"/],
    ['a bad horizon', ['--transactions', 'c.txt', '--horizon-weeks', 'ten'], { 'c.txt': CDNOW }, /bad --horizon-weeks "ten"/],
    ['an unknown flag', ['--transactions', 'c.txt', '--fast'], { 'c.txt': CDNOW }, /unknown flag --fast/],
    [
      'too little data',
      ['--transactions', 's.csv'],
      { 's.csv': 'customer,date,amount\na,2024-01-01,5\na,2024-02-01,6\nb,2024-01-03,7\n' },
      /cannot fit the models to s\.csv \(too-few-customers\): BG\/NBD needs at least 30 customers, got 2/,
    ],
  ])('exits 2 with one line on stderr for %s', async (_label, args, files, message) => {
    const result = await run(args, files);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints its usage', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: kpi-lens clv --transactions FILE');
  });
});
