import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { evaluateBudgets, type Figure } from '../../scripts/bench/budgets';
import { serveSyncPage } from '../../scripts/bench/sync';
import { BUDGETS } from '../../scripts/bench/scale';
import { benchKpi } from '../../scripts/bench/kpi';
import { median } from '../../scripts/bench/stats';
import { CHROMIUM_FLAGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../harness/chromium';

/**
 * Timing budgets guarded with headroom (scripts/bench/budgets.ts: a timing may
 * miss its target up to 3×, a ratio up to 1.25×, on a shared and noisy CI
 * machine). A figure "over target" is reported by `npm run bench`; only a
 * broken one fails here. The benches are the same code as `npm run bench`.
 */
describe('timing budgets, with headroom', () => {
  it('full KPI recompute on 100,000 activities and 10,000 deals: no budget broken', async () => {
    const raw = (await benchKpi()) as {
      dataset: { activities: number; deals: number };
      entries: { name: string; median_ms: number; cpu_median_ms: number; budget_ms: number }[];
    };
    // the configuration the budgets are defined for
    expect(raw.dataset).toMatchObject({ activities: 100_000, deals: 10_000 });
    // The two figures `npm run bench --check` guards, on CPU time: on a shared machine the wall clock also
    // counts other processes' turns (measured here at load 12 on 2 cores: wall 199 ms for 51 ms of CPU).
    const guarded = ['pinned KPIs, one rep, one month', 'whole catalogue, whole team, by owner'];
    const figures: Record<string, Figure> = Object.fromEntries(
      raw.entries.filter((e) => guarded.includes(e.name)).map((e) => [e.name, { value: e.cpu_median_ms, unit: 'ms', budget: { max: e.budget_ms } }]),
    );
    // Issue 17's budget for the whole catalogue at this size (scripts/bench/scale.ts), tighter than the 300 ms before it.
    expect(figures['whole catalogue, whole team, by owner']?.budget).toEqual({ max: BUDGETS.current.catalogueMs });
    expect(BUDGETS.current.catalogueMs).toBe(100);
    const verdicts = evaluateBudgets({ kpi: figures });
    expect(verdicts).toHaveLength(2);
    expect(
      verdicts.filter((v) => v.status === 'broken'),
      JSON.stringify(raw.entries),
    ).toEqual([]);
  }, 120_000);

  it('sync into IndexedDB keeps at least 80 % of a plain bulkPut (issue 17), in headless Chromium', async () => {
    // Smaller than `npm run bench` (20,000 records × 5 runs, over a minute here); the ratio is measured within
    // one run either way. The sync writes the column store's chunks and id rows, no row per record (IndexedDB's
    // cost is per row written), and has measured 1.3 to 1.5 times the plain bulkPut's rate. Interleaved writes
    // on a loaded machine are noisy (0.64 to 0.98 for the same code at load 10 before), so a low ratio is
    // measured once more.
    const [count, pageSize, runs] = [5_000, 1_000, 5];
    const executablePath = findChromium();
    if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
    const page = await serveSyncPage();
    const browser = await chromium.launch({ executablePath, headless: false, args: ['--headless=new', ...CHROMIUM_FLAGS] });
    try {
      const tab = await browser.newPage();
      await tab.goto(page.url);
      const attempts: string[] = [];
      const GUARD = 0.8;
      let ratio = 0;
      for (let attempt = 0; attempt < 2 && ratio < GUARD; attempt += 1) {
        const result = (await tab.evaluate(
          ([c, p, r]) => (globalThis as unknown as { benchSync: (c: number, p: number, r: number) => Promise<unknown> }).benchSync(c, p, r),
          [count, pageSize, runs] as const,
        )) as { sync: number[]; bulk: number[] };
        expect(result.sync).toHaveLength(runs);
        ratio = median(result.bulk) / median(result.sync); // rates are count / time
        attempts.push(`ratio ${ratio.toFixed(3)}: sync ${result.sync.map(Math.round).join('/')} ms vs bulkPut ${result.bulk.map(Math.round).join('/')} ms`);
      }
      expect(ratio, attempts.join('; ')).toBeGreaterThanOrEqual(GUARD);
    } finally {
      await browser.close();
      await page.close();
    }
  }, 120_000);
});
