import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import { hasValue } from '../../lib/kpi/types';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { activityCount } from '../../components/sidebar/ActivityCard';
import { ACTIVITY_KINDS, ACTIVITY_WINDOWS, computePinnedView } from '../../lib/views/pinned';
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
    const rep = world.demo.owners.find((owner) => owner.externalId === world.demo.currentOwnerId)!;
    expect(shown.owner).toBe(rep.name);
    expect(shown.timeZone).toBe(world.timeZone);

    // The same computation in Node, over the records the sandbox served, for the asOf the sidebar used.
    const expected = computePinnedView(world.demo, {
      settings: { ...DEFAULT_SETTINGS, rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: {} },
      browserZone: world.timeZone,
      asOf: shown.asOf,
      scope: { ownerIds: [rep.externalId] },
      period: 'month',
    });
    expect(shown.period).toEqual({ start: expected.period.start, end: expected.period.end });
    for (const kind of ACTIVITY_KINDS) {
      for (const window of ACTIVITY_WINDOWS) {
        expect(shown.figures[`activity.${kind}.${window}`]?.value, `${kind} ${window}`).toBe(activityCount(expected.activities[window], kind));
      }
    }
    // Early in a month the attainment may rest on fewer won deals than the minimum sample: low-sample, still shown.
    const quota = hasValue(expected.quota) ? expected.quota : undefined;
    const pipeline = hasValue(expected.pipeline) ? expected.pipeline : undefined;
    expect(quota, 'the demo rep has a quota this month').toBeDefined();
    expect(pipeline, 'the demo rep has open deals').toBeDefined();
    expect(shown.figures['quota.attainment']?.value).toBeCloseTo(quota!.value, 9);
    expect(shown.figures['pipeline.total']?.value).toBe(pipeline!.value);
    expect(shown.figures['pipeline.weighted']?.value).toBeCloseTo(pipeline!.parts.weighted!, 6);
    expect(shown.figures['pipeline.openDeals']?.value).toBe(hasValue(expected.dealsInPipeline) ? expected.dealsInPipeline.value : undefined);
    // Real numbers, not an empty shell: this month the rep did something and has pipeline.
    expect(shown.figures['activity.call.month']?.value).toBeGreaterThan(0);
    expect(pipeline!.value).toBeGreaterThan(0);
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
