import { DATASETS_DIR } from '../../test/datasets';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { importCsv } from './import-csv';
import type { ImportProgress, ImportResult } from './types';

const DATASETS = DATASETS_DIR;
const TEXT = readFileSync(`${DATASETS}/maven-crm/sales_pipeline.csv`, 'utf8');
const ZONE = 'Europe/Moscow';
/** close_value is in dollars (the data dictionary's revenue is USD); the file does not say so, so the import is told. */
const USD = 'USD';

/** The file read the plain way (it has no quotes): the independent side of every comparison below. */
const RAW = TEXT.trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, agent, product, account, stage, engage, close, value] = line.split(',');
    return { id, agent, product, account, stage, engage, close, value };
  });

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

describe('maven-crm sales_pipeline.csv', () => {
  let result: ImportResult;
  beforeAll(async () => {
    result = await importCsv(TEXT, { source: 'csv:maven', timeZone: ZONE, importedAt: 1, currency: USD });
  });

  it('imports all 8,800 rows as deals, won/lost/open as the file counts them', () => {
    const count = (stage: string) => RAW.filter((r) => r.stage === stage).length;
    const statuses = (status: string) => result.records.deals.filter((d) => d.status === status).length;
    expect(RAW).toHaveLength(8800);
    expect([result.rows, result.imported, result.rejectCount]).toEqual([8800, 8800, 0]);
    expect(statuses('won')).toBe(count('Won'));
    expect(statuses('lost')).toBe(count('Lost'));
    expect(statuses('open')).toBe(count('Engaging') + count('Prospecting'));
    expect(result.columns).toMatchObject({
      id: 'opportunity_id',
      owner: 'sales_agent',
      stage: 'deal_stage',
      amount: 'close_value',
      createdAt: 'engage_date',
      closedAt: 'close_date',
    });
  });

  it('keeps the 500 Prospecting rows without engage_date as open deals, and says so', () => {
    const prospecting = result.records.deals.filter((d) => d.stageId === 'Prospecting');
    expect(prospecting).toHaveLength(RAW.filter((r) => r.stage === 'Prospecting' && r.engage === '').length);
    expect(prospecting).toHaveLength(500);
    expect(prospecting.every((d) => d.status === 'open' && d.createdAt === undefined)).toBe(true);
    expect(result.warnings.find((w) => w.code === 'open-without-created-date')?.count).toBe(500);
  });

  it('sums won amounts exactly, in cents', () => {
    const expected = RAW.filter((r) => r.stage === 'Won').reduce((sum, r) => sum + Number(r.value) * 100, 0);
    const actual = result.records.deals.filter((d) => d.status === 'won').reduce((sum, d) => sum + (d.amount?.minor ?? 0), 0);
    expect(actual).toBe(expected);
    expect(result.records.deals.every((d) => d.amount === undefined || d.amount.currency === 'USD')).toBe(true);
  });

  it('reads date-only values as local midnight in the chosen zone', () => {
    const first = result.records.deals.find((d) => d.externalId === RAW[0]?.id);
    expect(first?.createdAt).toBe(localDateToInstant(RAW[0]?.engage ?? '', ZONE));
    expect(first?.closedAt).toBe(localDateToInstant(RAW[0]?.close ?? '', ZONE));
  });

  it('derives one owner per agent, one customer per account and leaves deals without an account unlinked', () => {
    const accounts = new Set(RAW.map((r) => r.account).filter(Boolean));
    expect(result.records.owners).toHaveLength(new Set(RAW.map((r) => r.agent)).size);
    expect(result.records.customers).toHaveLength(accounts.size);
    expect(accounts.size).toBe(85);
    const unlinked = result.records.deals.filter((d) => d.customerId === undefined).length;
    expect(unlinked).toBe(RAW.filter((r) => r.account === '').length);
    expect(unlinked).toBe(1425);
  });

  it('gives GTXPro and GTX Pro one product id, keeping the file spelling, and keeps the 7 products apart', async () => {
    expect(result.records.products.map((p) => p.name).sort()).toEqual([...new Set(RAW.map((r) => r.product))].sort());
    expect(result.records.products).toHaveLength(7);
    const gtx = result.records.products.find((p) => p.name === 'GTXPro');
    const spaced = await importCsv('opportunity_id,product,deal_stage,close_value\nX1,GTX Pro,Won,4821\n', {
      source: 'csv:maven',
      timeZone: ZONE,
      currency: USD,
    });
    expect(spaced.records.products[0]?.externalId).toBe(gtx?.externalId);
    const wonGtx = result.records.deals.filter((d) => d.status === 'won' && d.lineItems[0]?.productId === gtx?.externalId);
    expect(wonGtx).toHaveLength(RAW.filter((r) => r.stage === 'Won' && r.product === 'GTXPro').length);
  });

  it('reads the same when fed in odd-sized chunks, reporting progress as it goes', async () => {
    const progress: ImportProgress[] = [];
    const streamed = await importCsv(chunked(TEXT, 4093), { source: 'csv:maven', timeZone: ZONE, importedAt: 1, currency: USD }, (p) => progress.push(p));
    expect(streamed.records).toEqual(result.records);
    // Two passes, each reporting as it goes: the first decides the columns' formats, the second makes the records.
    const [scan, read] = [progress.filter((p) => p.phase === 'scan'), progress.filter((p) => p.phase === 'read')];
    expect([scan.length, read.length].every((count) => count > 100)).toBe(true);
    expect(progress.findIndex((p) => p.phase === 'read')).toBe(scan.length);
    for (const pass of [scan, read]) expect(pass.every((p, i) => i === 0 || p.chars >= (pass[i - 1]?.chars ?? 0))).toBe(true);
    expect(scan.at(-1)).toMatchObject({ chars: TEXT.length, rows: 8800 });
    expect(progress.at(-1)).toMatchObject({ phase: 'read', chars: TEXT.length, rows: 8800, imported: 8800, rejected: 0 });
  });

  it('hands records over chunk by chunk with onRecords, keeping only owners, products and customers', async () => {
    const batches: number[] = [];
    const deals: unknown[] = [];
    const streamed = await importCsv(chunked(TEXT, 65_536), {
      source: 'csv:maven',
      timeZone: ZONE,
      importedAt: 1,
      currency: USD,
      onRecords: async (batch) => {
        batches.push(batch.deals.length);
        deals.push(...batch.deals);
      },
    });
    expect(streamed.records.deals).toEqual([]);
    expect(deals).toEqual(result.records.deals);
    expect(batches.length).toBeGreaterThan(5); // one batch per chunk that completed rows, not one at the end
    expect(streamed.records.owners).toEqual(result.records.owners);
    expect(streamed.records.customers).toEqual(result.records.customers);
  });

  it('gives id-less rows the same ids on every import, and keeps them when a deal moves on', async () => {
    // Drop the id column: ids now come from the row's identifying fields.
    const withoutIds = TEXT.split('\n')
      .map((line) => line.slice(line.indexOf(',') + 1))
      .join('\n');
    const once = await importCsv(withoutIds, { source: 'csv:maven', timeZone: ZONE, currency: USD });
    const twice = await importCsv(withoutIds, { source: 'csv:maven', timeZone: ZONE, currency: USD });
    const ids = once.records.deals.map((d) => d.externalId);
    expect(new Set(ids).size).toBe(8800);
    expect(twice.records.deals.map((d) => d.externalId)).toEqual(ids);
    // A newer export in which the first Engaging deal was won: same id for it, and for every other row.
    const lines = withoutIds.split('\n');
    const at = lines.findIndex((line) => line.includes(',Engaging,'));
    lines[at] = (lines[at] ?? '').replace(',Engaging,', ',Won,').replace(/,$/, '2017-12-30,999');
    const updated = await importCsv(lines.join('\n'), { source: 'csv:maven', timeZone: ZONE, currency: USD });
    expect(updated.records.deals.map((d) => d.externalId)).toEqual(ids);
    expect(updated.records.deals[at - 1]).toMatchObject({ status: 'won', amount: { minor: 99900, currency: 'USD' } });
  });
});
