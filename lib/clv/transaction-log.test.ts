import { describe, expect, it } from 'vitest';
import { dayToIsoDate, parseDay } from './days';
import { readTransactionLog, TransactionLogError } from './transaction-log';

describe('parseDay', () => {
  it.each([
    ['19970101', '1997-01-01'],
    ['1997-09-30', '1997-09-30'],
    ['2024-02-29T23:30:00+03:00', '2024-02-29'], // the date as written; the time is ignored
    ['2024/3/5', '2024-03-05'],
    ['05.03.2024', '2024-03-05'], // DD.MM.YYYY
  ])('%s → %s', (text, iso) => {
    const day = parseDay(text);
    expect(day).toBeDefined();
    expect(dayToIsoDate(day ?? 0)).toBe(iso);
  });

  it('counts days from 1970-01-01', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('1997-01-01')).toBe(9862); // 27 years incl. 7 leap days: 27·365 + 7 = 9862
  });

  it.each(['2017-02-30', '03/05/2024', '2024-13-01', 'yesterday', ''])('refuses %j', (text) => {
    expect(parseDay(text)).toBeUndefined();
  });
});

describe('readTransactionLog', () => {
  it('auto-detects the CDNOW layout, CRLF line ends included', () => {
    const log = readTransactionLog(' 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n\r\n 00021 0002 19970101  3   63.34\r\n');
    expect(log.format).toBe('cdnow');
    expect(log.rows).toBe(3);
    expect(log.transactions).toEqual([
      { customerId: '00004', day: 9862, amount: 29.33 },
      { customerId: '00004', day: 9879, amount: 29.73 }, // 17 days later
      { customerId: '00021', day: 9862, amount: 63.34 },
    ]);
  });

  it('reports CDNOW lines it cannot read instead of dropping them', () => {
    const log = readTransactionLog(' 00004 0001 19970101  2   29.33\n 00004 0001 1997011  2   29.73\n 00005 0002 19970230  1   5.00\n');
    expect(log.transactions).toHaveLength(1);
    expect(log.rows).toBe(3);
    expect(log.rejected).toEqual([
      { count: 1, reason: 'not in the CDNOW layout (id, id, YYYYMMDD, count, amount)', lines: [2] },
      { count: 1, reason: 'unreadable date (expected YYYY-MM-DD, YYYYMMDD or DD.MM.YYYY)', lines: [3] },
    ]);
  });

  it('reads a CSV with default column names and a quoted, grouped amount', () => {
    const log = readTransactionLog('Customer_ID,Date,Amount\nacme,2024-01-05,"1,234.50"\nglobex,2024-01-06,99\n');
    expect(log.format).toBe('csv');
    expect(log.transactions).toEqual([
      { customerId: 'acme', day: parseDay('2024-01-05'), amount: 1234.5 },
      { customerId: 'globex', day: parseDay('2024-01-06'), amount: 99 },
    ]);
  });

  it('reads chosen columns from a semicolon CSV with decimal commas', () => {
    const text = 'client;closed;sum;note\nA;05.03.2024;1 500,75;x\nB;06.03.2024;20;y\n';
    const log = readTransactionLog(text, { customerColumn: 'client', dateColumn: 'closed', amountColumn: 'SUM', currency: 'RUB' });
    expect(log.transactions.map((t) => t.amount)).toEqual([1500.75, 20]);
  });

  it('counts bad CSV rows by reason with their line numbers', () => {
    const text = 'customer,date,amount\n,2024-01-01,5\nb,someday,5\nc,2024-01-01,abc\nd,2024-01-01,-10\ne,2024-01-01,0\n';
    const log = readTransactionLog(text);
    expect(log.rows).toBe(5);
    expect(log.transactions).toEqual([{ customerId: 'e', day: parseDay('2024-01-01'), amount: 0 }]); // a free item is a purchase
    expect(log.rejected.map((r) => [r.reason, r.count, r.lines])).toEqual([
      ['no customer id', 1, [2]],
      ['unreadable date (expected YYYY-MM-DD, YYYYMMDD or DD.MM.YYYY)', 1, [3]],
      ['unreadable amount', 1, [4]],
      ['negative amount (refunds are not purchases)', 1, [5]],
    ]);
  });

  it.each([
    ['', /empty/],
    ['   \n\n', /empty/],
    ['who,when,how much\nA,2024-01-01,5\n', /no customer column/],
    ['customer,date,amount\n', /no data rows/],
  ])('throws a TransactionLogError for %j', (text, message) => {
    expect(() => readTransactionLog(text)).toThrow(TransactionLogError);
    expect(() => readTransactionLog(text)).toThrow(message);
  });
});
