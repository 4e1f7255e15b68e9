import { DAY_MS } from '../period/units';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { finishVisits, MAX_STAGE_VISITS, unreadableHistoryNote } from './stage-visits';

const T = Date.parse('2024-01-01T00:00:00Z');
const v = (stageId: string, day: number) => ({ stageId, enteredAt: T + day * DAY_MS });

describe('finishVisits: a CRM history as the deal model wants it', () => {
  it.each([
    ['sorted by time', [v('b', 2), v('a', 1)], { stageId: 'b', enteredAt: undefined }, [v('a', 1), v('b', 2)]],
    ['the same stage at the same instant once', [v('a', 1), v('a', 1), v('b', 2)], { stageId: 'b', enteredAt: undefined }, [v('a', 1), v('b', 2)]],
    ['the current stage added at its own entry time when after every other', [v('a', 1)], { stageId: 'b', enteredAt: T + 3 * DAY_MS }, [v('a', 1), v('b', 3)]],
    // updatedAt is day 10: the latest the current stage can have been entered
    ['the current stage added at the last change when its entry time is unknown', [v('a', 1)], { stageId: 'b', enteredAt: undefined }, [v('a', 1), v('b', 10)]],
    [
      '…or when its entry time is before another entry (a revisit the CRM keeps one date of)',
      [v('b', 1), v('a', 4)],
      { stageId: 'b', enteredAt: T + DAY_MS },
      [v('b', 1), v('a', 4), v('b', 10)],
    ],
    ['nothing from the CRM: no history, not a guess', [], { stageId: 'b', enteredAt: undefined }, undefined],
  ])('%s', (_name, visits, current, expected) => {
    expect(finishVisits(visits, { ...current, updatedAt: T + 10 * DAY_MS })).toEqual(expected);
  });

  it('for any history: in time order, at most 1,000, ending in the current stage, every entry but the added one from the CRM', () => {
    const visit = fc.record({ stageId: fc.constantFrom('a', 'b', 'c'), enteredAt: fc.integer({ min: T, max: T + 400 * DAY_MS }) });
    fc.assert(
      fc.property(
        fc.array(visit, { minLength: 1, maxLength: 1300 }),
        fc.constantFrom('a', 'b', 'c'),
        fc.integer({ min: T, max: T + 500 * DAY_MS }),
        (visits, current, updatedAt) => {
          const out = finishVisits(visits, { stageId: current, enteredAt: undefined, updatedAt })!;
          expect(out.length).toBeLessThanOrEqual(MAX_STAGE_VISITS);
          for (let i = 1; i < out.length; i += 1) expect(out[i]!.enteredAt).toBeGreaterThanOrEqual(out[i - 1]!.enteredAt);
          expect(out.at(-1)!.stageId).toBe(current);
          const keys = new Set(visits.map((x) => `${x.stageId}@${x.enteredAt}`));
          expect(out.slice(0, -1).every((x) => keys.has(`${x.stageId}@${x.enteredAt}`))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('unreadableHistoryNote', () => {
  it('one note per page with the count and at most five of the rows; none when all were read', () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({ row: i }));
    expect(unreadableHistoryNote('HubSpot', rows)).toEqual([
      {
        recordType: 'unknown',
        raw: { skippedStageHistoryRows: 7, sample: rows.slice(0, 5) },
        reason: expect.stringMatching(/^7 HubSpot stage history entries could not be read and were skipped/),
      },
    ]);
    expect(unreadableHistoryNote('HubSpot', [])).toEqual([]);
  });
});
