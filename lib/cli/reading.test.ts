import { describe, expect, it } from 'vitest';
import { main } from './main';
import type { CliIO } from './types';

/**
 * `kpis`, `summary` and `import` read a CSV the same way: the same flags, one
 * summary line on stderr, exit 0 when something was imported, 2 when nothing
 * could be (or a column's format is left open), 1 with --strict on any reject.
 */
function run(args: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return text;
    },
    writeFile: async () => {},
    now: () => Date.UTC(2024, 6, 1),
    env: {},
  };
  return main(args, io).then((code) => ({ code, out: out.join(''), err: err.join('') }));
}

const GOOD = 'id,title,stage,amount,close_date\n1,A,Won,"1,200.00",2024-06-03\n2,B,Lost,300.00,2024-06-04\n3,C,Won,lots,2024-06-05\n';
const OPEN = 'id,title,stage,amount,close_date\n1,A,Won,1.000,05/06/2024\n2,B,Won,2.000,07/06/2024\n';
const BAD = 'id,title,stage,amount\n1,A,Won,lots\n2,B,Won,much\n';
const SERIALS = 'id,title,stage,amount,close_date\n1,A,Won,10.00,45444\n';
const FILES = { 'good.csv': GOOD, 'open.csv': OPEN, 'bad.csv': BAD, 'serials.csv': SERIALS };

describe('reading a CSV in the CLI', () => {
  it("prints one summary line: rows, imported, rejected by reason, each column's format and why, the currency", async () => {
    const result = await run(['import', '--csv', 'good.csv', '--tz', 'UTC', '--currency', 'USD'], FILES);
    expect(result.code).toBe(0);
    expect(result.err.split('\n')[0]).toBe(
      'read 3 rows: 2 imported, 1 rejected (1 amount); deals (generic columns); formats: "amount" 1,234.56 (its values), "close_date" ISO dates; currency: USD ×2 (--currency)',
    );
    expect((JSON.parse(result.out) as { deals: unknown[] }).deals).toHaveLength(2);
  });

  it('exits 1 with --strict when a row was rejected, after writing what it could read', async () => {
    const result = await run(['import', '--csv', 'good.csv', '--tz', 'UTC', '--strict'], FILES);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.out) as { deals: unknown[] }).deals).toHaveLength(2);
  });

  it.each([['import'], ['kpis'], ['summary']])('%s exits 2 when nothing could be imported, and writes no records', async (command) => {
    const result = await run([command, '--csv', 'bad.csv', '--tz', 'UTC'], FILES);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^read 2 rows: 0 imported, 2 rejected \(2 amount\)/);
  });

  it.each([['import'], ['kpis'], ['summary']])(
    '%s exits 2 on a column left open, naming the flags that settle it, and reads it once given',
    async (command) => {
      const open = await run([command, '--csv', 'open.csv', '--tz', 'UTC'], FILES);
      expect(open.code).toBe(2);
      expect(open.err).toMatch(
        /column "amount": "1\.000" is 1\.000 \(1,234\.56\) or 1000 \(1\.234,56\).*--number-locale en or --number-locale de; column "close_date": .*--date-order dmy or --date-order mdy/,
      );
      const told = await run(
        [
          command,
          '--csv',
          'open.csv',
          '--tz',
          'UTC',
          '--number-locale',
          'de',
          '--date-order',
          'dmy',
          '--currency',
          'EUR',
          ...(command === 'summary' ? ['--format', 'json'] : []),
        ],
        FILES,
      );
      expect(told.code).toBe(0);
      expect(told.err).toContain('formats: "amount" 1.234,56 (--number-locale de), "close_date" day first (31/12/2017) (--date-order dmy)');
    },
  );

  it('reads Excel serial dates in the 1900 count, or the 1904 one when told', async () => {
    const plain = await run(['import', '--csv', 'serials.csv', '--tz', 'UTC', '--currency', 'USD'], FILES);
    expect((JSON.parse(plain.out) as { deals: { closedAt: number }[] }).deals[0]?.closedAt).toBe(Date.UTC(2024, 5, 1));
    expect(plain.err).toContain('"close_date" Excel serial days (1900 count) (its values)');
    const mac = await run(['import', '--csv', 'serials.csv', '--tz', 'UTC', '--currency', 'USD', '--excel-1904'], FILES);
    expect((JSON.parse(mac.out) as { deals: { closedAt: number }[] }).deals[0]?.closedAt).toBe(Date.UTC(2028, 5, 2));
  });

  it.each([
    [['kpis', '--csv', 'good.csv', '--preset', 'zoho'], 'kpi-lens kpis: bad --preset "zoho": use pipedrive, hubspot, salesforce, amocrm, bitrix24 or none'],
    [['summary', '--csv', 'good.csv', '--date-order', 'ydm'], 'kpi-lens summary: bad --date-order "ydm": use dmy, mdy or ymd'],
    [['import', '--csv', 'good.csv', '--number-locale', 'xx-!!'], 'kpi-lens import: bad --number-locale "xx-!!": use a language tag such as en, de or ru'],
    [['kpis', '--data', 'x.json', '--preset', 'hubspot'], 'kpi-lens kpis: --preset applies to --csv only'],
  ])('refuses %j before reading: %s', async (args, line) => {
    const result = await run(args, FILES);
    expect([result.code, result.err.trim()]).toEqual([2, line]);
  });

  it('takes --preset in kpis and summary as in import', async () => {
    for (const command of ['kpis', 'summary', 'import']) {
      const result = await run(
        [command, '--csv', 'good.csv', '--tz', 'UTC', '--currency', 'USD', '--preset', 'none', ...(command === 'summary' ? ['--format', 'json'] : [])],
        FILES,
      );
      expect([command, result.code]).toEqual([command, 0]);
      expect(result.err).toContain('deals (generic columns)');
    }
  });
});
