import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Deal } from '@/lib/model';
import type { ImportBatch, ImportedSource, ImportSummary } from '@/lib/messaging';
import { I18nProvider } from '../../common/i18n';
import type { ImportApi } from './api';
import { createInlineEngine } from './engine-inline';
import { ImportSection } from '.';

// import.meta.url is not a file URL under jsdom; the folder is (CI clones the repo with shared/ beside it).
const DATASETS = process.env.KPI_LENS_DATASETS ?? resolve(import.meta.dirname, '../../../../shared/datasets');
const MAVEN = readFileSync(`${DATASETS}/maven-crm/sales_pipeline.csv`, 'utf8');
/** The file read the plain way (no quotes in it): the independent side of the checks. */
const RAW = MAVEN.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));

function fakeApi(existing: ImportedSource[] = []) {
  const batches: ImportBatch[] = [];
  const finished: { source: string; summary: ImportSummary }[] = [];
  const downloads: { name: string; blob: Blob }[] = [];
  const removed: string[] = [];
  const api: ImportApi = {
    records: async (_source, batch) => {
      batches.push(batch);
      return { written: Object.values(batch).reduce((sum, list) => sum + list.length, 0), rejected: 0, reasons: [] };
    },
    finish: async (source, summary) => {
      finished.push({ source, summary });
      return { records: 0 };
    },
    list: async () => existing.filter((entry) => !removed.includes(entry.source)),
    remove: async (source) => void removed.push(source),
    defaults: async () => ({ timeZone: 'Europe/Moscow', currency: 'USD' }),
    download: (name, blob) => void downloads.push({ name, blob }),
    numbersUrl: (source) => `chrome-extension://test/sidepanel.html?source=${encodeURIComponent(source)}`,
    now: () => 1_700_000_000_000,
  };
  return { api, batches, finished, downloads, removed };
}

function show(api: ImportApi, locale: 'en' | 'ru' = 'en') {
  return render(
    <I18nProvider locale={locale} timeZone="UTC">
      <ImportSection api={api} engine={createInlineEngine} />
    </I18nProvider>,
  );
}

async function upload(name: string, text: string) {
  await userEvent.upload(screen.getByLabelText('CSV file'), new File([text], name, { type: 'text/csv' }));
  await screen.findByText(/Read as/);
}

