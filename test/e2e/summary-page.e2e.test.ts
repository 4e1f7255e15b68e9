/**
 * The weekly summary end to end: the sandbox CRM synced into the built extension in real Chromium, the
 * summary page opened from the sidebar, its figures compared with lib/export run in Node over the very
 * records the sandbox served, then "Copy as Markdown" (the real clipboard) and "Download CSV".
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import { renderCsv } from '../../lib/export/summary/csv';
import { summaryForSource, type SummaryReply } from '../../lib/export/summary/for-settings';
import { renderMarkdown } from '../../lib/export/summary/markdown';
import type { SummarySection } from '../../lib/export/summary/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';

let world: E2eWorld;
let summaryPage: Page;
let source: string;
let expected: SummaryReply;

/** Intl may put narrow no-break spaces in dates; Node and Chromium need not agree on which. */
const plain = (text: string) => text.replace(/[\u202f\u00a0\u2009]/g, ' '); // ICU versions differ in these spaces (Node and Chromium), e.g. around a date range's dash

beforeAll(async () => {
  world = await startWorld();
  const crmPage = await openCrmPage(world);
  const frame = await sidebarFrame(crmPage);
  await readSidebar(frame); // the first sync is done and the numbers are on screen
  const button = frame.getByRole('button', { name: 'Export weekly summary' });
  const opened = world.browser.context.waitForEvent('page', { predicate: (page) => page.url().includes('/summary.html') });
  if ((await button.count()) > 0) await button.click();
  else {
    // The sidebar's button belongs to another feature; the page is the same when opened directly.
    const page = await world.browser.context.newPage();
    await page.goto(`chrome-extension://${world.browser.extensionId}/summary.html`);
  }
  summaryPage = await opened;
  await summaryPage.waitForSelector('.summary-report[data-as-of]', { timeout: 60_000 });
  source = new URL(summaryPage.url()).searchParams.get('source') ?? '';
  const asOf = Number(await summaryPage.getAttribute('.summary-report', 'data-as-of'));
  // The same computation in Node, over the records the sandbox served, with the settings the sandbox connection set up.
  const settings = { ...DEFAULT_SETTINGS, rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: { [source]: world.demo.currentOwnerId } };
  expected = summaryForSource(world.demo, settings, { source, view: 'personal' }, asOf, world.timeZone);
});

afterAll(async () => {
  await world?.close();
});

async function shownFigures(page: Page): Promise<Record<string, number | null>> {
  return page.evaluate(() => {
    const figures: Record<string, number | null> = {};
    for (const element of document.querySelectorAll<HTMLElement>('.summary-section [data-summary]')) {
      const raw = element.dataset.value ?? '';
      figures[element.dataset.summary!] = raw === '' ? null : Number(raw);
    }
    return figures;
  });
}

describe('the weekly summary page in real Chromium', () => {
  it("shows the signed-in rep's last full week, equal to what lib/export computes", async () => {
    expect(source).toMatch(/^sandbox:/);
    const summary = expected.summary!;
    const section = summary.sections[0] as SummarySection;
    expect(await summaryPage.getAttribute('.summary-report', 'data-week')).toBe(summary.week.label);
    expect(await summaryPage.locator('h1').textContent()).toContain(world.demo.owners.find((o) => o.externalId === world.demo.currentOwnerId)!.name);
    const shown = await shownFigures(summaryPage);
    for (const line of section.activities ?? []) expect(shown[`activities.${line.kind}`], line.kind).toBe(line.value);
    expect(shown['deals.created']).toBe(section.deals!.created.value);
    expect(shown['deals.createdAmount']).toBe(section.deals!.created.amount);
    expect(shown['deals.won']).toBe(section.deals!.won.value);
    expect(shown['deals.wonAmount']).toBe(section.deals!.won.amount);
    expect(shown['deals.lost']).toBe(section.deals!.lost.value);
    for (const row of section.pipeline!.moves) expect(shown[`pipeline.${row.move}`], row.move).toBe(row.count);
    expect(shown['pipeline.open']).toBe(section.pipeline!.openAmount);
    expect(shown.atRisk).toBe(section.atRisk!.count);
    if (section.quota.status === 'ok') expect(shown['quota.week']).toBeCloseTo(section.quota.week.attainmentPct, 9);
    const topOpen = await summaryPage
      .locator('[data-summary-list="topOpen"] [data-deal]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-deal')));
    expect(topOpen).toEqual(section.topOpen.map((deal) => deal.id));
    // A real week: the demo rep worked and has open deals.
    expect(section.activities!.find((line) => line.kind === 'total')!.value).toBeGreaterThan(0);
    expect(section.pipeline!.openDeals).toBeGreaterThan(0);
    // The chart is drawn: one group per day with its total.
    const days = await summaryPage.locator('svg.chart-svg g[data-day]').evaluateAll((groups) => groups.map((g) => Number(g.getAttribute('data-total'))));
    expect(days).toEqual(section.chart.map((day) => day.call + day.email + day.meeting + day.other));
  });

  it('copies the Markdown to the clipboard', async () => {
    // Chromium grants no permission to an extension's (opaque) origin; the page writes on the click's gesture,
    // and the test reads the real clipboard back by pasting into a text box of a web page.
    await world.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: world.crm.url });
    await summaryPage.bringToFront();
    await summaryPage.getByRole('button', { name: 'Copy as Markdown' }).click();
    await summaryPage.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    const reader = await openCrmPage(world);
    const copied = await reader.evaluate(() => navigator.clipboard.readText());
    await reader.close();
    expect(plain(copied)).toBe(plain(renderMarkdown(expected.summary!, 'en')));
  });

  it('downloads the CSV', async () => {
    const download = summaryPage.waitForEvent('download');
    await summaryPage.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(new RegExp(`^kpi-lens-summary-${expected.summary!.week.label}-[a-z-]+\\.csv$`));
    const text = readFileSync((await file.path())!, 'utf8');
    expect(plain(text)).toBe(plain(`\uFEFF${renderCsv(expected.summary!, 'en')}`));
  });

  it('prints without its controls', async () => {
    await summaryPage.emulateMedia({ media: 'print' });
    expect(await summaryPage.locator('.summary-toolbar').isVisible()).toBe(false);
    expect(await summaryPage.locator('.summary-report h1').isVisible()).toBe(true);
    await summaryPage.emulateMedia({ media: 'screen' });
  });

  it('steps to the previous week and keeps a rep who is not the lead to their own numbers in the team view', async () => {
    await summaryPage.getByRole('button', { name: 'Previous week' }).click();
    await summaryPage.waitForSelector(`.summary-report[data-week="${expected.weeks.previous}"]`);
    expect(new URL(summaryPage.url()).searchParams.get('week')).toBe(expected.weeks.previous);
    await summaryPage.getByRole('radio', { name: 'Team' }).click();
    await summaryPage.waitForFunction(
      () => document.querySelector('.summary-page')?.getAttribute('data-loading') === 'false' && new URL(location.href).searchParams.get('view') === 'team',
    );
    const sections = await summaryPage.locator('.summary-section').evaluateAll((items) => items.map((item) => item.getAttribute('data-section')));
    expect(sections).toEqual([world.demo.currentOwnerId]);
    expect(await summaryPage.locator('.summary-notes').textContent()).toMatch(/other reps are private/);
  });
});
