import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../model';
import { canonicalPermutation } from './table-helpers';

const deal = (id: string, createdAt: number | undefined, closedAt: number | undefined): Deal =>
  ({
    source: 's',
    externalId: id,
    updatedAt: 1,
    title: id,
    ownerId: 'u1',
    status: closedAt === undefined ? 'open' : 'won',
    lineItems: [],
    ...(createdAt !== undefined ? { createdAt } : {}),
    ...(closedAt !== undefined ? { closedAt } : {}),
  }) as Deal;

/** The straightforward order the merge sort replaced: Array#sort (stable) with the same comparison. */
function referenceOrder(deals: readonly Deal[]): Deal[] {
  const key = (d: Deal) => [d.createdAt ?? -Infinity, d.closedAt ?? Infinity] as const;
  return deals
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const [bornA, closedA] = key(a.d);
      const [bornB, closedB] = key(b.d);
      const byBorn = bornA - bornB;
      if (byBorn) return byBorn;
      const byClose = closedA - closedB;
      if (byClose) return byClose;
      return a.d.externalId < b.d.externalId ? -1 : a.d.externalId > b.d.externalId ? 1 : 0;
    })
    .map((x) => x.d);
}

/** The deals in the canonical order, as the deal table puts its rows. */
function canonicalOrder(deals: readonly Deal[]): Deal[] {
  const order = canonicalPermutation(
    Float64Array.from(deals, (d) => d.createdAt ?? -Infinity),
    Float64Array.from(deals, (d) => d.closedAt ?? Infinity),
    deals.map((d) => d.externalId),
  );
  return Array.from(order, (i) => deals[i] as Deal);
}

describe('canonical order of deals', () => {
  it('orders by creation, then close, then id', () => {
    const list = [deal('b', 2, 5), deal('a', 2, 5), deal('c', 1, undefined), deal('d', undefined, 3), deal('e', 2, 4)];
    expect(canonicalOrder(list).map((d) => d.externalId)).toEqual(['d', 'c', 'e', 'a', 'b']);
  });

  it('equals a stable Array#sort with the same comparison, ties and undated deals included', () => {
    const arb = fc.array(
      fc.record({
        id: fc.constantFrom('d1', 'd2', 'd10', 'x', 'y'), // repeated ids: equal keys keep their input order
        born: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        closed: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const list = rows.map((r) => deal(r.id, r.born, r.closed));
        const got = canonicalOrder(list);
        const want = referenceOrder(list);
        expect(got.length).toBe(want.length);
        got.forEach((d, i) => expect(d).toBe(want[i])); // the same objects in the same places
      }),
    );
  });
});
