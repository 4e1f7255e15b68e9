/** Test-only: a small team with hand-checked numbers for lib/views tests. */
import { DAY_MS } from '../period/units';
import type { KpiData } from '../kpi/types';
import type { Activity, Deal, Owner } from '../model';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';

export const ZONE = 'UTC';
/** Wednesday 2026-11-18 15:00 UTC: "now" for every test. */
export const AS_OF = Date.UTC(2026, 10, 18, 15);
const base = (id: string) => ({ source: 'crm', externalId: id, updatedAt: 0 });
const usd = (major: number) => ({ minor: major * 100, currency: 'USD' });

export const owners: Owner[] = [
  { ...base('ann'), name: 'Ann Rep', teamId: 't1', role: 'rep', active: true, url: 'https://crm.example/users/ann' },
  { ...base('bob'), name: 'Bob Peer', teamId: 't1', role: 'rep', active: true },
  { ...base('lea'), name: 'Lea Lead', teamId: 't1', role: 'lead', active: true },
  { ...base('oli'), name: 'Oli Other', teamId: 't2', role: 'rep', active: true },
];

function deal(id: string, ownerId: string, status: Deal['status'], major: number, closedDay?: number, extra: Partial<Deal> = {}): Deal {
  return {
    ...base(id),
    title: `Deal ${id}`,
    ownerId,
    status,
    amount: usd(major),
    createdAt: Date.UTC(2026, 9, 1),
    closedAt: closedDay === undefined ? undefined : Date.UTC(2026, 10, closedDay, 12),
    lineItems: [],
    url: `https://crm.example/deals/${id}`,
    ...extra,
  };
}

/** Won in November 2026: Ann 3,000 + 1,000; Bob 7,000; Lea 500; Oli 9,000. Lost: Ann 1 (day 5). */
export const deals: Deal[] = [
  deal('d1', 'ann', 'won', 3_000, 3),
  deal('d2', 'ann', 'won', 1_000, 10),
  deal('d3', 'ann', 'lost', 2_000, 5),
  deal('d4', 'bob', 'won', 7_000, 4),
  deal('d5', 'lea', 'won', 500, 12),
  deal('d6', 'oli', 'won', 9_000, 2),
  // Open, idle since October 1 and expected to close on November 1: at risk twice over.
  deal('d7', 'ann', 'open', 4_000, undefined, { expectedCloseAt: Date.UTC(2026, 10, 1) }),
  deal('d8', 'bob', 'open', 6_000, undefined, { expectedCloseAt: Date.UTC(2026, 11, 20), lastActivityAt: AS_OF - DAY_MS }),
];

function activity(id: string, ownerId: string, type: Activity['type'], day: number, done = true): Activity {
  return { ...base(id), ownerId, type, occurredAt: Date.UTC(2026, 10, day, 10), done, url: `https://crm.example/activities/${id}` };
}

/** Done in November: Ann 2 calls on the 16th, 1 email on the 17th; Bob 1 meeting on the 16th; a planned call of Ann's (not done). */
export const activities: Activity[] = [
  activity('a1', 'ann', 'call', 16),
  activity('a2', 'ann', 'call', 16),
  activity('a3', 'ann', 'email', 17),
  activity('a4', 'bob', 'meeting', 16),
  activity('a5', 'ann', 'call', 19, false),
];

export function fixtureData(over: Partial<KpiData> = {}): KpiData {
  return {
    owners,
    teams: [
      { ...base('t1'), name: 'North' },
      { ...base('t2'), name: 'South' },
    ],
    pipelines: [],
    stages: [],
    products: [],
    deals,
    activities,
    leads: [],
    customers: [],
    mrrMovements: [],
    spend: [],
    quotas: [
      { ...base('q-ann'), ownerId: 'ann', periodKind: 'month', startDate: '2026-11-01', endDate: '2026-12-01', amount: usd(8_000) },
      { ...base('q-bob'), ownerId: 'bob', periodKind: 'month', startDate: '2026-11-01', endDate: '2026-12-01', amount: usd(10_000) },
    ],
    targets: [],
    ...over,
  };
}

export function settingsFor(viewer: string | undefined, over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, timeZone: ZONE, currentOwner: viewer ? { crm: viewer } : {}, ...over };
}
