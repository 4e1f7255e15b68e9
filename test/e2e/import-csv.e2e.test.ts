import { DAY_MS } from '../../lib/period/units';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { readSidebar } from '../harness/sidebar-reader';

/**
 * Options → Import in the real extension: a CSV goes in through the options
 * page (file input), is parsed in the worker, written by the background, and
 * its numbers show in the side panel for that source. The expected numbers
 * are computed here from the rows, not by lib/.
 */
let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchWithExtension({ timeZone: 'Europe/Berlin' });
});
afterAll(async () => {
  await browser?.close();
});

const OWNERS = ['Ann Lee', 'Bob Stone', 'Cy Young', 'Dee Park'];
const STATUSES = ['Open', 'Won', 'Lost', 'Open'] as const;
type Row = { id: string; title: string; owner: string; amount: string; probability: number; status: (typeof STATUSES)[number]; created: string; close: string };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 240 deals of four reps over the last four weeks, plus two rows that cannot be read. */
function exportRows(now: number): Row[] {
  return Array.from({ length: 240 }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const created = now - ((i % 28) + 2) * DAY_MS;
    return {
      id: `D-${1000 + i}`,
      title: `Deal ${i}`,
      owner: OWNERS[i % OWNERS.length]!,
      amount: (1000 + i * 37.5).toFixed(2),
      probability: (i * 7) % 100,
      status,
      created: isoDay(created),
      close: status === 'Open' ? isoDay(now + 20 * DAY_MS) : isoDay(created + DAY_MS),
    };
  });
}

function csvOf(rows: Row[]): string {
  const lines = rows.map((row) => [row.id, row.title, row.owner, row.amount, `${row.probability}%`, row.status, row.created, row.close].join(','));
  // Line 4 holds an amount nobody can read, line 8 a month 13: both are listed, the rest imports.
  lines.splice(2, 0, 'D-bad-1,Broken amount,Ann Lee,lots,10%,Open,2024-01-01,2024-02-01');
  lines.splice(6, 0, 'D-bad-2,Broken date,Ann Lee,100,10%,Won,2024-13-45,2024-02-01');
  return `Deal ID,Deal Title,Owner,Value,Probability,Status,Created,Close Date\n${lines.join('\n')}\n`;
}

/** Pipeline of the open rows, the plain way: amounts in cents, weighted by their probability. */
function expectedPipeline(rows: Row[]) {
  const open = rows.filter((row) => row.status === 'Open');
  const cents = (row: Row) => Math.round(Number(row.amount) * 100);
  return {
    count: open.length,
    total: open.reduce((sum, row) => sum + cents(row), 0),
    weighted: open.reduce((sum, row) => sum + (cents(row) * row.probability) / 100, 0),
  };
}

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByText(/^Read as Deals/).waitFor();
}

/** The amounts of these exports name no currency: the rep says which (else they would be kept as unknown). */
async function giveCurrency(page: Page, code: string) {
  await page.getByText(/amounts? names? no currency/).waitFor();
  await page.getByLabel('Currency of amounts that name none').fill(code);
  await page.getByLabel('Currency of amounts that name none').blur();
  await page.getByText(/amounts? names? no currency/).waitFor({ state: 'detached' });
}

async function importThrough(page: Page, name: string, text: string) {
  await chooseFile(page, name, text);
  await giveCurrency(page, 'USD');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByText(/^Done: /).waitFor({ timeout: 60_000 });
}

async function sourceStatus(page: Page, source: string): Promise<{ records: number; crm: string; label: string } | undefined> {
  return page.evaluate(async (wanted) => {
    const api = (
      globalThis as unknown as {
        chrome: {
          runtime: {
            sendMessage(message: unknown): Promise<{ ok: boolean; value: { sources: { source: string; records: number; crm: string; label: string }[] } }>;
          };
        };
      }
    ).chrome;
    const reply = await api.runtime.sendMessage({ type: 'status/get' });
    return reply.value.sources.find((candidate) => candidate.source === wanted);
  }, source);
}

