import fc from 'fast-check';
import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import { activitySchema, dealSchema, type Activity, type Deal } from '../model';
import { buildDealTable } from './deal-table';
import { countBetween } from './features';
import { buildPlan, countWithin, type PlanContext } from './plan';
import { DEFAULT_SETTINGS } from './settings';

// Thursday 15 June 2017, end of the day (UTC); the period ends at 1 July 00:00.
const AS_OF = Date.UTC(2017, 5, 15, 23, 59, 59, 999);
const END = Date.UTC(2017, 6, 1);
const meta = (id: string) => ({ source: 'crm', externalId: id, updatedAt: 0 });
const closedDeal = (id: string, status: 'won' | 'lost', closedDaysAgo: number, cycleDays: number, major: number, ownerId = 'ann'): Deal =>
  dealSchema.parse({
    ...meta(id),
    title: id,
    ownerId,
    status,
    amount: { minor: major * 100, currency: 'USD' },
    closedAt: AS_OF - closedDaysAgo * DAY_MS,
    createdAt: AS_OF - (closedDaysAgo + cycleDays) * DAY_MS,
  });
const act = (id: string, type: 'call' | 'meeting', daysAgo: number, ownerId = 'ann'): Activity =>
  activitySchema.parse({ ...meta(id), ownerId, type, occurredAt: AS_OF - daysAgo * DAY_MS, done: true });

// Ann's year: 6 won deals of 10k, 20k, 30k, 10k, 20k, 30k (average 20,000.00) with cycles 5, 6, 8, 10,
// 12, 14 days (median (8 + 10) / 2 = 9); 9 lost deals (win rate 6 / 15 = 0.4); all 15 created in the
// last 90 days, with 60 calls and 15 meetings there (4 calls and 1 meeting per new deal).
// Bob's deals and calls must not count.
const WON = [10_000, 20_000, 30_000, 10_000, 20_000, 30_000].map((major, i) => closedDeal(`w${i}`, 'won', 10 + i, [5, 6, 8, 10, 12, 14][i] as number, major));
const LOST = Array.from({ length: 9 }, (_, i) => closedDeal(`l${i}`, 'lost', 20 + i, 7, 5_000));
const BOB = [closedDeal('b1', 'won', 5, 100, 900_000, 'bob'), closedDeal('b2', 'lost', 5, 1, 1, 'bob')];
const CALLS = [
  ...Array.from({ length: 60 }, (_, i) => act(`c${i}`, 'call', 1 + (i % 80))),
  ...Array.from({ length: 15 }, (_, i) => act(`m${i}`, 'meeting', 2 + i)),
  act('bob-call', 'call', 3, 'bob'),
];

const USD = { reporting: 'USD', rates: {} };
/** The plan reads the deals and the calls and meetings from the deal table, built here from these. */
const tableOf = (activities: readonly Activity[], deals: readonly Deal[] = [...WON, ...LOST, ...BOB]) => buildDealTable(deals, activities, USD, AS_OF);

function context({ deals, ...over }: Partial<PlanContext> & { deals?: readonly Deal[] } = {}): PlanContext {
  return {
    table: tableOf(CALLS, deals),
    includes: (id) => id === 'ann',
    asOf: AS_OF,
    periodEnd: END,
    calendar: { timeZone: 'UTC', weekStartsOn: 1, fiscalYearStartMonth: 1 },
    currency: USD,
    quota: 10_000_000, // 100,000.00
    wonSoFar: 4_000_000, // 40,000.00
    expectedPipelineAmount: 2_000_000, // 20,000.00
    expectedPipelineWins: 1.3,
    settings: DEFAULT_SETTINGS,
    ...over,
  };
}

