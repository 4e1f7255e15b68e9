import { describe, expect, it } from 'vitest';
import { main } from './main';
import type { CliIO } from './types';
import { IMPORT_BATCH_MAX } from '../messaging/requests/import';
import { convertRows } from '../table-reader/convert';
import type { ReadRow } from '../table-reader/reader';
import { runImport, type ImportSettings, type RecordLists } from '../import/file-import';
import { previewImport } from '../import/file-preview';
import type { AnyField, DateOrder } from '../import/types';

/**
 * One reader, three ways in: the CLI (`kpi-lens import`), the options page's
 * import engine (preview, then run) and the table reader (rows read from a
 * page) are given the same cells and the same choices, and must make the same
 * records, reject the same rows, or refuse the same columns.
 */
type Case = { name: string; headers: string[]; rows: string[][]; currency?: string; numberLocale?: string; dateOrder?: DateOrder };

const CASES: Case[] = [
  {
    name: 'euro amounts, one of them with decimals; day-first dates, one over 12',
    headers: ['ID', 'Title', 'Stage', 'Amount', 'Close Date'],
    rows: [
      ['1', 'A', 'Won', '1.000 €', '05/06/2024'],
      ['2', 'B', 'Lost', '2.500,00 €', '25/06/2024'],
      ['3', 'C', 'Talking', '300', 'not closed'],
    ],
  },
  {
    name: 'amounts left open, read by the number locale',
    headers: ['ID', 'Title', 'Stage', 'Amount'],
    rows: [
      ['1', 'A', 'Won', '1.000'],
      ['2', 'B', 'Won', '12.500'],
    ],
    numberLocale: 'de',
    currency: 'EUR',
  },
  {
    name: 'dates left open, read by the date order',
    headers: ['ID', 'Title', 'Stage', 'Close Date'],
    rows: [
      ['1', 'A', 'Won', '05/06/2024'],
      ['2', 'B', 'Lost', '07/08/2024'],
    ],
    dateOrder: 'mdy',
  },
  {
    name: 'a repeated id: the newest update wins; a negative won amount is rejected; accounting negatives',
    headers: ['ID', 'Title', 'Stage', 'Amount', 'Updated'],
    rows: [
      ['7', 'Newer', 'Won', '$1,200.00', '2024-06-03'],
      ['7', 'Older', 'Engaging', '$900.00', '2024-06-01'],
      ['8', 'Refund', 'Won', '($300.00)', '2024-06-02'],
      ['9', 'Credit', 'Lost', '($50.00)', '2024-06-02'],
    ],
  },
  {
    name: 'Excel serial days, Russian no-date words, amounts naming no currency',
    headers: ['ID', 'Title', 'Stage', 'Amount', 'Дата закрытия'],
    rows: [
      ['1', 'A', 'Won', '1 500,50', '45444'],
      ['2', 'B', 'Переговоры', '700', 'не закрыта'],
    ],
  },
  {
    name: 'amounts nothing decides: refused by all three',
    headers: ['ID', 'Title', 'Stage', 'Amount'],
    rows: [
      ['1', 'A', 'Won', '1.000'],
      ['2', 'B', 'Won', '2.000'],
    ],
  },
];

const IMPORTED_AT = Date.UTC(2024, 6, 1);
const normal = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
const csvOf = ({ headers, rows }: Case) => [headers, ...rows].map((cells) => cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\n') + '\n';

type Outcome = { refused: string[] } | { deals: unknown; rejectedLines: number[] };

async function throughCli(entry: Case): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async () => csvOf(entry),
    writeFile: async () => {},
    now: () => IMPORTED_AT,
    env: {},
  };
  const args = ['import', '--csv', 'cases.csv', '--tz', 'UTC', '--preset', 'none'];
  if (entry.currency) args.push('--currency', entry.currency);
  if (entry.numberLocale) args.push('--number-locale', entry.numberLocale);
  if (entry.dateOrder) args.push('--date-order', entry.dateOrder);
  const code = await main(args, io);
  if (code === 2) return { refused: [...err.join('').matchAll(/column "([^"]+)"/g)].map((match) => match[1]!) };
  expect(code).toBe(0);
  const rejected = [...err.join('').matchAll(/^ {2}line (\d+):/gm)].map((match) => Number(match[1]));
  return { deals: normal((JSON.parse(out.join('')) as { deals: unknown[] }).deals), rejectedLines: rejected };
}

