/** The lapse list, the at-risk deals and the previous trend over the column store equal them over the record arrays. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, tableOver, withColumns } from '../columns';
import { dataArb, queryArb } from '../kpi/test-arbitraries';
import { computeKpis } from '../kpi';
import { previousTrend } from './charts';
import { atRiskDeals, lapseList } from './insights';

describe('lapse list over the column store', () => {
  it('equals the list over the record arrays, and makes no deal record (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, queryArb, fc.constantFrom<'all' | string[]>('all', ['alice'], ['bob', 'carol']), async (data, query, owners) => {
        const table = tableOver('test', 'deal', chunksOf('test', 'deal', data.deals));
        const plain = tableOver('test', 'deal', chunksOf('test', 'deal', data.deals));
        await plain.loadCold('cold', 'all');
        await plain.loadCold('extra', 'all');
        const options = { asOf: query.asOf, timeZone: query.calendar.timeZone, currency: query.currency };
        const scope = owners === 'all' ? 'all' : new Set(owners);
        const fromColumns = await withColumns(() => lapseList({ ...data, deals: table.records() }, scope, options));
        expect(fromColumns).toEqual(lapseList({ ...data, deals: [...plain.records()] }, scope, options));
        expect((table as unknown as { made: unknown[] }).made.filter(Boolean).length).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('lists the at-risk deals and counts the previous trend as over the record arrays, making only the shown deals (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        dataArb,
        queryArb,
        fc.constantFrom<'all' | string[]>('all', ['alice']),
        fc.constantFrom('day' as const, 'week' as const),
        async (data, query, owners, unit) => {
          const deals = tableOver('test', 'deal', chunksOf('test', 'deal', data.deals));
          const activities = tableOver('test', 'activity', chunksOf('test', 'activity', data.activities));
          const plain = tableOver('test', 'deal', chunksOf('test', 'deal', data.deals));
          await plain.loadCold('cold', 'all');
          await plain.loadCold('extra', 'all');
          const columns = { ...data, deals: deals.records(), activities: activities.records() };
          const records = { ...data, deals: [...plain.records()] };
          const stale = computeKpis(records, { ...query, kpis: ['staleDeals'] }).staleDeals;
          const fromColumns = await withColumns(() => atRiskDeals(columns, stale, 3));
          expect(fromColumns).toEqual(atRiskDeals(records, stale, 3));
          // Without activities, knowsActivity (data-clock.ts) looks for a deal's last-activity date deal by deal.
          if (data.activities.length) expect((deals as unknown as { made: unknown[] }).made.filter(Boolean).length).toBeLessThanOrEqual(3);
          const scope = owners === 'all' ? 'all' : new Set(owners);
          expect(await withColumns(() => previousTrend(columns, scope, query.period, unit, 40, query.calendar))).toEqual(
            previousTrend(records, scope, query.period, unit, 40, query.calendar),
          );
          expect((activities as unknown as { made: unknown[] }).made.filter(Boolean).length).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
