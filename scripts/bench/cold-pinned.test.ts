import { describe, expect, it } from 'vitest';
import { computePinnedView } from '@/lib/views';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { coldAndWarm, coldData, coldInput, pinnedOf, summarize } from './cold-pinned';
import { generateData } from './kpi';

const AS_OF = Date.parse('2017-12-15T15:00:00+01:00');
const SMALL = { reps: 3, months: 3, activities: 3_000, deals: 400, leads: 200, customers: 50 };

describe('the pinned view computed cold and again (cold-pinned.ts)', () => {
  it('computes from the stored chunks and kept orders the numbers the records give, the same on every repeat', async () => {
    const data = generateData(7, SMALL);
    const input = await coldInput(data, 'rep1', AS_OF);
    // The orders a first view sorted are kept, as a worker keeps them (occurredAt at least, for the activity windows).
    expect(input.orders.activity.map((order) => order.name)).toContain('occurredAt');
    const run = await coldAndWarm(input, 3);
    expect(run.same).toBe(true);
    for (const ms of [run.firstMs, run.secondMs, run.optimizedMs]) expect(ms).toBeGreaterThan(0);
    // The plain records' view: the column store and its orders change no number.
    const fromStore = await pinnedOf(coldData(input), input);
    const fromRecords = computePinnedView(data, {
      settings: DEFAULT_SETTINGS,
      browserZone: 'Europe/Berlin',
      asOf: AS_OF,
      scope: { ownerIds: ['rep1'] },
      period: 'month',
      source: 'bench',
    });
    expect(JSON.stringify(fromStore)).toBe(JSON.stringify(fromRecords));
    expect(fromRecords.activities.month).toMatchObject({ status: 'ok' });
  });

  it('summarizes the processes by their medians and the first run share', () => {
    const runs = [
      { firstMs: 100, secondMs: 60, optimizedMs: 20 },
      { firstMs: 120, secondMs: 70, optimizedMs: 22 },
      { firstMs: 110, secondMs: 66, optimizedMs: 30 },
    ];
    expect(summarize(runs)).toMatchObject({
      firstMs: 110, // median of 100, 120, 110
      secondMs: 66, // median of 60, 70, 66
      optimizedMs: 22, // median of 20, 22, 30
      firstRunShare: 0.4, // 1 − 66 / 110 = 0.4
    });
  });
});
