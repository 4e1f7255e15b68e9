/**
 * Sync throughput into IndexedDB in headless Chromium: the real engine (sandbox API → validation →
 * one transaction per page with its cursor, records and column store) against a plain Dexie bulkPut
 * of the same activities in the same chunks, in the same run. Budget: the sync reaches at least 80 %
 * of the plain write's rate. Also: what the status shows meanwhile (records of the CRM's total and the
 * time left, sampled every second, with the actual time left beside each estimate), the longest task
 * of the page running the sync (the engine's own steps and collections: the CRM's records live in a
 * worker of their own; ≤ 50 ms), and bytes stored per activity.
 * `--scale team`: the first sync of 1,000,000 activities (one run).
 */
import { chromium } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../test/harness/chromium';
import { servePage } from './browser-page';
import { BUDGETS, type BenchScale } from './scale';
import { median } from './stats';

const SIZES: Record<BenchScale, { count: number; runs: number }> = { current: { count: 20_000, runs: 5 }, team: { count: 1_000_000, runs: 1 } };
const PAGE_SIZE = 1_000;

type Sample = { atMs: number; records: number; totalEstimate?: number; timeLeftMs?: number };

/** The sync bench's page (browser/sync-entry.ts) with its CRM's worker (browser/sandbox-worker.ts). */
export function serveSyncPage(): ReturnType<typeof servePage> {
  return servePage(fileURLToPath(new URL('./browser/sync-entry.ts', import.meta.url)), {
    'sandbox-worker': fileURLToPath(new URL('./browser/sandbox-worker.ts', import.meta.url)),
  });
}

export async function benchSync(scale: BenchScale = 'current'): Promise<Record<string, unknown>> {
  const { count, runs } = SIZES[scale];
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  const page = await serveSyncPage();
  const browser = await chromium.launch({ executablePath, headless: false, args: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    const tab = await browser.newPage();
    await tab.goto(page.url);
    const result = (await tab.evaluate(
      ([c, pageSize, r]) => (globalThis as unknown as { benchSync: (c: number, p: number, r: number) => Promise<unknown> }).benchSync(c, pageSize, r),
      [count, PAGE_SIZE, runs] as const,
    )) as {
      sync: number[];
      phases: { crmMs: number; writeMs: number }[];
      bulk: number[];
      bytesPerActivity: number | null;
      recordBytesPerActivity: number | null;
      samples: Sample[];
      longestTaskMs: number;
      longTasks: number;
    };
    const syncRate = count / (median(result.sync) / 1000);
    const bulkRate = count / (median(result.bulk) / 1000);
    const total = median(result.sync);
    // Each estimate beside the time the sync actually still took from then.
    const estimates = result.samples
      .filter((sample) => sample.timeLeftMs !== undefined)
      .map((sample) => ({
        atS: Math.round(sample.atMs / 1000),
        records: sample.records,
        of: sample.totalEstimate,
        leftS: Math.round(sample.timeLeftMs! / 1000),
        actualS: Math.round((total - sample.atMs) / 1000),
      }));
    const step = Math.max(1, Math.floor(estimates.length / 10));
    return {
      activities: count,
      syncActivitiesPerSecond: { value: Math.round(syncRate), unit: 'records/s', runs: result.sync.map(Math.round) },
      plainBulkPutPerSecond: { value: Math.round(bulkRate), unit: 'records/s', runs: result.bulk.map(Math.round) },
      syncVsBulkPut: { value: Number((syncRate / bulkRate).toFixed(3)), unit: 'ratio', budget: { min: 0.8 } },
      // Medians over the runs: the sandbox CRM answering (in the same page), the step transactions, and the rest (JSON, validation, mapping).
      syncPhasesMs: {
        crm: Math.round(median(result.phases.map((phase) => phase.crmMs))),
        write: Math.round(median(result.phases.map((phase) => phase.writeMs))),
        rest: Math.round(median(result.sync.map((ms, i) => ms - result.phases[i]!.crmMs - result.phases[i]!.writeMs))),
        plainBulkPut: Math.round(median(result.bulk)),
      },
      storagePerActivity: {
        value: result.bytesPerActivity,
        unit: 'bytes',
        budget: { max: BUDGETS[scale].bytesPerActivity },
        recordsAlone: result.recordBytesPerActivity,
      },
      longestSyncTaskMs: { value: Math.round(result.longestTaskMs), unit: 'ms', budget: { max: 50 }, longTasks: result.longTasks },
      progressShown: { samples: result.samples.length, withTimeLeft: estimates.length, estimates: estimates.filter((_, i) => i % step === 0) },
    };
  } finally {
    await browser.close();
    await page.close();
  }
}
