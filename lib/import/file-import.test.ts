import { readFileSync } from 'node:fs';
import { DATASETS_DIR } from '../../test/datasets';
import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { rejectedRowsCsv, runImport, type ImportSettings, type RecordLists } from './file-import';
import { previewImport, type Preview } from './file-preview';
import { IMPORT_BATCH_MAX } from '../messaging/requests/import';

const DATASETS = DATASETS_DIR;
const MAVEN = readFileSync(`${DATASETS}/maven-crm/sales_pipeline.csv`, 'utf8');
const BASE: ImportSettings = { source: 'csv:test', timeZone: 'Europe/Moscow', currency: 'USD', importedAt: 1 };

/** The settings the options page sends once the rep accepted (or changed) the preview's mapping. */
const accepted = (preview: Preview, settings: ImportSettings = BASE): ImportSettings => ({
  ...settings,
  kind: preview.kind,
  preset: preview.preset ?? 'none',
  columns: preview.columns,
  headers: preview.headers,
});

async function run(file: Blob, settings: ImportSettings, delimiter: string) {
  const batches: RecordLists[] = [];
  const progress: number[] = [];
  const summary = await runImport(
    file,
    settings,
    { onProgress: (p) => progress.push(p.bytes), onBatch: async (batch) => void batches.push(batch), batchMax: IMPORT_BATCH_MAX },
    delimiter,
  );
  const all = <K extends keyof RecordLists>(list: K) => batches.flatMap((batch) => batch[list] ?? []);
  return { summary, batches, progress, all };
}

describe('the import engine on the Maven CRM export', () => {
  it('previews the detected columns and the first deals from the first 128 KB', async () => {
    const preview = await previewImport(new Blob([MAVEN]), BASE);
    expect(preview.error).toBeUndefined();
    expect([preview.kind, preview.preset, preview.delimiter]).toEqual(['deals', null, ',']);
    const at = (header: string) => preview.headers.indexOf(header);
    expect(preview.columns).toMatchObject({
      id: at('opportunity_id'),
      owner: at('sales_agent'),
      stage: at('deal_stage'),
      amount: at('close_value'),
      createdAt: at('engage_date'),
      closedAt: at('close_date'),
    });
    expect(preview.examples).toEqual(MAVEN.split('\n')[1]!.split(','));
    expect(preview.sample.deals).toHaveLength(8);
    expect(preview.sample.deals[0]?.externalId).toBe(MAVEN.split('\n')[1]!.split(',')[0]);
    // 128 KB of ~70-byte rows: well over a thousand rows were read for the preview, none rejected.
    expect(preview.rows).toBeGreaterThan(1000);
    expect(preview.rejectCount).toBe(0);
  });

  it('imports every row in batches the background accepts, exactly as importCsv reads the file', async () => {
    const file = new Blob([MAVEN]);
    const preview = await previewImport(file, BASE);
    const { summary, batches, progress, all } = await run(file, accepted(preview), preview.delimiter);
    const direct = await importCsv(MAVEN, { source: 'csv:test', timeZone: 'Europe/Moscow', importedAt: 1, currency: 'USD' });
    expect([summary.rows, summary.imported, summary.rejectCount]).toEqual([8800, 8800, 0]);
    expect(all('deals')).toEqual(direct.records.deals);
    expect(all('owners')).toEqual(direct.records.owners);
    expect(all('products')).toEqual(direct.records.products);
    expect(all('customers')).toEqual(direct.records.customers);
    expect(batches.every((batch) => Object.values(batch).every((list) => list.length <= IMPORT_BATCH_MAX))).toBe(true);
    expect(progress.at(-1)).toBe(file.size);
  });

  it('reads exactly the columns the rep chose: a field set to "not imported" stays empty', async () => {
    const file = new Blob([MAVEN]);
    const preview = await previewImport(file, BASE);
    const { amount: _amount, product: _product, ...rest } = preview.columns;
    const changed = await previewImport(file, { ...accepted(preview), columns: rest });
    expect(changed.sample.deals.every((deal) => deal.amount === undefined && deal.lineItems.length === 0)).toBe(true);
    // Moving a field to another column: the account column read as the region instead.
    const moved = await previewImport(file, { ...accepted(preview), columns: { ...rest, account: undefined, region: preview.headers.indexOf('account') } });
    const first = moved.sample.deals.find((deal) => deal.region !== undefined);
    expect(first?.customerId).toBeUndefined();
    expect(first?.region).toBe(
      MAVEN.split('\n')
        .slice(1)
        .map((line) => line.split(',')[3])
        .find(Boolean),
    );
  });

  it('says why a file cannot be imported, with the headers so the mapping can be fixed', async () => {
    const preview = await previewImport(new Blob(['Notes,Comment\nhello,world\n']), BASE);
    expect(preview.error).toMatch(/no deals columns recognised/);
    expect(preview.headers).toEqual(['Notes', 'Comment']);
    const fixed = await previewImport(new Blob(['Notes,Comment\n10,Won\n']), {
      ...BASE,
      kind: 'deals',
      preset: 'none',
      columns: { amount: 0, stage: 1 },
      headers: ['Notes', 'Comment'],
    });
    expect(fixed.error).toBeUndefined();
    expect(fixed.sample.deals[0]).toMatchObject({ status: 'won', amount: { minor: 1000, currency: 'USD' } });
    expect((await previewImport(new Blob(['']), BASE)).error).toMatch(/empty/);
  });
});