describe('plan to quota', () => {
  it('reads the rep’s own rates, each with its sample size', () => {
    const { inputs } = buildPlan(context());
    expect(inputs.averageWonDeal).toEqual({ value: 2_000_000, unit: 'money', n: 6, min: 5, status: 'ok' }); // 120,000 / 6
    expect(inputs.winRate).toEqual({ value: 0.4, unit: 'rate', n: 15, min: 10, status: 'ok' }); // 6 / (6 + 9)
    expect(inputs.salesCycleDays).toEqual({ value: 9, unit: 'days', n: 6, min: 5, status: 'ok' }); // median(5, 6, 8, 10, 12, 14)
    expect(inputs.callsPerNewDeal).toEqual({ value: 4, unit: 'ratio', n: 15, min: 3, status: 'ok' }); // 60 calls / 15 deals created
    expect(inputs.meetingsPerNewDeal).toEqual({ value: 1, unit: 'ratio', n: 15, min: 3, status: 'ok' }); // 15 / 15
  });

  it.each([
    // step, value, arithmetic
    ['dealsToWin', 3, 'ceil(60000.00 / 20000.00) = 3'], // gap 100,000 − 40,000
    ['newDealsToWin', 2, 'ceil(max(0, 60000.00 - 20000.00) / 20000.00) = 2'], // the open deals bring 20,000
    ['dealsToOpen', 5, 'ceil(2 / 0.4) = 5'],
    ['openBy', END - 9 * DAY_MS, '2017-07-01 - 9 d = 2017-06-22'], // 22 June 00:00
    ['workingDaysToOpen', 4, 'Mon–Fri [2017-06-15, 2017-06-22) = 4'], // days starting after now: Fri 16, Mon 19, Tue 20, Wed 21
    ['callsNeeded', 20, 'ceil(5 × 4) = 20'],
    ['meetingsNeeded', 5, 'ceil(5 × 1) = 5'],
    ['callsPerDay', 5, '20 / 4 = 5'],
    ['meetingsPerDay', 1.25, '5 / 4 = 1.25'],
  ] as const)('%s = %s (%s)', (step, value, arithmetic) => {
    const plan = buildPlan(context());
    expect(plan.status).toBe('plan');
    expect(plan.gap).toBe(6_000_000);
    expect(plan.steps[step].value).toBe(value);
    expect(plan.steps[step].arithmetic).toBe(arithmetic);
    expect(plan.missing).toEqual([]);
  });

  it('says the quota is missing rather than planning without one', () => {
    const plan = buildPlan(context({ quota: undefined }));
    expect(plan.status).toBe('no-quota');
    expect(plan.gap).toBeNull();
    expect(plan.missing).toEqual([{ input: 'quota', status: 'missing' }]);
    expect(plan.steps.dealsToWin).toMatchObject({ value: null, arithmetic: '', why: 'needs-quota', whyText: { en: 'Needs a quota' } });
  });

  it('has nothing left to do once the quota is reached', () => {
    const plan = buildPlan(context({ wonSoFar: 10_500_000 }));
    expect(plan.status).toBe('reached');
    expect(plan.gap).toBe(-500_000); // 100,000 − 105,000
    expect(plan.steps.dealsToWin).toMatchObject({ value: 0, arithmetic: '100000.00 - 105000.00 = -5000.00 ≤ 0' });
    expect(plan.notes.map((n) => n.code)).toEqual(['quota-reached']);
  });

  it('names a low-sample input and leaves the steps that need it uncomputed', () => {
    // Only 3 of Ann's wins: below the 5 an average needs. Win rate 3 / 12 still rests on 12 deals.
    const plan = buildPlan(context({ deals: [...WON.slice(0, 3), ...LOST] }));
    expect(plan.status).toBe('incomplete');
    expect(plan.inputs.averageWonDeal).toMatchObject({ value: 2_000_000, n: 3, status: 'low-sample' }); // (10k + 20k + 30k) / 3
    expect(plan.missing).toContainEqual({ input: 'averageWonDeal', status: 'low-sample', n: 3, min: 5 });
    expect(plan.steps.dealsToWin.value).toBeNull();
    expect(plan.steps.dealsToOpen.value).toBeNull();
    expect(plan.steps.callsPerDay.value).toBeNull();
    expect(plan.notes.find((n) => n.code === 'low-sample')?.params).toEqual({ input: 'averageWonDeal', n: 3, min: 5 });
  });

  it('calls calls and meetings missing when the data has no activities, not zero', () => {
    const plan = buildPlan(context({ table: tableOf([]) }));
    expect(plan.inputs.callsPerNewDeal.status).toBe('missing');
    expect(plan.missing.map((m) => m.input)).toEqual(['callsPerNewDeal', 'meetingsPerNewDeal']);
    expect(plan.steps.dealsToOpen.value).toBe(5);
    expect(plan.steps.callsNeeded).toMatchObject({ value: null, why: 'needs-calls' });
  });

  it('says when it is too late to open deals that would close in time', () => {
    // Cycles of 30 to 40 days: median (34 + 36) / 2 = 35; 1 July − 35 days = 27 May, before now.
    const slow = WON.map((d, i) => ({ ...d, createdAt: (d.closedAt as number) - [30, 32, 34, 36, 38, 40][i]! * DAY_MS }));
    const plan = buildPlan(context({ deals: [...slow, ...LOST] }));
    expect(plan.inputs.salesCycleDays.value).toBe(35);
    expect(plan.steps.openBy.value).toBe(END - 35 * DAY_MS);
    expect(plan.steps.workingDaysToOpen.value).toBe(0);
    expect(plan.steps.callsPerDay).toMatchObject({ value: null, why: 'no-working-day' });
    expect(plan.notes.find((n) => n.code === 'too-late-to-open')?.params).toEqual({ days: 35 });
  });

  it('asks for no new deals when the open deals are expected to cover the gap', () => {
    const plan = buildPlan(context({ expectedPipelineAmount: 7_000_000 }));
    expect(plan.steps.dealsToWin.value).toBe(3); // still 3 wins to find among the open deals
    expect(plan.steps.newDealsToWin.arithmetic).toBe('ceil(max(0, 60000.00 - 70000.00) / 20000.00) = 0');
    expect(plan.steps.dealsToOpen.value).toBe(0);
    expect(plan.steps.callsPerDay.value).toBe(0); // ceil(0 × 4) = 0 calls over 4 days
  });
});

describe('counting calls and meetings in a window', () => {
  it('counts unsorted instants exactly as the binary search over sorted ones does (the straightforward way it replaced)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(Number.NaN)), { maxLength: 60 }),
        fc.integer({ min: -5, max: 105 }),
        fc.integer({ min: -5, max: 105 }),
        (values, a, b) => {
          const [from, to] = a <= b ? [a, b] : [b, a]; // a window, as the plan's: the trailing days up to the instant
          const times = Float64Array.from(values);
          expect(countWithin(times, from, to)).toBe(countBetween(Float64Array.from(values).sort(), from, to));
        },
      ),
    );
  });
});
