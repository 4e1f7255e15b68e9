import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enOptions } from '../../lib/i18n/messages/en/options';
import { enSidebar } from '../../lib/i18n/messages/en/sidebar';
import { ruSidebar } from '../../lib/i18n/messages/ru/sidebar';
import { weeklyNotificationWords } from '../../lib/i18n/notification-words';
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

/**
 * The service worker evaluates its whole bundle at every start, before it can answer a page: it carries
 * the words it shows (the weekly notification), not the pages' dictionaries (lib/i18n/messages.ts).
 */
describe('the service worker’s bundle', () => {
  const background = readFileSync(join(requireBuild(), 'background.js'), 'utf8');
  const text = (message: unknown) => (typeof message === 'string' ? message : (message as { other: string }).other);

  it('holds none of the pages’ words', () => {
    // The English `reason.*` words are the KPI engine's own reasons (lib/kpi), which the worker computes.
    const ownWords = (dictionary: Record<string, unknown>) => Object.entries(dictionary).filter(([key]) => !key.startsWith('reason.'));
    const pageWords = [...ownWords(enSidebar), ...ownWords(ruSidebar), ...ownWords(enOptions)]
      .map(([, message]) => text(message))
      .filter((word) => word.length > 25);
    expect(pageWords.length).toBeGreaterThan(100);
    expect(pageWords.filter((word) => background.includes(word))).toEqual([]);
  });

  it('holds the weekly notification’s words, in both languages', () => {
    for (const locale of ['en', 'ru'] as const) expect(background).toContain(weeklyNotificationWords(locale, '').title);
  });
});
