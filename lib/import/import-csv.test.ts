import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { ImportError } from './types';

const OPTIONS = { source: 'csv:test', timeZone: 'UTC', importedAt: 1 };

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
const HEADER = 'id,title,owner,stage,amount,close_date';

describe('importCsv: broken rows', () => {
  it('rejects each unreadable row with its line number and reason, and imports the rest', async () => {
    const csv = [
      HEADER,
      '1,"Two-line\ntitle",Ann,Won,100,2017-06-01', // lines 2–3
      '2,Bad date,Ann,Won,100,2017-02-30', // line 4
      '3,Bad amount,Ann,Won,lots,2017-06-01', // line 5
      '4,Short row,Ann', // line 6
      '5,"Unterminated,Ann,Won,100,2017-06-01', // line 7
      '6,Fine,Bob,Lost,0,2017-06-02', // line 8
    ].join('\n');
    const result = await importCsv(csv, OPTIONS);
    expect(result.records.deals.map((d) => d.externalId)).toEqual(['1', '6']);
    expect(result.rejects.map((r) => [r.line, r.reason])).toEqual([
      [4, 'column "close_date": "2017-02-30" is not a real date'],
      [5, 'column "amount": "lots" is not an amount'],
      [6, 'the row has 3 cells where the header has 6 columns'],
      [7, 'a quoted cell is never closed; the row was skipped up to the next line'],
    ]);
    expect([result.rows, result.imported, result.rejectCount]).toEqual([6, 2, 4]);
    expect(result.rejectReasons).toEqual([
      { code: 'date', count: 1, example: 'column "close_date": "2017-02-30" is not a real date' },
      { code: 'amount', count: 1, example: 'column "amount": "lots" is not an amount' },
      { code: 'cells', count: 1, example: 'the row has 3 cells where the header has 6 columns' },
      { code: 'quote', count: 1, example: 'a quoted cell is never closed; the row was skipped up to the next line' },
    ]);
  });

  it('keeps a won deal without a close date and counts it', async () => {
    const result = await importCsv(`${HEADER}\n1,No date,Ann,Won,100,\n`, OPTIONS);
    expect(result.records.deals[0]).toMatchObject({ status: 'won', amount: { minor: 10000 } });
    expect(result.records.deals[0]?.closedAt).toBeUndefined();
    expect(result.warnings.find((w) => w.code === 'won-without-close-date')?.count).toBe(1);
  });

  it('keeps the last row of a repeated id when the file has no update time (exports list history oldest first)', async () => {
    const result = await importCsv(`${HEADER}\n1,First,Ann,Engaging,100,\n2,Other,Bob,Lost,5,2017-06-02\n1,Again,Ann,Won,200,2017-06-01\n`, OPTIONS);
    // The later row replaces the first in place: one record per id, the deal won, not left open.
    expect(result.records.deals.map((d) => [d.externalId, d.title, d.status])).toEqual([
      ['1', 'Again', 'won'],
      ['2', 'Other', 'lost'],
    ]);
    expect([result.rows, result.imported, result.rejectCount]).toEqual([3, 2, 0]);
    expect(result.duplicates).toEqual({ rows: 1, ids: 1, rule: 'last-row', examples: ['id "1": line 4 kept over line 2'] });
  });

  it('keeps the row with the newest update time of a repeated id, wherever it stands', async () => {
    const csv = 'id,title,stage,amount,updated\n7,Newest,Won,300,2017-06-03 10:00\n7,Older,Engaging,100,2017-06-01 10:00\n7,Oldest,Prospecting,,2017-05-01\n';
    const result = await importCsv(csv, OPTIONS);
    expect(result.records.deals.map((d) => [d.title, d.status, d.updatedAt])).toEqual([['Newest', 'won', Date.UTC(2017, 5, 3, 10)]]);
    expect(result.duplicates).toMatchObject({ rows: 2, ids: 1, rule: 'newest-updated', column: 'updated' });
  });

  it('hands the later winner of a repeated id over after an earlier batch went out, so the writer keeps it', async () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `f${i},Filler ${i},Ann,Lost,1,2017-06-01`).join('\n');
    const batches: string[][] = [];
    const result = await importCsv(chunks(`${HEADER}\n1,First,Ann,Engaging,100,\n${filler}\n1,Again,Ann,Won,200,2017-06-01\n`, 20_000), {
      ...OPTIONS,
      onRecords: (batch) => void batches.push(batch.deals.filter((d) => d.externalId === '1').map((d) => d.status)),
    });
    expect(batches.filter((list) => list.length > 0)).toEqual([['open'], ['won']]);
    expect(result.imported).toBe(3001);
  });

  it('keeps details of the first rejects only, but counts all of them', async () => {
    const bad = Array.from({ length: 5 }, (_, i) => `${i},x,Ann,Won,oops,2017-06-01`).join('\n');
    const result = await importCsv(`${HEADER}\n${bad}\n`, { ...OPTIONS, maxRejectDetails: 2 });
    expect([result.rejects.length, result.rejectCount]).toEqual([2, 5]);
  });

  it('fails as a whole only for files it cannot read at all', async () => {
    await expect(importCsv('', OPTIONS)).rejects.toThrow(/empty/);
    await expect(importCsv('name,email\nAnn,a@x.io\n', OPTIONS)).rejects.toThrow(ImportError);
    await expect(importCsv('"open,header\n1,2\n', OPTIONS)).rejects.toThrow(/header line 1 cannot be read/);
    await expect(importCsv(`${HEADER}\n`, { ...OPTIONS, timeZone: 'Mars/Olympus' })).rejects.toThrow(/unknown time zone/);
  });
});