async function panelNumbers(source: string) {
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?source=${encodeURIComponent(source)}`);
  const shown = await readSidebar(panel.mainFrame());
  await panel.close();
  return shown.figures;
}

describe('importing a CSV through the options page', () => {
  it('imports the file, lists the rows it could not read, and the side panel shows its numbers', async () => {
    const now = Date.now();
    const rows = exportRows(now);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await importThrough(page, 'q3-deals.csv', csvOf(rows));
    await page.getByText('Done: 240 of 242 rows imported into csv:q3-deals.').waitFor();
    const rejects = page.getByRole('table', { name: /Rows not imported/ });
    expect(await rejects.getByRole('row').allTextContents()).toEqual([
      expect.stringMatching(/^LineReason/),
      expect.stringMatching(/^4column "Value": "lots"/),
      expect.stringMatching(/^8column "Created": "2024-13-45"/),
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the rows not imported (CSV)' }).click()]);
    const downloaded = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '').split('\r\n');
    expect(downloaded[0]).toBe('Line,Reason,Deal ID,Deal Title,Owner,Value,Probability,Status,Created,Close Date');
    expect(downloaded[1]).toMatch(/^4,.*,D-bad-1,Broken amount,Ann Lee,lots,10%,Open,2024-01-01,2024-02-01$/);

    const status = await sourceStatus(page, 'csv:q3-deals');
    // 240 deals and the 4 reps who own them.
    expect(status).toMatchObject({ crm: 'csv', label: 'q3-deals.csv', records: 244 });
    const expected = expectedPipeline(rows);
    const figures = await panelNumbers('csv:q3-deals');
    expect(figures['pipeline.total']?.value).toBe(expected.total);
    expect(figures['pipeline.openDeals']?.value).toBe(expected.count);
    expect(figures['pipeline.weighted']?.value).toBeCloseTo(expected.weighted, 6);
    await page.close();
  });

  it('shows how each column reads, asks about one the file leaves open, and imports it as the rep chose', async () => {
    const now = Date.now();
    const rows = exportRows(now).slice(0, 12);
    // Amounts as a German export writes them without cents: "1.000" could be one or a thousand, nothing in the file tells.
    const german = (row: Row) => Math.round(Number(row.amount)).toLocaleString('de-DE');
    const text = `Deal ID;Deal Title;Owner;Value;Status;Created;Close Date\n${rows.map((row) => [row.id, row.title, row.owner, german(row), row.status, row.created, row.close].join(';')).join('\n')}\n`;
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await chooseFile(page, 'eu-deals.csv', text);
    const format = (column: string) => page.getByLabel(`Format of column ${column}`);
    expect(await format('Created').locator('option:checked').textContent()).toBe('Nothing to choose (dates with the year first)');
    expect(await format('Value').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Choose how to read the marked columns before importing.').waitFor();
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await format('Value').selectOption(',');
    await page.getByText('Choose how to read the marked columns before importing.').waitFor({ state: 'detached' });
    await giveCurrency(page, 'USD');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Done: 12 of 12 rows imported into csv:eu-deals.').waitFor({ timeout: 60_000 });
    // Whole thousands: the open deals' values as the German export meant them, in cents.
    const open = rows.filter((row) => row.status === 'Open');
    const figures = await panelNumbers('csv:eu-deals');
    expect(figures['pipeline.total']?.value).toBe(open.reduce((sum, row) => sum + Math.round(Number(row.amount)) * 100, 0));
    await page.close();
  });

  it('re-importing a newer export of the same file updates the deals instead of adding copies', async () => {
    const rows = exportRows(Date.now());
    const firstOpen = rows.find((row) => row.status === 'Open')!;
    firstOpen.status = 'Won';
    firstOpen.close = isoDay(Date.now() - DAY_MS);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await importThrough(page, 'q3-deals.csv', csvOf(rows));
    expect(await sourceStatus(page, 'csv:q3-deals')).toMatchObject({ records: 244 });
    const expected = expectedPipeline(rows);
    const figures = await panelNumbers('csv:q3-deals');
    // One deal fewer in the pipeline, by exactly its amount.
    expect(figures['pipeline.openDeals']?.value).toBe(expected.count);
    expect(figures['pipeline.total']?.value).toBe(expected.total);
    await page.close();
  });
});
