import { expect } from 'vitest';
import { activityCount } from '../../components/sidebar/ActivityCard';
import { DEMO_EXCHANGE_RATES, type DemoDataSet } from '../../lib/demo';
import { hasValue } from '../../lib/kpi/types';
import { DAY_MS } from '../../lib/period/units';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { ACTIVITY_KINDS, ACTIVITY_WINDOWS, computePinnedView } from '../../lib/views/pinned';
import type { SidebarReading } from './sidebar-reader';

/**
 * The sidebar shows the demo rep's numbers exactly as lib/ computes them in Node, over the records
 * the sandbox served, for the instant the sidebar used: the same check in every browser.
 */
export function expectSidebarMatchesLib(shown: SidebarReading, demo: DemoDataSet, timeZone: string): void {
  const rep = demo.owners.find((owner) => owner.externalId === demo.currentOwnerId)!;
  expect(shown.owner).toBe(rep.name);
  expect(shown.timeZone).toBe(timeZone);
  const expected = computePinnedView(demo, {
    settings: { ...DEFAULT_SETTINGS, rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: {} },
    browserZone: timeZone,
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
  // Real numbers, not an empty shell: the rep has pipeline, and did something lately. Not "calls this
  // month > 0": the demo data moves with the clock, and early in a month (or on New Year's week) the rep
  // may truly have none yet; the counts above are checked equal to lib/'s whatever they are.
  expect(pipeline!.value).toBeGreaterThan(0);
  const recent = demo.activities.filter((a) => a.ownerId === rep.externalId && a.done && a.occurredAt <= shown.asOf && a.occurredAt > shown.asOf - 30 * DAY_MS);
  expect(recent.length, 'the demo rep has done activities in the last 30 days').toBeGreaterThan(0);
}
