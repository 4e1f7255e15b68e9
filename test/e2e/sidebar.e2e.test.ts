import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSidebarMatchesLib } from '../harness/expected-sidebar';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';
import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import { periodContaining } from '../../lib/period';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { computeForecast } from '../../lib/views/forecast-view';
import { queryBasics } from '../../lib/views/query';

let world: E2eWorld;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the sidebar on the sandbox CRM, in real Chromium', () => {
  it("shows the signed-in rep's numbers, equal to what lib/ computes for the demo data", async () => {
    const page = await openCrmPage(world);
    const frame = await sidebarFrame(page);
    const shown = await readSidebar(frame);
    expectSidebarMatchesLib(shown, world.demo, world.timeZone);
    await page.close();
  });

  it("shows the rep's forecast above the fold, equal to what lib/forecast makes of the demo data at the same instant", async () => {
    const page = await openCrmPage(world);
    const frame = await sidebarFrame(page);
    await readSidebar(frame);
    const card = frame.locator('section.forecast');
    await card.locator('[data-kpi="forecast.p50"]').waitFor({ timeout: 120_000 });
    const figure = async (name: string) => Number(await card.locator(`[data-kpi="forecast.${name}"]`).getAttribute('data-value'));
    const asOf = Number(await card.getAttribute('data-as-of'));
    const rep = world.demo.owners.find((owner) => owner.externalId === world.demo.currentOwnerId)!;
    const basics = queryBasics({ ...DEFAULT_SETTINGS, rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: {} }, world.timeZone);
    const expected = computeForecast({
      data: world.demo,
      period: periodContaining('month', asOf, basics.calendar),
      asOf,
      scope: { ownerIds: [rep.externalId] },
      basics,
      byOwner: false,
    });
    if (expected.status !== 'ok') throw new Error(`lib/forecast made no forecast of the demo data: ${expected.missing.join(', ')}`);
    expect([await figure('p10'), await figure('p50'), await figure('p90'), await figure('wonSoFar')]).toEqual([
      expected.revenue.p10,
      expected.revenue.p50,
      expected.revenue.p90,
      expected.wonSoFar.amount,
    ]);
    if (expected.probabilityOfQuota !== null) expect(await figure('probabilityOfQuota')).toBe(expected.probabilityOfQuota);
    // Real numbers, and the plan and the deals beside them; every deal link only http(s), in a new tab, without an opener.
    expect(expected.revenue.p90).toBeGreaterThan(0);
    await frame.getByRole('heading', { name: 'Plan to quota' }).waitFor();
    const links = frame.locator('section.deals a');
    for (let i = 0; i < (await links.count()); i += 1) {
      expect(await links.nth(i).getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await links.nth(i).getAttribute('rel')).toBe('noopener noreferrer');
    }
    // The track record arrives after the forecast, in words.
    const track = card.locator('.track [data-inside]');
    await track.waitFor({ timeout: 120_000 });
    expect(await track.textContent()).toMatch(/^For you, the last (\d+ months|month): inside the range \d+ times? of \d+$|^No track record yet/);
    await page.close();
  });

  it('keeps the sidebar out of reach of the CRM page', async () => {
    const page = await openCrmPage(world);
    await sidebarFrame(page);
    const probe = await page.evaluate(() => {
      const host = document.querySelector('kpi-lens-sidebar');
      return { host: host !== null, shadow: host?.shadowRoot ?? null, iframes: document.querySelectorAll('iframe').length };
    });
    // The frame lives in a closed shadow root: the page sees the host element, nothing inside.
    expect(probe).toEqual({ host: true, shadow: null, iframes: 0 });
    await page.close();
  });
});
