import { describe, expect, it } from 'vitest';
import { periodContaining } from '../period';
import { queryBasics } from './query';
import { computeTeamBoard } from './team';
import { AS_OF, fixtureData, settingsFor, ZONE } from './test-fixture';

const data = fixtureData();
const basics = queryBasics(settingsFor('ann'), ZONE);
const period = periodContaining('month', AS_OF, basics.calendar);
const query = { ...basics, asOf: AS_OF, period };
const team = (viewerId: string, canSeePeers: boolean) => ({ teamId: 't1', members: ['ann', 'bob', 'lea'], viewerId, canSeePeers, teamName: 'North' });

describe('team board', () => {
  it('ranks the team by won amount with the total and median (for the lead, who carries no quota and is not ranked)', () => {
    const board = computeTeamBoard(data, query, team('lea', true), 'wonAmount');
    expect(board.rows.map((row) => [row.rank, row.ownerId, row.value])).toEqual([
      [1, 'bob', 700_000], // 7,000.00
      [2, 'ann', 400_000], // 3,000 + 1,000
    ]);
    expect(board.total).toBe(1_150_000); // the team's: 7,000 + 4,000 + Lea's 500 = 11,500.00; Oli is in another team
    expect(board.median).toBe(550_000); // of the ranked reps: (4,000 + 7,000) ÷ 2
    expect(board.peersHidden).toBe(false);
    expect(board.viewerRank).toBeNull();
    expect(board.excluded).toEqual([{ count: 1, reason: 'Lea Lead: team lead without a quota of their own, not ranked' }]);
  });

  it('ranks a lead who carries a quota of their own, like any rep', () => {
    const quotas = [
      ...fixtureData().quotas,
      {
        source: 'crm',
        externalId: 'q-lea',
        updatedAt: 0,
        ownerId: 'lea',
        periodKind: 'month' as const,
        startDate: '2026-11-01',
        endDate: '2026-12-01',
        amount: { minor: 200_000, currency: 'USD' },
      },
    ];
    const rows: [string, ReturnType<typeof fixtureData>, [number, string, number][], number | null][] = [
      [
        'no quota',
        data,
        [
          [1, 'bob', 700_000],
          [2, 'ann', 400_000],
        ],
        null,
      ],
      [
        'a November quota of 2,000',
        fixtureData({ quotas }),
        [
          [1, 'bob', 700_000],
          [2, 'ann', 400_000],
          [3, 'lea', 50_000],
        ],
        3,
      ], // 500 won: third
    ];
    for (const [, input, ranked, leadRank] of rows) {
      const board = computeTeamBoard(input, query, team('lea', true), 'wonAmount');
      expect(board.rows.map((row) => [row.rank, row.ownerId, row.value])).toEqual(ranked);
      expect(board.viewerRank).toBe(leadRank);
    }
  });

  it("gives a rep their own row and rank only, and nothing of their peers' numbers", () => {
    const board = computeTeamBoard(data, query, team('ann', false), 'wonAmount');
    expect(board.rows).toHaveLength(1);
    expect(board.rows[0]).toMatchObject({ ownerId: 'ann', rank: 2, value: 400_000, isViewer: true });
    expect(board.viewerRank).toBe(2);
    expect(board.reps).toBe(2); // Bob and Ann; the lead carries no quota and is not ranked
    expect(board.total).toBeUndefined();
    expect(board.median).toBeUndefined();
    const sent = JSON.stringify(board);
    for (const secret of ['Bob', 'bob', 'Lea', '700000', '50000', '1150000']) expect(sent).not.toContain(secret);
    expect(board.heatMap.rows.map((row) => row.ownerId)).toEqual(['ann']);
  });

  it('ranks by quota attainment, leaving out reps without a quota', () => {
    const board = computeTeamBoard(data, query, team('lea', true), 'quotaAttainment');
    expect(board.rows.map((row) => [row.ownerId, row.value])).toEqual([
      ['bob', 70], // 7,000 of 10,000
      ['ann', 50], // 4,000 of 8,000
    ]);
    expect(board.excluded?.[0]?.reason).toContain('Lea Lead');
  });

  it('maps done activities per rep per day', () => {
    const board = computeTeamBoard(data, query, team('lea', true), 'activities');
    expect(board.heatMap.unit).toBe('day');
    expect(board.heatMap.buckets).toHaveLength(18); // November 1–18: days after "now" are left out
    const row = (id: string) => board.heatMap.rows.find((r) => r.ownerId === id)!.counts;
    expect(row('ann')[15]).toBe(2); // two calls on the 16th
    expect(row('ann')[16]).toBe(1); // an email on the 17th
    expect(row('ann').reduce((a, b) => a + b, 0)).toBe(3); // the planned call of the 19th is not done
    expect(row('bob')[15]).toBe(1);
    expect(row('lea').every((count) => count === 0)).toBe(true);
  });
});
