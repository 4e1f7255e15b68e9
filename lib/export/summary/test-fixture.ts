/** A small hand-made summary for the renderer tests: every block filled, CRM text that needs escaping. */
import type { DealRef, SummarySection, WeeklySummary } from './types';

const day = (d: number) => Date.UTC(2017, 5, d);

export const HOSTILE: DealRef = {
  id: 'd1',
  title: 'Acme | Big *deal*\nsecond line',
  url: 'https://crm.example/deals/1?x=(1)',
  owner: 'Ann Lee',
  stage: 'Proposal',
  amount: 2_500_000,
  expectedCloseAt: day(20),
};

export const FORMULA: DealRef = { id: 'd2', title: '=HYPERLINK("http://evil")', url: 'javascript:alert(1)', owner: 'Ann Lee' };

export function fixtureSection(): SummarySection {
  return {
    key: 'o1',
    kind: 'rep',
    name: 'Ann Lee',
    ownerIds: ['o1'],
    activities: [
      { kind: 'call', value: 45, previous: 40, change: 12.5, target: 50, status: 'at-risk' },
      { kind: 'email', value: 30, previous: 0, change: null },
      { kind: 'meeting', value: 6, previous: 8, change: -25, target: 5, status: 'on-track' },
      { kind: 'demo', value: 2, previous: 1, change: 100 },
      { kind: 'total', value: 81, previous: 48, change: 68.75, target: 55, status: 'on-track' },
    ],
    deals: {
      created: { value: 3, previous: 2, change: 50, amount: 1_500_000, previousAmount: 800_000 },
      won: { value: 1, previous: 0, change: null, amount: 1_200_000, previousAmount: 0 },
      lost: { value: 1, previous: 1, change: 0 },
      winRate: { value: 50, previous: 0, change: 50, closed: 12 },
    },
    quota: {
      status: 'ok',
      week: { attainmentPct: 51.4, sales: 1_200_000, quota: 2_333_333, status: 'off-track', previousPct: 0 },
      month: {
        label: '2017-06',
        start: Date.UTC(2017, 5, 1),
        end: Date.UTC(2017, 6, 1),
        sales: 4_000_000,
        quota: 10_000_000,
        attainmentPct: 40,
        expectedPct: 36.666,
        pacePct: 109.09,
        status: 'on-track',
        projected: 10_909_091,
      },
    },
    pipeline: {
      openDeals: 4,
      openAmount: 5_000_000,
      weighted: 2_000_000,
      moves: [
        { move: 'new', available: true, count: 1, amount: 2_500_000, withoutAmount: 0, deals: [HOSTILE] },
        { move: 'advanced', available: true, count: 1, amount: 2_500_000, withoutAmount: 0, deals: [{ ...HOSTILE, from: 'Demo', to: 'Proposal' }] },
        { move: 'slipped', available: true, count: 1, amount: 0, withoutAmount: 1, deals: [{ ...FORMULA, why: 'due-in-week' }] },
        { move: 'won', available: true, count: 1, amount: 1_200_000, withoutAmount: 0, deals: [] },
        { move: 'lost', available: true, count: 0, amount: 0, withoutAmount: 0, deals: [] },
      ],
    },
    topOpen: [HOSTILE, FORMULA],
    atRisk: { count: 1, amount: 2_500_000, deals: [{ ...HOSTILE, noActivity: true, idleDays: 21, pastCloseDate: true, daysPastClose: 1 }] },
    chart: [10, 20, 15, 30, 6, 0, 0].map((total, i) => ({
      date: `2017-06-${String(5 + i).padStart(2, '0')}`,
      start: day(5 + i),
      call: total,
      email: 0,
      meeting: 0,
      other: 0,
    })),
    chartTargetPerDay: 11,
    excluded: [{ count: 2, reason: 'no exchange rate for EUR' }],
  };
}

export function fixtureSummary(): WeeklySummary {
  return {
    version: 1,
    week: {
      label: '2017-W23',
      start: day(5),
      end: day(12),
      firstDay: '2017-06-05',
      lastDay: '2017-06-11',
      previous: { label: '2017-W22', start: Date.UTC(2017, 4, 29), end: day(5) },
      comparison: { start: Date.UTC(2017, 4, 29), end: day(5) },
    },
    asOf: Date.UTC(2017, 5, 12, 8, 30),
    openAt: day(12) - 1,
    timeZone: 'UTC',
    currency: 'USD',
    staleDays: 14,
    audience: { kind: 'rep', name: 'Ann Lee' },
    sections: [fixtureSection()],
    hiddenPeers: 0,
    quietReps: 0,
  };
}
