/**
 * The weekly summary as a PDF (what "Print or save as PDF" gives) in real Chromium: the demo data's
 * rep, their last full week, printed on A4. It fits on at most two pages in English and in Russian,
 * and the first page carries the report, not the title alone (as it did while every section was
 * kept whole: a section taller than a page went to page two, leaving the title by itself).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../harness/chromium';
import { pdfPages } from '../harness/pdf-pages';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<{ ok: boolean; error?: string }> };
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown>>>; set(items: Record<string, unknown>): Promise<void> } };
};

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension({ timeZone: 'Europe/Berlin' });
  page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const loaded = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'demo/load' }));
  expect(loaded.ok, loaded.error).toBe(true);
});
afterAll(async () => {
  await browser?.close();
});

async function setLocale(locale: 'en' | 'ru') {
  await browser.serviceWorker.evaluate(async (value) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, locale: value } });
  }, locale);
}

const print = async () => pdfPages(await page.pdf({ format: 'A4', printBackground: true }));

describe('the weekly summary printed to PDF', () => {
  for (const locale of ['en', 'ru'] as const) {
    it(`fits a typical rep's week on at most two A4 pages, the report starting on the first (${locale})`, async () => {
      await setLocale(locale);
      await page.goto(`chrome-extension://${browser.extensionId}/summary.html?source=demo`);
      await page.waitForSelector(`html[lang="${locale}"] .summary-report[data-as-of] .summary-section`, { timeout: 60_000 });
      // A typical week: the rep worked, and there is a pipeline to report.
      expect(await page.locator('.summary-section [data-summary]').count()).toBeGreaterThan(10);

      const pages = await print();
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(2);

      // The same page with only its title and the line under it: what a title-only first page draws.
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('.summary-section, .summary-notes, .summary-definitions')) element.style.display = 'none';
      });
      const [titleOnly] = await print();
      await page.evaluate(() => {
        for (const element of document.querySelectorAll<HTMLElement>('.summary-section, .summary-notes, .summary-definitions')) element.style.display = '';
      });
      expect(titleOnly!.textRuns).toBeGreaterThan(0);
      // The first page draws several times what the title alone does: the figures are on it.
      expect(pages[0]!.textRuns).toBeGreaterThan(titleOnly!.textRuns * 4);
    });
  }
});
