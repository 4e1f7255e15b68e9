/** The lapse list over the column store (deals read as slim rows) equals it over the record arrays. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, tableOver, withColumns } from '../columns';
import { dataArb, queryArb } from '../kpi/test-arbitraries';
import { lapseList } from './insights';

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
});
