import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSidebarMatchesLib } from '../harness/expected-sidebar';
import { readSidebar, sidebarFrame } from '../harness/sidebar-reader';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';

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