/** Small exports shaped like each CRM's own (header names, delimiters, dates, words). */
const PRESET_FILES: [string, string, string][] = [
  [
    'pipedrive',
    'deals',
    'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Currency of Value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time\n1,Acme,Ann Lee,"1,200.50",EUR,Closed,Won,2017-03-01 09:00:00,2017-06-12 16:40:00\n2,Beta,Bob,300,USD,Demo,Open,2017-04-02 10:00:00,\n',
  ],
  [
    'hubspot',
    'deals',
    '"Record ID","Deal Name","Deal Stage","Amount","Close Date","Create Date","Deal owner"\n"10","Serengeti","Closed Won","7800.0","2023-11-15 20:09","2023-10-01 09:00","Carter McKay"\n"11","Kruger","Itinerary Sent","4200.0","2023-12-31 00:00","2023-11-02 10:30","Carter McKay"\n',
  ],
  [
    'salesforce',
    'deals',
    'Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Close Date,Created Date,Won,Closed\nJane Roe,United Oil,Plant,Closed Won,"$12,500.00",6/30/2017,3/2/2017,1,1\nTim Moe,Edge,SLA,Negotiation/Review,"$60,000.00",7/20/2017,5/1/2017,0,0\n',
  ],
  [
    'amocrm',
    'deals',
    'ID;Название сделки;Бюджет ₽;Ответственный;Статус;Воронка;Дата создания;Дата закрытия\n5001;Поставка;150 000,50;Иван Петров;Успешно реализовано;Продажи;05.03.2017 14:20:00;20.06.2017 18:00:00\n5002;Аренда;9 900;Мария Иванова;Переговоры;Продажи;07.03.2017 10:00:00;\n',
  ],
  [
    'bitrix24',
    'deals',
    '\ufeffID;Название сделки;Стадия сделки;Сумма;Валюта;Ответственный;Дата создания;Дата завершения;Закрыта\r\n11;Сайт;Сделка успешна;250 000;RUB;Ольга Смирнова;01.02.2017;15.06.2017;Да\r\n12;Лендинг;Сделка провалена;40000;RUB;Ольга Смирнова;02.02.2017;16.06.2017;Да\r\n',
  ],
  [
    'bitrix24',
    'activities',
    'ID;Тип;Тема;Направление;Ответственный;Срок;Дата создания;Выполнено\n1;Звонок;Первый звонок;Исходящий;Ольга Смирнова;05.06.2017 10:00;01.06.2017;Да\n',
  ],
  [
    'hubspot',
    'leads',
    'Record ID,First Name,Last Name,Contact owner,Create Date,Lifecycle Stage,Became an Opportunity Date\n1,Ann,Smith,Carter McKay,2023-10-01 09:00,Opportunity,2023-10-09 10:00\n',
  ],
];

describe('exports shaped like each preset, through the engine', () => {
  it.each(PRESET_FILES)('%s %s: detected, and imported as importCsv reads it', async (preset, kind, text) => {
    const file = new Blob([text]);
    const preview = await previewImport(file, BASE);
    expect([preview.preset, preview.kind, preview.error]).toEqual([preset, kind, undefined]);
    const { all, summary } = await run(file, accepted(preview), preview.delimiter);
    const direct = await importCsv(text, { source: 'csv:test', timeZone: 'Europe/Moscow', importedAt: 1, currency: 'USD' });
    expect(summary.rejectCount).toBe(direct.rejectCount);
    expect(all(kind as 'deals')).toEqual(direct.records[kind as 'deals']);
    expect(all(kind as 'deals').length).toBeGreaterThan(0);
  });
});

describe('the rows that were not imported', () => {
  it('come back as CSV with the file’s own separator: line, reason, then the row as it was, under the file headers', async () => {
    const text = 'id;title;amount;stage\n1;Good;10;Won\n\n2;"Bad; amount";lots;Won\n3;"never closed;5;Won\n4;Fine;5;Lost\n';
    const file = new Blob([text]);
    const preview = await previewImport(file, BASE);
    const { summary } = await run(file, accepted(preview), preview.delimiter);
    expect(summary.rejects.map((reject) => reject.line)).toEqual([4, 5]);
    const csv = await rejectedRowsCsv(file, summary.rejects, preview.delimiter);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Line;Reason;id;title;amount;stage');
    // Quoted where the cell holds a separator of any reader, so a "," reader keeps it whole too.
    expect(lines[1]).toMatch(/^4;"column ""amount"": ""lots"" [^;]*";2;"Bad; amount";lots;Won$/);
    // The broken row cannot be split into cells: its start comes back in the first cell.
    expect(lines[2]).toBe('5;"a quoted cell is never closed; the row was skipped up to the next line";"3;""never closed;5;Won"');
    expect(lines).toHaveLength(3);
  });
});