async function throughOptionsPage(entry: Case): Promise<Outcome> {
  const file = new Blob([csvOf(entry)]);
  const settings: ImportSettings = {
    source: 'csv:cases',
    timeZone: 'UTC',
    preset: 'none',
    currency: entry.currency,
    numberLocale: entry.numberLocale,
    dateOrder: entry.dateOrder,
    importedAt: IMPORTED_AT,
  };
  const preview = await previewImport(file, settings);
  const open = preview.formats.filter((format) => format.problem);
  if (open.length) return { refused: open.map((format) => format.header) };
  const batches: RecordLists[] = [];
  const accepted = { ...settings, kind: preview.kind, columns: preview.columns, headers: preview.headers, profiles: preview.profiles };
  const summary = await runImport(
    file,
    accepted,
    { onProgress: () => {}, onBatch: async (batch) => void batches.push(batch), batchMax: IMPORT_BATCH_MAX },
    preview.delimiter,
  );
  return { deals: normal(batches.flatMap((batch) => batch.deals ?? [])), rejectedLines: summary.rejects.map((reject) => reject.line) };
}

async function throughTableReader(entry: Case, fields: (AnyField | null)[]): Promise<Outcome> {
  const rows: ReadRow[] = entry.rows.map((cells, i) => ({ position: i + 1, key: `p${i}`, cells }));
  const batches: RecordLists[] = [];
  try {
    const converted = await convertRows(entry.headers, { kind: 'deals', fields }, rows, {
      source: 'csv:cases',
      timeZone: 'UTC',
      currency: entry.currency,
      numberLocale: entry.numberLocale,
      dateOrder: entry.dateOrder,
      importedAt: IMPORTED_AT,
      maxCellChars: 100_000,
      pause: async () => {},
      batchMax: IMPORT_BATCH_MAX,
      onBatch: async (batch) => void batches.push(batch),
    });
    // A table row's place is its CSV line less the header's.
    return { deals: normal(batches.flatMap((batch) => batch.deals ?? [])), rejectedLines: converted.problems.map((problem) => problem.position + 1) };
  } catch (error) {
    const formats = (error as { formats?: { header: string }[] }).formats;
    if (!formats) throw error;
    return { refused: formats.map((format) => format.header) };
  }
}

describe('the CLI, the import page and the table reader read the same cells the same way', () => {
  it.each(CASES)('$name', async (entry) => {
    const cli = await throughCli(entry);
    const page = await throughOptionsPage(entry);
    // The table reader is told the columns the import found, as the rep confirms them.
    const preview = await previewImport(new Blob([csvOf(entry)]), { source: 'csv:cases', timeZone: 'UTC', preset: 'none', importedAt: IMPORTED_AT });
    const fields = entry.headers.map((_, i) => (Object.entries(preview.columns).find(([, at]) => at === i)?.[0] as AnyField | undefined) ?? null);
    const table = await throughTableReader(entry, fields);
    expect(page).toEqual(cli);
    expect(table).toEqual(cli);
    if (entry.name.startsWith('amounts nothing decides')) expect(cli).toEqual({ refused: ['Amount'] });
    else expect((cli as { deals: unknown[] }).deals.length).toBeGreaterThan(0);
  });

  it('reads the cases as meant: the values each path agreed on', async () => {
    const read = async (index: number) =>
      (await throughCli(CASES[index]!)) as {
        deals: { externalId: string; amount?: { minor: number; currency: string }; closedAt?: number; expectedCloseAt?: number; status: string }[];
        rejectedLines: number[];
      };
    const euro = await read(0);
    expect(euro.deals.map((d) => [d.amount, d.closedAt ?? d.expectedCloseAt ?? null])).toEqual([
      [{ minor: 100_000, currency: 'EUR' }, Date.UTC(2024, 5, 5)], // "1.000 €" is a thousand: "2.500,00 €" shows the comma is the decimal mark
      [{ minor: 250_000, currency: 'EUR' }, Date.UTC(2024, 5, 25)],
      [{ minor: 30_000, currency: 'XXX' }, null], // no sign in the cell, no --currency: unknown; "not closed" is no date
    ]);
    expect((await read(1)).deals.map((d) => d.amount?.minor)).toEqual([100_000, 1_250_000]); // --number-locale de
    expect((await read(2)).deals.map((d) => d.closedAt)).toEqual([Date.UTC(2024, 4, 6), Date.UTC(2024, 6, 8)]); // --date-order mdy
    const repeated = await read(3);
    expect(repeated.deals.map((d) => [d.externalId, d.status, d.amount?.minor])).toEqual([
      ['7', 'won', 120_000],
      ['9', 'lost', -5_000],
    ]);
    expect(repeated.rejectedLines).toEqual([4]); // the refund, a negative won amount
    expect((await read(4)).deals.map((d) => [d.amount, d.closedAt ?? null])).toEqual([
      [{ minor: 150_050, currency: 'XXX' }, Date.UTC(2024, 5, 1)], // serial day 45444 is 2024-06-01
      [{ minor: 70_000, currency: 'XXX' }, null], // "не закрыта": no close date
    ]);
  });
});
