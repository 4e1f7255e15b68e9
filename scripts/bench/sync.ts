/**
 * Sync throughput into IndexedDB in headless Chromium: the real engine (sandbox
 * API → validation → one transaction per page with its cursor) against a plain
 * Dexie bulkPut of the same activities in the same chunks, in the same run.
 * Budget: the sync reaches at least 80 % of the plain write's rate.
 */
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../test/harness/chromium';
import { servePage } from './browser-page';
import { median } from './stats';

const COUNT = 20_000;
const PAGE_SIZE = 1_000;
const RUNS = 5;

export async function benchSync(): Promise<Record<string, unknown>> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  const page = await servePage(fileURLToPath(new URL('./browser/sync-entry.ts', import.meta.url)));
  const browser = await chromium.launch({ executablePath, headless: false, args: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    const tab = await browser.newPage();
    await tab.goto(page.url);
    const result = (await tab.evaluate(
      ([count, pageSize, runs]) =>
        (globalThis as unknown as { benchSync: (c: number, p: number, r: number) => Promise<unknown> }).benchSync(count, pageSize, runs),
      [COUNT, PAGE_SIZE, RUNS] as const,
    )) as { sync: number[]; bulk: number[]; bytesPerActivity: number | null };
    const syncRate = COUNT / (median(result.sync) / 1000);
    const bulkRate = COUNT / (median(result.bulk) / 1000);
    return {
      syncActivitiesPerSecond: { value: Math.round(syncRate), unit: 'records/s', runs: result.sync.map(Math.round) },
      plainBulkPutPerSecond: { value: Math.round(bulkRate), unit: 'records/s', runs: result.bulk.map(Math.round) },
      syncVsBulkPut: { value: Number((syncRate / bulkRate).toFixed(3)), unit: 'ratio', budget: { min: 0.8 } },
      storagePerActivity: { value: result.bytesPerActivity, unit: 'bytes' },
    };
  } finally {
    await browser.close();
    await page.close();
  }
}
