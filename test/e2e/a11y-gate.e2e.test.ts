/**
 * Accessibility as a gate (issue 15): axe-core on every screen of the built extension in real
 * Chromium (the sidebar on a CRM page: personal, catalogue with its charts, an open explain panel,
 * team; the side panel; the popup; the options page; the weekly summary), in light and dark, in
 * English and Russian: no violation of any impact. One browser per language and theme; each
 * screen is saved to test-output/screens/ (gitignored) for a person to look at. The notice that the
 * browser discarded the data (lib/db/continuity.ts) is one of them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_DISCARDED_KEY } from '../../lib/db/continuity';
import { discardedNotice } from '../fixtures/browser-process';
import { translator } from '../../lib/i18n/messages';
import { FRAME_LABELS } from '../../lib/i18n/frame-labels';
import { readSidebar, shownText, sidebarFrame } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
declare const axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown>>>; set(items: Record<string, unknown>): Promise<void> } };
};

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENS = resolve(import.meta.dirname, '../../test-output/screens');

/** Every axe violation in a page or frame, of any impact, as readable lines. */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the extension page's CSP does not apply to.
  if (!(await target.evaluate(() => 'axe' in globalThis))) await target.evaluate(AXE_SOURCE);
  const { violations } = await target.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The accessible names of a role anywhere on the page, closed shadow roots included (the browser's own tree). */
async function axNames(page: Page, role: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
  await cdp.detach();
  return nodes.filter((node) => node.role?.value === role).map((node) => node.name?.value ?? '');
}

for (const locale of ['en', 'ru'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    describe(`every screen in ${locale}, ${theme}`, () => {
      const t = translator(locale);
      let world: E2eWorld;
      let crmPage: Page;
      let frame: Frame;
      let source: string;
      const shot = (target: Page, name: string, fullPage = false) => target.screenshot({ path: resolve(SCREENS, `${locale}-${theme}-${name}.png`), fullPage });
      /** The sidebar and its handle, without the CRM page beside them. */
      const shotSidebar = async (name: string) => {
        const { width, height } = crmPage.viewportSize()!;
        await crmPage.screenshot({ path: resolve(SCREENS, `${locale}-${theme}-${name}.png`), clip: { x: width - 440, y: 0, width: 440, height } });
      };
      /** A page of the extension in this theme: the rep's setting and the system's agree, so the theme is the one shown. */
      const extensionPage = async (path: string, viewport: { width: number; height: number }) => {
        const page = await world.browser.context.newPage();
        await page.emulateMedia({ colorScheme: theme });
        await page.setViewportSize(viewport);
        await page.goto(`chrome-extension://${world.browser.extensionId}/${path}`);
        await page.waitForSelector(`html[lang="${locale}"][data-theme="${theme}"]`);
        return page;
      };

      beforeAll(async () => {
        mkdirSync(SCREENS, { recursive: true });
        // The browser speaks the language: the sidebar and the frame around it follow it ('auto').
        world = await startWorld({ locale });
        await world.browser.serviceWorker.evaluate(async (value) => {
          const { settings } = await chrome.storage.local.get('settings');
          await chrome.storage.local.set({ settings: { ...settings, theme: value } });
        }, theme);
        crmPage = await openCrmPage(world);
        await crmPage.emulateMedia({ colorScheme: theme });
        frame = await sidebarFrame(crmPage);
        await readSidebar(frame);
        await frame.waitForSelector(`html[lang="${locale}"][data-theme="${theme}"]`);
        source = await frame.evaluate(() => new URL(location.href).searchParams.get('source') ?? '');
      }, 240_000);
      afterAll(async () => {
        await world?.close();
      });

      it('the sidebar on the CRM page: personal, all KPIs with their charts, an explain panel, team', async () => {
        // The frame's own controls on the CRM page, in the closed shadow root axe cannot enter.
        expect(await axNames(crmPage, 'separator')).toContain(FRAME_LABELS[locale].resize);
        expect(await axNames(crmPage, 'button')).toContain(FRAME_LABELS[locale].collapse);
        expect(await axeViolations(frame), 'personal').toEqual([]);
        await shotSidebar('sidebar-personal');

        await frame.getByRole('button', { name: t('catalogue.show') }).click();
        await frame.locator('.charts figure[data-chart="chart-won"]').waitFor({ timeout: 60_000 });
        // Every chart's table toggle has a name of its own.
        const toggles = await frame.locator('.charts summary').allTextContents();
        expect(toggles.length).toBeGreaterThanOrEqual(3);
        expect(new Set(toggles).size).toBe(toggles.length);
        expect(await axeViolations(frame), 'all KPIs and charts').toEqual([]);
        await shotSidebar('sidebar-catalogue');
        await frame.locator('.charts').scrollIntoViewIfNeeded();
        await shotSidebar('sidebar-charts');

        await frame.locator('.card-actions .icon-button:not(.pin)').first().click();
        await frame
          .getByRole('dialog')
          .getByRole('heading', { name: t('explain.formula') })
          .waitFor();
        expect(await axeViolations(frame), 'explain panel').toEqual([]);
        await shotSidebar('sidebar-explain');
        await frame.getByRole('dialog').press('Escape');
        await frame.getByRole('button', { name: t('catalogue.hide') }).click();

        await frame.getByRole('radio', { name: t('view.team') }).click();
        await frame.waitForSelector('.sidebar[data-view="team"] table', { timeout: 60_000 });
        expect(await axeViolations(frame), 'team').toEqual([]);
        await shotSidebar('sidebar-team');
        await frame.getByRole('radio', { name: t('view.personal') }).click();
        await frame.waitForSelector('.sidebar[data-view="personal"] [data-kpi="pipeline.total"]');
      }, 180_000);

      it('the notice that the browser discarded the data: readable, no violation, gone for every page once dismissed', async () => {
        await world.browser.serviceWorker.evaluate(async (key) => chrome.storage.local.set({ [key]: { at: Date.now() } }), DATABASE_DISCARDED_KEY);
        const notice = frame.locator('.notice[role="status"]');
        await expect.poll(() => shownText(notice), { timeout: 10_000 }).toContain(t('notice.discarded.title'));
        expect(await axeViolations(frame), 'discarded notice').toEqual([]);
        await shotSidebar('sidebar-discarded');
        await notice.getByRole('button', { name: t('notice.discarded.dismiss') }).click();
        await expect.poll(() => notice.count()).toBe(0);
        const stored = await discardedNotice(world.browser);
        expect(stored).toBeUndefined();
      }, 60_000);

      it('the side panel', async () => {
        const panel = await extensionPage(`sidepanel.html?source=${encodeURIComponent(source)}`, { width: 400, height: 900 });
        await readSidebar(panel.mainFrame());
        expect(await axeViolations(panel)).toEqual([]);
        await shot(panel, 'sidepanel');
        await panel.close();
      }, 120_000);

      it('the popup', async () => {
        const popup = await extensionPage('popup.html', { width: 340, height: 560 });
        await popup.locator('.popup-source').first().waitFor();
        expect(await axeViolations(popup)).toEqual([]);
        await shot(popup, 'popup', true);
        await popup.close();
      }, 60_000);

      it('the options page', async () => {
        const options = await extensionPage('options.html', { width: 1100, height: 900 });
        await options.getByRole('heading', { name: t('options.title') }).waitFor();
        // The sections that need the settings are there (the last of them: Data).
        await options.locator('#data').waitFor();
        expect(await axeViolations(options)).toEqual([]);
        await shot(options, 'options', true);
        await options.close();
      }, 60_000);

      it('the weekly summary, personal and team', async () => {
        const summary = await extensionPage(`summary.html?source=${encodeURIComponent(source)}`, { width: 1000, height: 900 });
        await summary.waitForSelector('.summary-report[data-as-of] .summary-section', { timeout: 60_000 });
        expect(await axeViolations(summary), 'personal').toEqual([]);
        await shot(summary, 'summary', true);
        await summary.goto(`chrome-extension://${world.browser.extensionId}/summary.html?source=${encodeURIComponent(source)}&view=team`);
        await summary.waitForFunction(
          () =>
            document.querySelector('.summary-page')?.getAttribute('data-loading') === 'false' && document.querySelector('.summary-report[data-as-of]') !== null,
          undefined,
          { timeout: 60_000 },
        );
        expect(await axeViolations(summary), 'team').toEqual([]);
        await shot(summary, 'summary-team', true);
        await summary.close();
      }, 120_000);
    });
  }
}
