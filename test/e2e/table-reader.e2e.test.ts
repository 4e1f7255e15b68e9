import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { readSidebar } from '../harness/sidebar-reader';

/**
 * "Read a table on this page" in real Chromium, on plain pages served here on
 * loopback (the test build may read 127.0.0.1): the picker is injected on
 * request, the rep clicks a table and confirms with the keyboard, rows are read
 * (and the next page when the rep pages through), and the numbers show in the
 * side panel. A hostile page (50,000 rows, megabyte cells, `__proto__`) is read
 * within the limits without a long task on the page.
 */
type Deal = { id: string; title: string; owner: string; cents: number; stage: string };
const OWNERS = ['Ann Lee', 'Bob Stone', 'Cy Young'];
const STAGES = ['Negotiation', 'Closed Won', 'Proposal', 'Closed Lost'];
const OPEN = new Set(['Negotiation', 'Proposal']);

const deal = (i: number): Deal => ({ id: `T-${i}`, title: `Deal ${i}`, owner: OWNERS[i % 3]!, cents: 50_000 + i * 1_250, stage: STAGES[i % 4]! });
/** Page 1 shows deals 0–24; page 2 shows 22–46 (three deals again, as lists do when data moves). */
const PAGES = [Array.from({ length: 25 }, (_, i) => deal(i)), Array.from({ length: 25 }, (_, i) => deal(22 + i))];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dollars = (cents: number) => `$${(cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

function dealsPage(): string {
  const data = JSON.stringify(PAGES.map((rows) => rows.map((row) => [row.id, row.title, row.owner, dollars(row.cents), row.stage])));
  return `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Deals</title></head><body style="margin:8px">
<button id="next" type="button">Next page</button>
<table id="deals" style="width:600px"><thead><tr><th>ID</th><th>Deal name</th><th>Owner</th><th>Amount</th><th>Stage</th></tr></thead><tbody></tbody></table>
<script>
const pages = ${data};
let page = 0;
const body = document.querySelector('#deals tbody');
function render() {
  body.replaceChildren(...pages[page].map((cells) => {
    const tr = document.createElement('tr');
    for (const text of cells) { const td = document.createElement('td'); td.textContent = text; tr.append(td); }
    return tr;
  }));
}
document.getElementById('next').addEventListener('click', () => { page = Math.min(page + 1, pages.length - 1); render(); });
render();
</script></body></html>`;
}

const HOSTILE_ROWS = 50_000;
const HUGE = 'Z'.repeat(1_000_000);
function hostilePage(): string {
  const rows: string[] = [];
  for (let i = 0; i < HOSTILE_ROWS; i += 1) {
    const title = i % 3 === 0 ? '__proto__' : i % 3 === 1 ? 'constructor' : `<b>Deal</b> ${i}`;
    const note = i % 12_500 === 11 ? HUGE : escape(`<img src=x onerror="alert(1)"> note ${i}`);
    rows.push(
      `<tr data-id="${i % 5 === 0 ? '__proto__' : `r${i}`}"><td>H-${i}</td><td>${title}</td><td>${OWNERS[i % 3]}</td><td>${1000 + i}</td><td>Negotiation</td><td>${note}</td></tr>`,
    );
  }
  return `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><title>Hostile</title></head><body style="margin:8px">
<table id="hostile" style="width:600px;table-layout:fixed"><thead><tr><th>ID</th><th>__proto__</th><th>Owner</th><th>Amount</th><th>Stage</th><th>constructor</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}

let server: Server;
let origin: string;
let browser: ExtensionBrowser;
beforeAll(async () => {
  const hostile = hostilePage();
  const deals = dealsPage();
  server = createServer((request, response) => {
    // The test build treats loopback pages as the sandbox CRM too: its API here has no records.
    if (request.url?.startsWith('/api/v1/')) return void response.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[],"next_cursor":null}');
    const body = request.url === '/hostile' ? hostile : request.url === '/deals' ? deals : undefined;
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchWithExtension({ timeZone: 'Europe/Berlin' });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** What the popup's "Read a table on this page" does: ask the background to inject the picker into that tab. */
async function startPicker(url: string): Promise<void> {
  const helper = await browser.context.newPage();
  await helper.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const reply = await helper.evaluate(async (wanted) => {
    const api = (
      globalThis as unknown as {
        chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> }; runtime: { sendMessage(m: unknown): Promise<unknown> } };
      }
    ).chrome;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((candidate) => candidate.url === wanted);
    if (tab?.id === undefined) return { tabs };
    return api.runtime.sendMessage({ type: 'table/pick', tabId: tab.id });
  }, url);
  expect(reply).toEqual({ ok: true, value: { started: true } });
  await helper.close();
}

/** The rep clicks the outlined table (the outline covers it), then presses Enter on "Read rows", which has the focus. */
async function pickAndRead(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.waitForSelector('kpi-lens-table-picker', { state: 'attached' });
  const box = await page.evaluate((css) => {
    const rect = document.querySelector(css)!.getBoundingClientRect();
    return { x: rect.left + Math.min(rect.width, 300) / 2, y: Math.max(rect.top, 0) + 40 };
  }, selector);
  await page.waitForTimeout(500);
  await page.mouse.click(box.x, box.y);
  // The mapping panel opens with "Read rows" focused once the table's columns are read.
  await page.waitForTimeout(1_500);
  await page.keyboard.press('Enter');
}

async function sourceRecords(page: Page, source: string): Promise<number> {
  return page.evaluate(async (wanted) => {
    const api = (
      globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: { sources: { source: string; records: number }[] } }> } } }
    ).chrome;
    return (await api.runtime.sendMessage({ type: 'status/get' })).value.sources.find((candidate) => candidate.source === wanted)?.records ?? 0;
  }, source);
}

