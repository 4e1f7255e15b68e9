/**
 * The forecast in a lead's team view, in real Chromium on the sandbox CRM: the team's range and chance
 * of the team's quota equal what lib/forecast makes of the demo data for the team at the same instant,
 * each rep has a row (most likely result and chance of their own quota, or "not enough history"), and a
 * rep's row opens that rep's explain panel with the rep's open deals, asked through forecast/records.
 * The view is saved to test-output/screens/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import { periodContaining } from '../../lib/period';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { computeForecast } from '../../lib/views/forecast-view';
import { queryBasics } from '../../lib/views/query';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { startWorld, type E2eWorld } from '../harness/setup';

declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, Record<string, unknown>>>; set(items: Record<string, unknown>): Promise<void> } };
};

const SCREENS = resolve(import.meta.dirname, '../../test-output/screens');
const patchSettings = (worker: Worker, patch: Record<string, unknown>) =>
  worker.evaluate(async (change) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, ...change } });
  }, patch);

let world: E2eWorld;
beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  world = await startWorld();
}, 240_000);
afterAll(async () => {
  await world?.close();
});

describe("the forecast in a lead's team view", () => {
  it("shows the team's range and chance of its quota as lib/forecast makes them, each rep's row, and a rep's explain panel", async () => {
    const page = await world.browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${world.crm.url}/deals`);
    const frame = await sidebarFrame(page);
    await readSidebar(frame);
    const rep = world.demo.owners.find((owner) => owner.externalId === world.demo.currentOwnerId)!;
    const lead = world.demo.owners.find((owner) => owner.role === 'lead' && owner.teamId === rep.teamId)!;
    const { settings } = await world.browser.serviceWorker.evaluate(async () => chrome.storage.local.get('settings'));
    const owners = settings!.currentOwner as Record<string, string>;
    const source = Object.keys(owners).find((key) => key.startsWith('sandbox:'))!;
    await patchSettings(world.browser.serviceWorker, { currentOwner: { ...owners, [source]: lead.externalId } });
    await frame.getByRole('radio', { name: 'Team' }).click();

    const card = frame.getByRole('region', { name: 'Team forecast' });
    await card.locator('[data-kpi="forecast.p50"]').waitFor({ timeout: 120_000 });
    const byRep = frame.getByRole('region', { name: 'Forecast by rep' });
    await byRep.waitFor({ timeout: 60_000 });
    await card.locator('.track [data-inside]').waitFor({ timeout: 120_000 });
    await page.screenshot({ path: resolve(SCREENS, 'team-forecast-en.png') });

    // The same numbers lib/forecast makes for the lead's team at the instant the sidebar used.
    const asOf = Number(await card.getAttribute('data-as-of'));
    const basics = queryBasics({ ...DEFAULT_SETTINGS, rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: {} }, world.timeZone);
    const members = world.demo.owners.filter((owner) => owner.teamId === rep.teamId).map((owner) => owner.externalId);
    const expected = computeForecast({
      data: world.demo,
      period: periodContaining('month', asOf, basics.calendar),
      asOf,
      scope: { ownerIds: members, teamId: rep.teamId },
      basics,
      byOwner: true,
    });
    if (expected.status !== 'ok') throw new Error(`lib/forecast made no team forecast of the demo data: ${expected.missing.join(', ')}`);
    const figure = async (name: string) => Number(await card.locator(`[data-kpi="forecast.${name}"]`).getAttribute('data-value'));
    expect([await figure('p10'), await figure('p50'), await figure('p90')]).toEqual([expected.revenue.p10, expected.revenue.p50, expected.revenue.p90]);
    if (expected.probabilityOfQuota !== null) expect(await figure('probabilityOfQuota')).toBe(expected.probabilityOfQuota);

    // One row per rep lib/forecast gives a range of their own, with the same most likely result.
    const rows = byRep.locator('tbody tr');
    expect(await rows.count()).toBe(expected.byOwner!.length);
    for (const owner of expected.byOwner!) {
      const row = byRep.locator(`tr[data-owner="${owner.ownerId}"]`);
      if (owner.lowSample) expect(await row.textContent()).toContain('not enough history');
      else expect(Number(await row.locator(`[data-kpi="forecast.rep.${owner.ownerId}.p50"]`).getAttribute('data-value'))).toBe(owner.revenue.p50);
    }

    // A rep's explain panel: the rep's inputs and open deals, paged from the background.
    const withDeals = expected.byOwner!.find((owner) => owner.openDeals > 0)!;
    await byRep.locator(`tr[data-owner="${withDeals.ownerId}"] [data-explain="rep"]`).click();
    const dialog = frame.getByRole('dialog', { name: `Forecast for ${withDeals.ownerName}` });
    await dialog.waitFor();
    await dialog.locator('[data-input="closedDeals"]').waitFor();
    await dialog.locator('#explain-records ~ ul li').first().waitFor({ timeout: 60_000 });
    expect(await dialog.locator('#explain-records').textContent()).toContain(String(withDeals.openDeals));
    await page.screenshot({ path: resolve(SCREENS, 'team-forecast-explain-en.png') });
    await dialog.press('Escape');
    await patchSettings(world.browser.serviceWorker, { currentOwner: owners });
    await page.close();
  }, 300_000);
});
