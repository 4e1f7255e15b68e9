import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../model';
import { doneActivities, doneBy, doneOnDealBy } from './done-activities';

const activity = (id: number, at: number, done: boolean, type: Activity['type'], dealId?: string, ownerId = 'u1'): Activity =>
  ({ source: 's', externalId: `a${id}`, updatedAt: 1, type, ownerId, occurredAt: at, done, ...(dealId !== undefined ? { dealId } : {}) }) as Activity;

describe('done activities index', () => {
  it('gives a deal its done times up to an instant, and calls and meetings by owner', () => {
    const list = [
      activity(1, 30, true, 'call', 'd1'),
      activity(2, 10, true, 'email', 'd1'),
      activity(3, 20, false, 'call', 'd1'),
      activity(4, 40, true, 'meeting', 'd2', 'u2'),
      activity(5, 5, false, 'task'),
    ];
    const index = doneActivities(list);
    expect(doneActivities(list)).toBe(index); // once per array
    const [from, to] = doneOnDealBy(index, 'd1', 29);
    expect([...index.times.subarray(from, to)]).toEqual([10]); // 30 is after the instant; 20 was not done
    expect([...index.times.subarray(...doneOnDealBy(index, 'd1', 30))]).toEqual([10, 30]);
    expect(doneOnDealBy(index, 'none', 100)).toEqual([0, 0]);
    expect([...doneBy(index.calls.get('u1')!, 100)]).toEqual([30]);
    // Calls and meetings by owner are kept in record order (their reader counts a window).
    const two = doneActivities([activity(6, 50, true, 'call', undefined, 'u3'), activity(7, 20, true, 'call', undefined, 'u3')]);
    expect([...two.calls.get('u3')!]).toEqual([50, 20]);
    expect([...doneBy(index.meetings.get('u2')!, 39)]).toEqual([]);
    expect(index.firstAt).toBe(5); // any activity, done or not
  });

  it('equals filtering the records for every deal and instant', () => {
    const arb = fc.array(fc.record({ at: fc.integer({ min: 0, max: 50 }), done: fc.boolean(), deal: fc.constantFrom('d1', 'd2', 'd3', undefined) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(arb, fc.integer({ min: -1, max: 51 }), (rows, asOf) => {
        const list = rows.map((r, i) => activity(i, r.at, r.done, 'call', r.deal));
        const index = doneActivities(list);
        for (const id of ['d1', 'd2', 'd3']) {
          const expected = list
            .filter((a) => a.done && a.dealId === id && a.occurredAt <= asOf)
            .map((a) => a.occurredAt)
            .sort((x, y) => x - y);
          expect([...index.times.subarray(...doneOnDealBy(index, id, asOf))]).toEqual(expected);
        }
      }),
    );
  });

  it('sorts a deal with many activities (the builtin sort past 32) like one with few (insertion sort)', () => {
    const arb = fc.array(fc.record({ at: fc.integer({ min: 0, max: 1000 }), deal: fc.constantFrom('busy', 'busy', 'busy', 'quiet') }), {
      minLength: 0,
      maxLength: 120,
    });
    fc.assert(
      fc.property(arb, (rows) => {
        const list = rows.map((r, i) => activity(i, r.at, true, 'email', r.deal));
        const index = doneActivities(list);
        for (const id of ['busy', 'quiet']) {
          const expected = list
            .filter((a) => a.dealId === id)
            .map((a) => a.occurredAt)
            .sort((x, y) => x - y);
          expect([...index.times.subarray(...doneOnDealBy(index, id, Infinity))]).toEqual(expected);
        }
      }),
    );
  });
});
