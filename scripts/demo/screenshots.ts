/**
 * `npm run demo -- --screenshots DIR`: the pictures the README shows, made from the running demo:
 * the sidebar in the sandbox CRM tab (personal view), the team view, and the weekly summary.
 */
import { mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../test/harness/chromium';

export type ScreenshotLook = { locale?: 'en' | 'ru'; theme?: 'light' | 'dark' };

/** What each picture shows, left to right in the README. */
export const SCREENSHOT_FILES = ['sidebar.png', 'team.png', 'summary.png'] as const;

/** The README's pictures stay small (the repository carries them). */
export const SCREENSHOT_MAX_BYTES = 200 * 1024;

/** The viewport of the CRM tab in the pictures: the sidebar with a strip of the CRM beside it. */
const CRM_VIEW = { width: 1280, height: 860 };
const CRM_CLIP = { x: CRM_VIEW.width - 760, y: 0, width: 760, height: CRM_VIEW.height };

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown>>>; set(items: Record<string, unknown>): Promise<void> } };
};

async function applyLook(browser: ExtensionBrowser, look: ScreenshotLook, pages: Page[]) {
  const patch = { ...(look.locale ? { locale: look.locale } : {}), ...(look.theme ? { theme: look.theme } : {}) };
  await browser.serviceWorker.evaluate(async (value) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, ...value } });
  }, patch);
  for (const page of pages) if (look.theme) await page.emulateMedia({ colorScheme: look.theme });
}

/** The extension page's root once it shows the look asked for (the settings reach every page through storage). */
function lookSelector(look: ScreenshotLook): string {
  return `html${look.locale ? `[lang="${look.locale}"]` : ''}${look.theme ? `[data-theme="${look.theme}"]` : ''}`;
}

/**
 * Waits for the sidebar to be still: charts, insight cards and the forecast come after the first
 * numbers, computed in the worker (messages, not network: networkidle does not wait for them), and the
 * forecast's card mounts after the numbers. At most 60 s; then the picture shows what is there.
 */
export async function sidebarSettled(frame: Frame): Promise<void> {
  await frame.waitForLoadState('networkidle').catch(() => {});
  const settled = () => document.querySelector('section.forecast') !== null && document.querySelectorAll('[aria-busy="true"], .loading').length === 0;
  await frame
    .waitForFunction(settled, undefined, { timeout: 60_000 })
    .catch(() => console.warn('The sidebar was still computing after 60 s; the picture shows it so.'));
}

/**
 * Saves the three pictures into `dir` and returns their paths with their sizes. `page` is the CRM
 * tab with the sidebar `frame` showing its numbers (the sync done).
 */
export async function saveScreenshots(
  browser: ExtensionBrowser,
  page: Page,
  frame: Frame,
  dir: string,
  look: ScreenshotLook = {},
): Promise<{ path: string; bytes: number }[]> {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  await page.setViewportSize(CRM_VIEW);
  await applyLook(browser, look, [page]);
  await frame.waitForSelector(`${lookSelector(look)} .sidebar[data-syncing="false"] [data-kpi="pipeline.total"]`, { timeout: 60_000 });
  const source = await frame.evaluate(() => new URL(location.href).searchParams.get('source') ?? '');
  await sidebarSettled(frame);
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(out, SCREENSHOT_FILES[0]), clip: CRM_CLIP });

  await frame.locator('[role="radiogroup"] [role="radio"]').nth(1).click();
  await frame.waitForSelector('.sidebar[data-view="team"] .leaderboard table', { timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: resolve(out, SCREENSHOT_FILES[1]), clip: CRM_CLIP });
  await frame.locator('[role="radiogroup"] [role="radio"]').nth(0).click();

  const summary = await browser.context.newPage();
  await summary.setViewportSize({ width: 1000, height: 1000 });
  if (look.theme) await summary.emulateMedia({ colorScheme: look.theme });
  await summary.goto(`chrome-extension://${browser.extensionId}/summary.html?source=${encodeURIComponent(source)}`);
  await summary.waitForSelector(`${lookSelector(look)} .summary-report[data-as-of] .summary-section`, { timeout: 60_000 });
  await summary.waitForTimeout(500);
  await summary.screenshot({ path: resolve(out, SCREENSHOT_FILES[2]) });
  await summary.close();

  return SCREENSHOT_FILES.map((name) => ({ path: resolve(out, name), bytes: statSync(resolve(out, name)).size }));
}