describe('Options → Import', () => {
  it('imports the Maven CRM export: detected mapping, preview, every row to the background, and the summary', async () => {
    const fake = fakeApi();
    show(fake.api);
    await upload('sales_pipeline.csv', MAVEN);
    expect((screen.getByLabelText('Save as source') as HTMLInputElement).value).toBe('csv:sales_pipeline');
    expect((screen.getByLabelText('Amount') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('close_value');
    expect((screen.getByLabelText('Owner') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('sales_agent');
    // The first preview row is the file's first deal; without a title column it is named "account · product".
    const [, agent, product, account] = RAW[0]!;
    const preview = screen.getByRole('table', { name: /Preview/ });
    expect(within(preview).getAllByRole('row')[1]?.textContent).toContain(`${account} · ${product}`);
    expect(within(preview).getAllByRole('row')[1]?.textContent).toContain(agent);

    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Done: 8,800 of 8,800 rows imported into csv:sales_pipeline/, undefined, { timeout: 20_000 });
    expect(fake.finished).toEqual([
      { source: 'csv:sales_pipeline', summary: { fileName: 'sales_pipeline.csv', kind: 'deals', preset: null, rows: 8800, imported: 8800, rejected: 0 } },
    ]);
    const deals = fake.batches.flatMap((batch) => (batch.deals ?? []) as Deal[]);
    expect(deals).toHaveLength(8800);
    expect(new Set(deals.map((deal) => deal.source))).toEqual(new Set(['csv:sales_pipeline']));
    // Won value: the close_value of the Won rows, in cents (whole dollars in the file).
    const wonCents = RAW.filter((row) => row[4] === 'Won').reduce((sum, row) => sum + Number(row[7]) * 100, 0);
    expect(deals.filter((deal) => deal.status === 'won').reduce((sum, deal) => sum + (deal.amount?.minor ?? 0), 0)).toBe(wonCents);
    expect(fake.batches.flatMap((batch) => batch.owners ?? [])).toHaveLength(new Set(RAW.map((row) => row[1])).size);
    expect(screen.getByRole('link', { name: 'Open the numbers' }).getAttribute('href')).toContain('source=csv%3Asales_pipeline');
  }, 60_000);

  it('shows the days a file gives without a time as dates, on the day the file says, and keeps the times a file has', async () => {
    const fake = fakeApi();
    const { unmount } = show(fake.api);
    await upload('sales_pipeline.csv', MAVEN);
    const table = () => screen.getByRole('table', { name: /Preview/ });
    const column = (name: string) => {
      const at = within(table())
        .getAllByRole('columnheader')
        .findIndex((cell) => cell.textContent === name);
      return within(table())
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.children[at]?.textContent ?? '');
    };
    // engage_date and close_date are days ("2016-10-20"), read in the import's zone (Moscow) while the rep's
    // zone is UTC: as a date and time in the rep's zone that would be "Oct 19, 2016, 9:00 PM"; the file's day is wanted.
    const day = (text: string) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).format(Date.parse(`${text}T00:00:00Z`));
    const created = column('Created');
    expect(created[0]).toBe('Oct 20, 2016'); // RAW[0][5] is 2016-10-20
    expect(created).toEqual(RAW.slice(0, created.length).map((row) => (row[5] ? day(row[5]) : '')));
    const closed = column('Closed');
    expect(closed).toEqual(RAW.slice(0, closed.length).map((row) => (row[6] ? day(row[6]) : '')));
    for (const cell of [...created, ...closed]) expect(cell).not.toMatch(/\d:\d\d/);
    unmount();

    // A column with times keeps them; one with days only beside it still shows days.
    show(fakeApi().api, 'ru');
    await userEvent.upload(
      screen.getByLabelText('CSV-файл'),
      new File(['Deal,Owner,Amount,Created,Close date\nAcme,Ann,100,2024-03-05 14:30,2024-04-01\n'], 'times.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('table', { name: /Предпросмотр/ });
    const row = within(screen.getByRole('table', { name: /Предпросмотр/ })).getAllByRole('row')[1]!;
    expect(row.textContent).toContain('5 мар. 2024 г., 14:30'); // as the file says, in the zone it is read in (Moscow)
    expect(row.textContent).toContain('1 апр. 2024 г.');
    expect(row.textContent).not.toMatch(/1 апр\. 2024 г\., \d/);
  }, 30_000);

  it('lets the rep take a field off a column, and previews the result', async () => {
    show(fakeApi().api);
    await upload('sales_pipeline.csv', MAVEN);
    const preview = () => screen.getByRole('table', { name: /Preview/ });
    const amountHeader = within(preview())
      .getAllByRole('columnheader')
      .findIndex((cell) => cell.textContent === 'Amount');
    const amounts = () =>
      within(preview())
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.children[amountHeader]?.textContent ?? '');
    // close_value names no currency and none was given: the amounts are shown as of unknown currency, and the form says so.
    expect(amounts().some((text) => text.startsWith('¤'))).toBe(true);
    expect(screen.getByText(/amounts name no currency: type the currency above/)).toBeTruthy();
    const currency = screen.getByLabelText('Currency of amounts that name none');
    await userEvent.type(currency, 'usd');
    fireEvent.blur(currency);
    await waitFor(() => expect(amounts().some((text) => text.startsWith('$'))).toBe(true));
    expect(screen.queryByText(/amounts name no currency/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '' } });
    await waitFor(() => expect(amounts().every((text) => text === '')).toBe(true));
    expect((screen.getByLabelText('Amount') as HTMLSelectElement).value).toBe('');
  }, 30_000);

  it('shows how every amount and date column reads, and dates as dates', async () => {
    show(fakeApi().api);
    await upload('sales_pipeline.csv', MAVEN);
    const format = (column: string) => (screen.getByLabelText(`Format of column ${column}`) as HTMLSelectElement).selectedOptions[0]?.textContent;
    expect([format('close_value'), format('engage_date'), format('close_date')]).toEqual([
      'Nothing to choose (plain numbers)',
      'Nothing to choose (dates with the year first)',
      'Nothing to choose (dates with the year first)',
    ]);
    // The first deal's engage date, as a date: not "Oct 20, 2016, 12:00 AM".
    const preview = screen.getByRole('table', { name: /Preview/ });
    const created = within(preview)
      .getAllByRole('columnheader')
      .findIndex((cell) => cell.textContent === 'Created');
    const engage = RAW.find((row) => row[5])![5]!;
    const shown = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${engage}T00:00:00Z`));
    expect(
      within(preview)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.children[created]?.textContent),
    ).toContain(shown);
  }, 30_000);

  it('asks how to read a column its values leave open, and imports it as the rep chose', async () => {
    const fake = fakeApi();
    show(fake.api);
    await upload('eu.csv', 'ID;Title;Stage;Amount;Close Date\n1;A;Won;1.000;05/06/2024\n2;B;Lost;2.500;25/06/2024\n');
    const amount = screen.getByLabelText('Format of column Amount') as HTMLSelectElement;
    // "1.000" is one or a thousand and nothing in the file tells: the column is marked and the import waits.
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/“1\.000” could be 1,234\.56 \(a dot before decimals\) \/ 1\.234,56 \(a comma before decimals\)/)).toBeTruthy();
    expect(screen.getByText('Choose how to read the marked columns before importing.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    // The dates decide themselves: 25/06 has no month 25.
    expect((screen.getByLabelText('Format of column Close Date') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'Day first (31/12/2017) (from its values)',
    );
    fireEvent.change(amount, { target: { value: ',' } });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false));
    expect((screen.getByLabelText('Format of column Amount') as HTMLSelectElement).value).toBe(',');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/Done: 2 of 2 rows imported/);
    const deals = fake.batches.flatMap((batch) => (batch.deals ?? []) as Deal[]);
    expect(deals.map((deal) => [deal.amount?.minor, deal.closedAt])).toEqual([
      [100_000, Date.UTC(2024, 5, 4, 21)], // a thousand; 5 June at midnight in Moscow (the rep's zone)
      [250_000, Date.UTC(2024, 5, 24, 21)],
    ]);
  }, 30_000);

  it('reads open columns by the choices of the form, and says where the reading came from', async () => {
    show(fakeApi().api, 'ru');
    await userEvent.upload(screen.getByLabelText('CSV-файл'), new File(['ID;Title;Stage;Amount\n1;A;Won;1.000\n'], 'x.csv', { type: 'text/csv' }));
    const amount = await screen.findByLabelText('Формат столбца Amount');
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(screen.getByLabelText('Числа вида 1.000 — это'), { target: { value: ',' } });
    await waitFor(() =>
      expect((screen.getByLabelText('Формат столбца Amount') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
        '1.234,56 (запятая перед дробной частью) (по вашему выбору выше)',
      ),
    );
  }, 30_000);

  it('lists the rows not imported with line and reason, and downloads them as CSV', async () => {
    const fake = fakeApi();
    show(fake.api);
    await upload('deals.csv', 'id,title,amount,stage\n1,Good,10,Won\n2,Bad,lots,Won\n3,Fine,5,Lost\n');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    const rejects = await screen.findByRole('table', { name: /Rows not imported/ });
    expect(within(rejects).getAllByRole('row')[1]?.textContent).toMatch(/^3column "amount": "lots" is not an amount/);
    await userEvent.click(screen.getByRole('button', { name: 'Download the rows not imported (CSV)' }));
    await waitFor(() => expect(fake.downloads).toHaveLength(1));
    expect(fake.downloads[0]?.name).toBe('deals-not-imported.csv');
    const text = await fake.downloads[0]!.blob.text();
    expect(
      text
        .replace(/^\ufeff/, '')
        .split('\r\n')
        .slice(0, 2),
    ).toEqual(['Line,Reason,id,title,amount,stage', '3,"column ""amount"": ""lots"" is not an amount",2,Bad,lots,Won']);
    expect(fake.finished[0]?.summary).toMatchObject({ rows: 3, imported: 2, rejected: 1 });
  }, 30_000);

  it('says what is wrong with a file it cannot read, and does not import it', async () => {
    show(fakeApi().api);
    await upload('notes.csv', 'Notes,Comment\nhello,world\n');
    expect(screen.getByRole('alert').textContent).toMatch(/no deals columns recognised/);
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('refuses a source name that is not csv:<name>', async () => {
    show(fakeApi().api);
    await upload('deals.csv', 'id,amount,stage\n1,10,Won\n');
    await userEvent.clear(screen.getByLabelText('Save as source'));
    await userEvent.type(screen.getByLabelText('Save as source'), 'pipedrive:acme');
    expect(screen.getByText('A source name is csv: followed by a name, e.g. csv:deals-2017.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lists imported sources in Russian, and deletes one only after a second click', async () => {
    const entry: ImportedSource = { source: 'csv:q3', origin: 'csv', label: 'q3.csv', kind: 'deals', lastImportAt: 0, rows: 5, imported: 5, rejected: 0 };
    const fake = fakeApi([entry]);
    show(fake.api, 'ru');
    expect(await screen.findByText('Импорт CSV-выгрузки')).toBeTruthy();
    const row = (await screen.findByText('q3.csv')).closest('tr')!;
    expect(row.textContent).toContain('5 записей');
    await userEvent.click(within(row).getByRole('button', { name: 'Удалить: csv:q3' }));
    expect(fake.removed).toEqual([]);
    await userEvent.click(within(row).getByRole('button', { name: 'Да, удалить' }));
    await waitFor(() => expect(fake.removed).toEqual(['csv:q3']));
  });
});

vi.setConfig({ testTimeout: 60_000 });
