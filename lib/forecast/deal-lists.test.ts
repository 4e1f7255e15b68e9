import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import { dealLists, type ListOptions } from './deal-lists';
import type { DealOutlook } from './types';

const TODAY = Date.UTC(2017, 5, 15); // Thursday 15 June 2017; the period (June) ends 1 July
const OPTIONS: ListOptions = { todayStart: TODAY, periodEnd: Date.UTC(2017, 6, 1), staleDays: 14, deadDays: 30, hasActivity: true, top: 3 };

function outlook(id: string, over: Partial<DealOutlook> & { closeIn?: number | null } = {}): DealOutlook {
  const { closeIn = 10, ...rest } = over;
  return {
    dealId: id,
    source: 'crm',
    url: `https://crm.example/deal/${id}`,
    title: `Deal ${id}`,
    ownerId: 'ann',
    ownerName: 'Ann',
    amount: 100_000,
    amountSource: 'deal',
    probability: 0.5,
    expected: 50_000,
    ageDays: 40,
    idleDays: 3,
    drivers: [],
    moves: [],
    ...(closeIn === null ? {} : { expectedCloseAt: TODAY + closeIn * DAY_MS }),
    ...rest,
  };
}

describe('the deals that matter', () => {
  it('ranks open deals by expected contribution, then probability, then id', () => {
    const deals = [
      outlook('small-sure', { probability: 0.9, amount: 10_000, expected: 9_000 }), // 0.9 × 10,000
      outlook('big-unlikely', { probability: 0.1, amount: 1_000_000, expected: 100_000 }), // 0.1 × 1,000,000
      outlook('b-mid', { probability: 0.4, amount: 100_000, expected: 40_000 }), // 0.4 × 100,000
      outlook('a-mid', { probability: 0.4, amount: 100_000, expected: 40_000 }), // a tie: id decides
      outlook('c-mid', { probability: 0.8, amount: 50_000, expected: 40_000 }), // a tie: higher chance first
    ];
    expect(dealLists(deals, OPTIONS).topDeals.map((d) => d.dealId)).toEqual(['big-unlikely', 'c-mid', 'a-mid']);
    // The same whatever the order of the records.
    expect(dealLists([...deals].reverse(), OPTIONS).topDeals.map((d) => d.dealId)).toEqual(['big-unlikely', 'c-mid', 'a-mid']);
  });

  it.each([
    // name, list, deal, reasons, actions
    ['active, due this period, likely', 'none', outlook('a'), [], []],
    ['active, close date passed 5 days ago', 'at-risk', outlook('b', { closeIn: -5 }), ['past-close-date'], ['update-close-date']],
    ['idle 20 days, close date after the period', 'at-risk', outlook('c', { idleDays: 20, closeIn: 25 }), ['idle'], ['log-activity']],
    [
      'active, due this period, but unlikely to close by then',
      'at-risk',
      outlook('d', { probability: 0.1, expected: 10_000 }),
      ['unlikely-this-period'],
      ['update-close-date', 'log-activity'],
    ],
    [
      'idle 20 days, close date passed: not live, not dead yet',
      'at-risk',
      outlook('e', { idleDays: 20, closeIn: -3 }),
      ['past-close-date', 'idle'],
      ['update-close-date', 'log-activity'],
    ],
    ['idle 20 days, no close date', 'at-risk', outlook('f', { idleDays: 20, closeIn: null }), ['no-close-date', 'idle'], ['update-close-date', 'log-activity']],
    ['active, no close date', 'none', outlook('g', { closeIn: null }), [], []],
    [
      'idle 45 days, close date passed 40 days ago: dead',
      'clean-up',
      outlook('h', { idleDays: 45, closeIn: -40 }),
      ['past-close-date', 'idle'],
      ['mark-lost', 'update-close-date'],
    ],
    [
      'idle 45 days, no close date: dead',
      'clean-up',
      outlook('i', { idleDays: 45, closeIn: null }),
      ['no-close-date', 'idle'],
      ['mark-lost', 'update-close-date'],
    ],
    ['idle 45 days, close date ahead: live, slipping', 'at-risk', outlook('j', { idleDays: 45, closeIn: 3 }), ['idle'], ['log-activity']],
  ] as const)('%s → %s', (_name, list, deal, reasons, actions) => {
    const { atRisk, cleanUp } = dealLists([deal], OPTIONS);
    const found = list === 'at-risk' ? atRisk[0] : list === 'clean-up' ? cleanUp[0] : undefined;
    expect(atRisk.length + cleanUp.length).toBe(list === 'none' ? 0 : 1);
    if (!found) return;
    expect(found.reasons.map((r) => r.reason)).toEqual(reasons);
    expect(found.actions.map((a) => a.action)).toEqual(actions);
    expect(found.url).toBe(`https://crm.example/deal/${deal.dealId}`);
  });

  it('gives the numbers the reasons read', () => {
    const { atRisk, cleanUp } = dealLists([outlook('late', { idleDays: 20.7, closeIn: -3 }), outlook('dead', { idleDays: 45, closeIn: -40 })], OPTIONS);
    expect(atRisk[0]).toMatchObject({ daysPastClose: 3, idleDays: 20.7 });
    expect(atRisk[0]?.reasons.map((r) => r.params)).toEqual([{ days: 3 }, { days: 20 }]); // whole days idle
    expect(cleanUp[0]?.reasons[0]?.text.en).toBe('Expected to close {days} days ago');
  });

  it('without activities on record, reads idleness as age and says so', () => {
    const noActivity = { ...OPTIONS, hasActivity: false };
    const old = outlook('old', { idleDays: null, ageDays: 100, closeIn: null });
    const young = outlook('young', { idleDays: null, ageDays: 5, closeIn: null });
    const due = outlook('due', { idleDays: null, ageDays: 100, closeIn: 5 });
    const { atRisk, cleanUp } = dealLists([old, young, due], noActivity);
    expect(cleanUp.map((d) => [d.dealId, d.reasons.map((r) => r.reason)])).toEqual([['old', ['no-close-date', 'open-long']]]);
    expect(atRisk.map((d) => [d.dealId, d.reasons.map((r) => r.reason)])).toEqual([['due', ['open-long']]]);
  });

  it('orders at-risk deals by what they are expected to add and clean-up by how long they have been idle', () => {
    const { atRisk, cleanUp } = dealLists(
      [
        outlook('r1', { closeIn: -2, expected: 10 }),
        outlook('r2', { closeIn: -2, expected: 30 }),
        outlook('d1', { idleDays: 40, closeIn: -40 }),
        outlook('d2', { idleDays: 90, closeIn: -40 }),
      ],
      OPTIONS,
    );
    expect(atRisk.map((d) => d.dealId)).toEqual(['r2', 'r1']);
    expect(cleanUp.map((d) => d.dealId)).toEqual(['d2', 'd1']);
  });
});
