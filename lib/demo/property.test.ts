import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecord } from '../model';
import { generateDemoData } from './generate';

/**
 * The background generates the demo at `Date.now()` in the user's zone, so any
 * instant, zone and seed must give a sound data set, not just the ones the other
 * tests pin. Small scales keep each run fast.
 */
const ZONES = ['Europe/Berlin', 'Europe/Moscow', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'];

describe('any asOf, zone and seed', () => {
  it('gives valid, time-consistent records', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
        (asOf, timeZone, seed) => {
          const data = generateDemoData({ asOf, timeZone, seed, scale: 0.1 });
          const problems: string[] = [];
          for (const deal of data.deals) {
            const parsed = parseRecord('deal', deal);
            if (!parsed.ok) problems.push(parsed.reason);
            if ((deal.closedAt ?? 0) > asOf || (deal.createdAt ?? 0) > asOf) problems.push(`${deal.externalId} after asOf`);
          }
          for (const activity of data.activities) {
            if (activity.done !== activity.occurredAt <= asOf) problems.push(`${activity.externalId} done=${activity.done} at ${activity.occurredAt}`);
          }
          for (const [type, records] of [['customer', data.customers], ['lead', data.leads], ['mrrMovement', data.mrrMovements], ['quota', data.quotas], ['spend', data.spend]] as const) {
            for (const record of records) {
              const parsed = parseRecord(type, record);
              if (!parsed.ok) problems.push(parsed.reason);
            }
          }
          expect(problems.slice(0, 5)).toEqual([]);
          expect(data.deals.some((deal) => deal.status === 'won')).toBe(true);
          expect(data.spend.length).toBe(13 * 11); // 13 months × 11 spend lines
        },
      ),
      { numRuns: 12, seed: 4242 },
    );
  });
});