async function waitForRecords(source: string, atLeast: number, timeoutMs = 60_000): Promise<number> {
  const helper = await browser.context.newPage();
  await helper.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const deadline = Date.now() + timeoutMs;
  let records = 0;
  while ((records = await sourceRecords(helper, source)) < atLeast && Date.now() < deadline) await helper.waitForTimeout(250);
  await helper.close();
  return records;
}

describe('reading a table on a page KPI Lens does not know', () => {
  it('reads the rows the rep confirmed, then the next page, once per deal, and the side panel shows them', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/deals`);
    await startPicker(`${origin}/deals`);
    await pickAndRead(page, '#deals');
    const source = `table:${new URL(origin).host}`;
    // 25 deals and their 3 owners.
    expect(await waitForRecords(source, 28)).toBe(28);
    await page.click('#next');
    // Page 2 adds deals 25–46 (22–24 were read already): 47 deals, 3 owners.
    expect(await waitForRecords(source, 50)).toBe(50);

    // Nothing of the picker is reachable from the page: the host is there, its shadow root is closed.
    expect(await page.evaluate(() => document.querySelector('kpi-lens-table-picker')?.shadowRoot ?? 'closed')).toBe('closed');
    const remembered = await browser.serviceWorker.evaluate(
      async (key) => {
        const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return (await api.storage.local.get(key))[key];
      },
      `table-mapping:${new URL(origin).host}`,
    );
    expect(remembered).toMatchObject({
      version: 1,
      kind: 'deals',
      columns: [
        ['ID', 'id'],
        ['Deal name', 'title'],
        ['Owner', 'owner'],
        ['Amount', 'amount'],
        ['Stage', 'stage'],
      ],
    });

    const all = [...new Map([...PAGES[0]!, ...PAGES[1]!].map((row) => [row.id, row])).values()];
    const open = all.filter((row) => OPEN.has(row.stage));
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?source=${encodeURIComponent(source)}`);
    const shown = await readSidebar(panel.mainFrame());
    expect(shown.figures['pipeline.openDeals']?.value).toBe(open.length);
    expect(shown.figures['pipeline.total']?.value).toBe(open.reduce((sum, row) => sum + row.cents, 0));
    await panel.close();
    await page.close();
  });

  it('reads a hostile table within its limits, in slices that never freeze the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/hostile`, { timeout: 120_000 });
    // The sidebar (the test build sees loopback as the sandbox CRM) mounts and lays the page out once; then the page is still.
    await page.waitForSelector('kpi-lens-sidebar', { state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(3_000);
    await page.evaluate(() => {
      const store = globalThis as unknown as { longTasks: { start: number; duration: number }[] };
      store.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) store.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask' });
    });
    await startPicker(`${origin}/hostile`);
    await pickAndRead(page, '#hostile');
    const source = `table:${new URL(origin).host}`;
    // One page is read at most 5,000 rows deep: 5,000 deals, and the 3 owners of the first test.
    expect(await waitForRecords(source, 50 + 5_000, 120_000)).toBe(50 + 5_000);
    // Rows titled `__proto__` / `constructor` were stored as data, not merged into prototypes.
    const clean = () =>
      Object.getOwnPropertyNames(Object.prototype).every(
        (name) => typeof (Object.prototype as Record<string, unknown>)[name] === 'function' || name === '__proto__',
      ) && Object.keys({}).length === 0;
    expect(await browser.serviceWorker.evaluate(clean)).toBe(true);
    expect(await page.evaluate(clean)).toBe(true);
    await page.waitForTimeout(1_000);
    const longTasks = await page.evaluate(() => (globalThis as unknown as { longTasks: { start: number; duration: number }[] }).longTasks);
    // The 50 ms budget is a benchmark figure (timings on shared CI machines are noise). What this test
    // guards is the failure mode: reading 50,000 rows (or searching the page for tables) in one go holds
    // the page for seconds; sliced work stays far below a second, even on a loaded machine (215 ms seen at load 6 on 2 cores; the 50 ms budget is measured on the sidebar bench).
    const longest = Math.max(0, ...longTasks.map((task) => task.duration));
    console.info(`hostile table: ${longTasks.length} long tasks, longest ${Math.round(longest)} ms`);
    expect(longest).toBeLessThan(1_000);
    await page.close();
  });
});
