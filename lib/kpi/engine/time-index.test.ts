import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound, ownerColumn, rangeOf, timeIndex } from './time-index';

describe('timeIndex', () => {
  it('sorts by time, keeps source order on ties and skips records without a time', () => {
    const times = [30, undefined, 10, 30, 20, 10];
    const index = timeIndex(times.length, (i) => times[i]);
    expect([...index.order]).toEqual([2, 5, 4, 0, 3]); // 10 (2, 5), 20 (4), 30 (0, 3)
    expect([...index.times]).toEqual([10, 10, 20, 30, 30]);
  });

  it('finds [start, end) like a filter would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), { maxLength: 60 }),
        fc.integer({ min: -5, max: 55 }),
        fc.integer({ min: 0, max: 30 }),
        (times, start, length) => {
          const index = timeIndex(times.length, (i) => times[i]);
          const [lo, hi] = rangeOf(index, start, start + length);
          const expected = times.flatMap((t, i) => (t !== undefined && t >= start && t < start + length ? [i] : []));
          expect([...index.order.slice(lo, hi)].sort((a, b) => a - b)).toEqual(expected);
          // Ordered by time, ties in source order.
          const picked = [...index.order.slice(lo, hi)];
          expect(picked).toEqual([...expected].sort((a, b) => (times[a] as number) - (times[b] as number) || a - b));
        },
      ),
    );
  });

  it('orders the same on the general path (a span too wide to pack, fractional instants)', () => {
    const times = [8.64e15, -8.64e15, 0.5, 0, 8.64e15];
    const index = timeIndex(times.length, (i) => times[i]);
    expect([...index.order]).toEqual([1, 3, 2, 0, 4]);
  });

  it('orders many records (the radix path) exactly as a comparison sort does: by time, ties by position', () => {
    // Seeded: spans below 2^16, 2^32 and 2^43 ms each take another number of radix passes; some records have no time.
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (const span of [40_000, 3_000_000_000, 2 ** 40, 2 ** 50]) {
      const times = Array.from({ length: 30_000 }, () =>
        random() < 0.1 ? undefined : 1_400_000_000_000 + Math.floor(random() * span) - (random() < 0.5 ? 0 : span / 2),
      );
      times[5] = times[6]; // a tie
      const index = timeIndex(times.length, (i) => times[i]);
      const expected = times.flatMap((t, i) => (t === undefined ? [] : [i])).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
      expect([...index.order]).toEqual(expected);
      expect([...index.times]).toEqual(expected.map((i) => times[i]));
    }
  });

  it('gives the first position at or above a value', () => {
    const times = Float64Array.from([1, 3, 3, 7]);
    expect([0, 1, 3, 4, 8].map((v) => lowerBound(times, v))).toEqual([0, 0, 1, 3, 4]); // 1 is at 0; 3 first at 1; 4 would go before 7
  });
});

describe('ownerColumn', () => {
  it('numbers owners in order of appearance, -1 for none', () => {
    const owners = ['b', undefined, 'a', 'b'];
    const column = ownerColumn(owners.length, (i) => owners[i]);
    expect([...column.of]).toEqual([0, -1, 1, 0]);
    expect([...column.ids]).toEqual([
      ['b', 0],
      ['a', 1],
    ]);
  });
});
