/**
 * Issue 14's "done when": a rep opening the sidebar sees, above the fold, whether they will make their
 * number (the forecast's range, most likely result and chance of the quota, with its track record),
 * what to do today (the plan's first step) and which deals to work (at least the first one). In real
 * Chromium with the built extension on the sandbox CRM, at common laptop viewports, in English and
 * Russian: each of these is inside the sidebar frame's visible area with nothing scrolled, and is what
 * the browser shows at that point (not covered, not clipped by a scrolling box). Each view is saved to
 * test-output/screens/ (gitignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { startWorld, type E2eWorld } from '../harness/setup';

const SCREENS = resolve(import.meta.dirname, '../../test-output/screens');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

/** What a rep must see without scrolling, by where it is in the sidebar. */
const MUST_SEE = {
  range: 'section.forecast [data-kpi="forecast.p10"]',
  rangeEnd: 'section.forecast [data-kpi="forecast.p90"]',
  likely: 'section.forecast [data-kpi="forecast.p50"]',
  chance: 'section.forecast [data-kpi="forecast.probabilityOfQuota"]',
  track: 'section.forecast .track [data-inside]',
  plan: 'section.plan .plan-text',
  firstDeal: 'section.deals li[data-deal] > :first-child',
} as const;
type Seen = { name: string; top: number; bottom: number; left: number; right: number; shown: boolean };
type Fold = { innerWidth: number; innerHeight: number; scrolled: string[]; seen: Seen[] };

/**
 * Inside the sidebar's document: each element's first line box (a paragraph's first line is the step
 * to take; the rest may wrap below), whether the browser paints that element at its middle, and every
 * box that is scrolled at all.
 */
function measureFold(selectors: Record<string, string>): Fold {
  const seen = Object.entries(selectors).map(([name, selector]): Seen => {
    const element = document.querySelector(selector);
    if (!element) return { name, top: NaN, bottom: NaN, left: NaN, right: NaN, shown: false };
    const line = element.getClientRects()[0] ?? element.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(element);
    const first = range.getClientRects()[0] ?? line;
    const box = { top: first.top, bottom: first.bottom, left: Math.max(first.left, line.left), right: Math.min(first.right, line.right) };
    const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    return { name, ...box, shown: hit !== null && (element === hit || element.contains(hit) || hit.contains(element)) };
  });
  const scrolled = [document.scrollingElement, ...document.querySelectorAll('*')]
    .filter((el): el is Element => el !== null && (el.scrollTop > 0 || el.scrollLeft > 0))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollTop}`);
  return { innerWidth: window.innerWidth, innerHeight: window.innerHeight, scrolled, seen };
}

for (const locale of ['en', 'ru'] as const) {
  describe(`the sidebar above the fold, ${locale}`, () => {
    let world: E2eWorld;
    beforeAll(async () => {
      mkdirSync(SCREENS, { recursive: true });
      world = await startWorld({ locale });
    }, 240_000);
    afterAll(async () => {
      await world?.close();
    });

    for (const viewport of VIEWPORTS) {
      it(`at ${viewport.width}×${viewport.height}: the forecast with its track record, the plan's first step and the first deal to work`, async () => {
        const page: Page = await world.browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${world.crm.url}/deals`);
        const frame: Frame = await sidebarFrame(page);
        await readSidebar(frame);
        // Everything arrives after the pinned numbers: the forecast, then its plan and deals, then the track record.
        for (const selector of Object.values(MUST_SEE)) await frame.locator(selector).first().waitFor({ state: 'attached', timeout: 180_000 });
        await frame.waitForFunction(() => document.querySelectorAll('[aria-busy="true"], .loading').length === 0, undefined, { timeout: 60_000 });
        await page.screenshot({ path: resolve(SCREENS, `above-the-fold-${locale}-${viewport.width}x${viewport.height}.png`) });

        // The frame itself: whole inside the page's viewport, from its top.
        const frameBox = await (await frame.frameElement()).boundingBox();
        expect(frameBox).not.toBeNull();
        expect(frameBox!.y).toBeGreaterThanOrEqual(0);
        expect(frameBox!.y + frameBox!.height).toBeLessThanOrEqual(viewport.height + 0.5);

        const fold = await frame.evaluate(measureFold, { ...MUST_SEE });
        expect(fold.scrolled, 'nothing is scrolled').toEqual([]);
        expect(fold.innerHeight).toBeGreaterThan(0);
        for (const item of fold.seen) {
          const where = `${item.name} at ${Math.round(item.top)}–${Math.round(item.bottom)} of ${fold.innerHeight}`;
          expect(item.top, where).toBeGreaterThanOrEqual(0);
          expect(item.bottom, where).toBeLessThanOrEqual(fold.innerHeight);
          expect(item.left, where).toBeGreaterThanOrEqual(0);
          expect(item.right, where).toBeLessThanOrEqual(fold.innerWidth);
          expect(item.shown, `${item.name} is painted where it is, not covered or clipped`).toBe(true);
        }
        await page.close();
      }, 300_000);
    }
  });
}
