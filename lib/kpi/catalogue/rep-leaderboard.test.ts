import { describe, expect, it } from 'vitest';
import type { LeaderboardMetric } from '../types';
import { ANY_SAMPLE, JUNE, activity, at, deal, kpi, lostDeal, okOf, owner, quota, wonDeal } from '../test-fixtures';

const owners = [owner('alice', 'Alice'), owner('bob', 'Bob'), owner('carol', 'Carol')];

const data = {
  owners,
  activities: [
    activity({ type: 'call', occurredAt: JUNE.start }), // at the start: in
    activity({ type: 'call' }),
    activity({ type: 'email' }),
    activity({ type: 'meeting', ownerId: 'bob' }),
    activity({ type: 'call', occurredAt: JUNE.end }), // at the end: out
  ],
  deals: [
    wonDeal(500, '2017-06-05', { createdAt: at('2017-06-01') }),
    wonDeal(300, '2017-06-06', { createdAt: at('2017-06-02') }),
    lostDeal('2017-06-07'),
    wonDeal(1000, '2017-06-08', { ownerId: 'bob' }),
    deal({ ownerId: 'bob', createdAt: JUNE.end }), // created at the end: out
  ],
  quotas: [quota(1000, '2017-06-01', '2017-07-01')],
};

const by = (leaderboardMetric: LeaderboardMetric) => ({ settings: { demoKeywords: [], staleDays: 14, leaderboardMetric, minSample: ANY_SAMPLE } });

describe('repLeaderboard', () => {
  it('ranks reps by won amount with the team total and median', () => {
    const r = okOf(kpi('repLeaderboard', data));
    expect(r.value).toBe(180_000); // 800 + 1,000 + 0
    expect(r.parts.median).toBe(80_000); // 0, 800, 1,000
    expect(r.breakdown?.map((b) => [b.label, b.value, b.extra?.rank])).toEqual([
      ['Bob', 100_000, 1],
      ['Alice', 80_000, 2],
      ['Carol', 0, 3],
    ]);
    expect(r.breakdown?.[1]?.extra).toMatchObject({
      calls: 2,
      emails: 1,
      dealsCreated: 2, // the two won deals created 1 and 2 June (the lost one was created 28 May)
      dealsWon: 2,
      winRate: (2 / 3) * 100,
      quotaAttainment: 80, // 800 ÷ 1,000
    });
    expect(r.breakdown?.[0]?.share).toBeCloseTo((1000 / 1800) * 100, 12);
  });

  it('ranks a team lead only when they carry a quota of their own', () => {
    const withLead = (quotas: ReturnType<typeof quota>[]) => ({
      ...data,
      owners: [...owners, owner('lea', 'Lea', { role: 'lead' })],
      deals: [...data.deals, wonDeal(400, '2017-06-09', { ownerId: 'lea' })],
      quotas,
    });
    const rows: [string, ReturnType<typeof quota>[], [string, number][], number, string[]][] = [
      // No quota for Lea: she is not ranked; her 400 still counts in the team's 2,200 (1,000 + 800 + 0 + 400).
      [
        'no quota',
        [quota(1000, '2017-06-01', '2017-07-01')],
        [
          ['bob', 100_000],
          ['alice', 80_000],
          ['carol', 0],
        ],
        220_000,
        ['Lea: team lead without a quota of their own, not ranked'],
      ],
      // A quota of her own in June (a player-coach): ranked like anyone, 400 between Alice's 800 and Carol's 0.
      [
        'own quota',
        [quota(1000, '2017-06-01', '2017-07-01'), quota(500, '2017-06-01', '2017-07-01', { ownerId: 'lea' })],
        [
          ['bob', 100_000],
          ['alice', 80_000],
          ['lea', 40_000],
          ['carol', 0],
        ],
        220_000,
        [],
      ],
      // A quota only for May does not make her carry one in June.
      [
        'quota in another month',
        [quota(500, '2017-05-01', '2017-06-01', { ownerId: 'lea' })],
        [
          ['bob', 100_000],
          ['alice', 80_000],
          ['carol', 0],
        ],
        220_000,
        ['Lea: team lead without a quota of their own, not ranked'],
      ],
    ];
    for (const [, quotas, ranked, total, excluded] of rows) {
      const r = okOf(kpi('repLeaderboard', withLead(quotas)));
      expect(r.breakdown?.map((b) => [b.key, b.value])).toEqual(ranked);
      expect(r.breakdown?.map((b) => b.extra?.rank)).toEqual(ranked.map((_, i) => i + 1));
      expect(r.value).toBe(total);
      expect((r.excluded ?? []).map((e) => e.reason)).toEqual(excluded);
    }
  });

  it('ranks by win rate, leaving out reps without closed deals', () => {
    const r = okOf(kpi('repLeaderboard', data, by('winRate')));
    expect(r.breakdown?.map((b) => [b.key, b.value])).toEqual([
      ['bob', 100],
      ['alice', (2 / 3) * 100],
    ]);
    expect(r.value).toBe(75); // the team's own rate: 3 won ÷ 4 closed
    expect(r.parts.median).toBeCloseTo((100 + 200 / 3) / 2, 12);
    expect(r.excluded).toEqual([{ count: 1, reason: 'Carol: no deals closed, so no win rate' }]);
  });

  it('marks the reps whose win rate rests on fewer closed deals than the minimum, and the team figure too', () => {
    const settings = { demoKeywords: [], staleDays: 14, leaderboardMetric: 'winRate' as const, minSample: { closedDeals: 2 } };
    const r = kpi('repLeaderboard', data, { settings });
    // Alice closed 3 (≥ 2), Bob 1 (< 2); the team 4 (≥ 2).
    expect(r.status).toBe('ok');
    const rows = r.status === 'ok' ? (r.breakdown ?? []) : [];
    expect(rows.map((b) => [b.key, b.extra?.closedDeals, b.extra?.lowSample])).toEqual([
      ['bob', 1, 1],
      ['alice', 3, undefined],
    ]);
    expect(kpi('repLeaderboard', data, { settings: { ...settings, minSample: { closedDeals: 5 } } })).toMatchObject({
      status: 'low-sample',
      sample: { n: 4, min: 5 },
    });
  });

  it('ranks by activities', () => {
    const r = okOf(kpi('repLeaderboard', data, by('activities')));
    expect(r.breakdown?.map((b) => [b.key, b.value])).toEqual([
      ['alice', 3],
      ['bob', 1],
      ['carol', 0],
    ]);
    expect([r.value, r.unit]).toEqual([4, 'count']);
  });

  it('needs deals or activities, and is not defined when the team has no figure (zero denominator)', () => {
    expect(kpi('repLeaderboard', {})).toMatchObject({ status: 'needs-data', missing: ['deals', 'activities'] });
    expect(kpi('repLeaderboard', { owners, activities: data.activities }, by('quotaAttainment'))).toMatchObject({
      status: 'not-defined',
      reason: 'the team has no quota, so no attainment',
    });
  });
});