describe('importCsv: hostile input', () => {
  it('never lets __proto__ or constructor headers and values touch prototypes', async () => {
    const csv =
      'id,__proto__,constructor,stage,amount,prototype\n__proto__,__proto__,constructor,Won,5,{"polluted":1}\nconstructor,constructor,__proto__,Lost,1,x\n';
    const result = await importCsv(csv, { ...OPTIONS, map: { owner: '__proto__', title: 'constructor' } });
    expect(result.records.deals.map((d) => [d.externalId, d.ownerId, d.title])).toEqual([
      ['__proto__', 'owner:__proto__', 'constructor'],
      ['constructor', 'owner:constructor', '__proto__'],
    ]);
    expect(result.records.owners.map((o) => o.name)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    const badField = JSON.parse('{"__proto__":"id"}') as Record<string, string>;
    await expect(importCsv(csv, { ...OPTIONS, map: badField })).rejects.toThrow(/unknown field "__proto__"/);
  });

  it('rejects a row holding a 1 MB cell with a reason, and reads on', async () => {
    const huge = 'x'.repeat(1 << 20);
    const csv = `${HEADER}\n1,"${huge}",Ann,Won,100,2017-06-01\n2,Small,Ann,Won,100,2017-06-01\n`;
    const result = await importCsv(csv, OPTIONS);
    expect(result.records.deals.map((d) => d.externalId)).toEqual(['2']);
    expect(result.rejects).toEqual([{ line: 2, reason: 'column "title" holds 1,048,576 characters, more than the 100,000 allowed', code: 'too-long' }]);
  });
});

describe('importCsv: mapping', () => {
  it('lets an explicit mapping win over detection, and names a missing column', async () => {
    const csv = 'Deal,Close Date,My Close Col,Stage,Amount\nA,2017-01-01,2017-06-30,Won,10\n';
    const result = await importCsv(csv, { ...OPTIONS, map: { closedAt: 'My Close Col' } });
    expect(result.columns.closedAt).toBe('My Close Col');
    expect(result.records.deals[0]?.closedAt).toBe(Date.UTC(2017, 5, 30));
    await expect(importCsv(csv, { ...OPTIONS, map: { closedAt: 'Nope' } })).rejects.toThrow(/column "Nope" \(for closedAt\) is not in the file/);
  });

  it('reads won/lost from explicit stage values when the file has no status column', async () => {
    const csv = 'Title,Stage,Amount,Close Date\nA,Signed,10,2017-06-01\nB,Dropped,5,2017-06-02\nC,Talking,7,\nD,Closed Won,3,2017-06-03\n';
    const result = await importCsv(csv, { ...OPTIONS, won: ['signed'], lost: ['DROPPED'] });
    // Explicit values first; the well-known "Closed Won" still counts.
    expect(result.records.deals.map((d) => d.status)).toEqual(['won', 'lost', 'open', 'won']);
    expect(result.warnings.find((w) => w.code === 'status-from-stage')?.count).toBe(3);
  });

  it('imports unknown status values as open and says which ones', async () => {
    const result = await importCsv('Title,Status,Amount\nA,Gewonnen,10\nB,Won,5\n', OPTIONS);
    expect(result.records.deals.map((d) => d.status)).toEqual(['open', 'won']);
    expect(result.warnings.find((w) => w.code === 'unknown-status')).toMatchObject({ count: 1, examples: ['Gewonnen'] });
  });

  it('uses the given currency for amounts that name none, and a sign in the cell over it', async () => {
    const result = await importCsv('Title,Stage,Сумма\nA,Won,"1 234,56"\nB,Won,$10\n', { ...OPTIONS, currency: 'RUB' });
    expect(result.records.deals.map((d) => d.amount)).toEqual([
      { minor: 123456, currency: 'RUB' },
      { minor: 1000, currency: 'USD' },
    ]);
    expect(result.currencies).toEqual([
      { source: 'option', currency: 'RUB', count: 1 },
      { source: 'cell', currency: 'USD', count: 1 },
    ]);
  });

  it('never assumes a currency: amounts naming none, without an option or preset, are unknown (XXX) and counted', async () => {
    const result = await importCsv('Title,Stage,Amount\nA,Won,1500\nB,Lost,200\n', OPTIONS);
    expect(result.records.deals.map((d) => d.amount?.currency)).toEqual(['XXX', 'XXX']);
    expect(result.currencies).toEqual([{ source: 'unknown', currency: 'XXX', count: 2 }]);
  });

  it('reads a tab-separated file and an explicit delimiter', async () => {
    const tsv = await importCsv('Title\tStage\tAmount\nA\tWon\t10\n', OPTIONS);
    expect([tsv.delimiter, tsv.records.deals[0]?.amount?.minor]).toEqual(['\t', 1000]);
    const piped = await importCsv('Title|Stage|Amount\nA|Won|10\n', { ...OPTIONS, delimiter: '|' });
    expect(piped.records.deals).toHaveLength(1);
  });
});
