/**
 * The sidebar in Russian (the browser's language) and its accessibility: an axe-core scan of the
 * sidebar frame, in light and in dark, of the personal view with the catalogue open, of the explain
 * dialog and of the team view, finds no serious or critical violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../lib/i18n/format';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown>>>; set(items: Record<string, unknown>): Promise<void> } };
};
type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
declare const axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let world: E2eWorld;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  world = await startWorld({ locale: 'ru' });
  page = await openCrmPage(world);
  frame = await sidebarFrame(page);
  await readSidebar(frame);
});
afterAll(async () => {
  await world?.close();
});

/** Serious and critical axe violations in the sidebar frame, as readable lines. */
async function scan(): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the extension page's CSP does not apply to.
  if (!(await frame.evaluate(() => 'axe' in globalThis))) await frame.evaluate(AXE_SOURCE);
  const { violations } = await frame.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function setTheme(theme: 'light' | 'dark') {
  await world.browser.serviceWorker.evaluate(async (value) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, theme: value } });
  }, theme);
  await frame.waitForSelector(`html[data-theme="${theme}"]`);
}

describe('the sidebar in Russian, and accessible', () => {
  it('speaks Russian from the browser language, with Russian number and money formats', async () => {
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('ru');
    await frame.getByRole('radiogroup', { name: 'Вид' }).getByRole('radio', { name: 'Личные' }).waitFor();
    await frame.getByRole('radio', { name: 'Команда' }).waitFor();
    await frame.getByRole('combobox', { name: 'Период' }).waitFor();
    await frame.getByRole('button', { name: 'Экспорт недельной сводки' }).waitFor();
    await frame.getByRole('heading', { name: 'Активности' }).waitFor();
    const shown = await readSidebar(frame);
    const total = shown.figures['pipeline.total']!;
    // The same minor units formatted for ru-RU: digits grouped with spaces, the sign after.
    expect(total.text).toBe(formatMoney(total.value!, 'USD', 'ru'));
    expect(total.text).toMatch(/^\d{1,3}(\s\d{3})*\s\$$/u);
    expect(shown.figures['pipeline.openDeals']?.text).toMatch(/открыт(ая|ые|ых) сдел(ка|ки|ок)$/);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in the ${theme} theme`, async () => {
      await setTheme(theme);
      await frame.getByRole('button', { name: 'Все показатели' }).click();
      await frame.getByRole('heading', { name: 'Конверсия' }).waitFor();
      await frame.getByRole('heading', { name: 'Графики' }).waitFor({ timeout: 60_000 });
      expect(await scan(), 'personal view with the catalogue').toEqual([]);

      await frame.getByRole('button', { name: 'Как считается «Выполнение плана продаж»?' }).first().click();
      await frame.getByRole('dialog').getByRole('heading', { name: 'Формула' }).waitFor();
      expect(await scan(), 'explain dialog').toEqual([]);
      await frame.locator('.explain').press('Escape');
      await frame.getByRole('button', { name: 'Скрыть все показатели' }).click();

      await frame.getByRole('radio', { name: 'Команда' }).click();
      await frame.getByRole('heading', { name: 'Рейтинг' }).waitFor();
      expect(await scan(), 'team view').toEqual([]);
      await frame.getByRole('radio', { name: 'Личные' }).click();
      await frame.waitForSelector('.sidebar[data-view="personal"] [data-kpi="pipeline.total"]');
    });
  }
});
