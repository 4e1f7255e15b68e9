import { describe, expect, it } from 'vitest';
import { evaluateBudgets } from '../../scripts/bench/budgets';
import { benchSizes } from '../../scripts/bench/sizes';
import { requireBuild } from '../harness/build-output';

/**
 * Bundle budgets on the production build, strictly (sizes get no headroom):
 * the content script every CRM page loads ≤ 15 KB gzip, the sidebar's
 * JavaScript before first paint ≤ 150 KB gzip. Measured by the same code as
 * `npm run bench` (scripts/bench/sizes.ts, budgets.ts).
 */
describe('size budgets of the production build', () => {
  const sizes = benchSizes(requireBuild()) as Record<string, { value: number; unit: string; budget?: { max?: number }; files?: string[] }>;

  it('measures the right things', () => {
    expect(sizes.contentScriptGzipKb?.budget).toEqual({ max: 15 });
    expect(sizes.sidebarInitialJsGzipKb?.budget).toEqual({ max: 150 });
    expect(sizes.contentScriptGzipKb!.value).toBeGreaterThan(0.5);
    // the sidebar's first paint loads its entry and what it statically imports, not Chart.js
    expect(sizes.sidebarInitialJsGzipKb!.files!.length).toBeGreaterThan(0);
    expect(sizes.sidebarInitialJsGzipKb!.files!.some((file) => /chart/i.test(file))).toBe(false);
  });

  it('every size is within its budget', () => {
    const verdicts = evaluateBudgets({ sizes });
    expect(verdicts.map((v) => v.figure).sort()).toEqual(['sizes.contentScriptGzipKb', 'sizes.sidebarInitialJsGzipKb']);
    expect(verdicts.filter((v) => v.status !== 'within')).toEqual([]);
  });
});
