/**
 * Every deal of a column table as a slim object of only the given fields, for a computation that
 * reads a few fields of every deal once (the forecast's rewind and deal table) without making and
 * keeping a whole record per deal; the whole deal at a slot is made when one is shown. Each slim deal
 * carries its slot under a symbol, which a spread copy ({ ...deal }) keeps and nothing else sees.
 */
import { columnTableOf, type ColumnTable } from '../../columns/table';
import type { Deal } from '../../model';

const SLOT = Symbol('slot');
type Slim = Deal & { [SLOT]: number };

export type SlimDeals = { deals: readonly Deal[]; slotOf: (deal: Deal) => number; whole: (slot: number) => Deal };

/** Undefined when the deals are not a column table's (a record array is used as it is). */
export function slimDeals(deals: readonly Deal[], fields: readonly (keyof Deal)[]): SlimDeals | undefined {
  const table = columnTableOf(deals) as ColumnTable<'deal'> | undefined;
  if (!table) return undefined;
  // Every deal's cold and extra chunks, asked for at once (ColdRowsNeeded names exactly the missing ones).
  const slim = table.fieldsOfAll(fields) as unknown as Slim[];
  for (let i = 0; i < slim.length; i += 1) slim[i]![SLOT] = i;
  return { deals: slim, slotOf: (deal) => (deal as Slim)[SLOT], whole: (position) => table.row(position) };
}

export type SlimDealBatches = { batches: Iterable<readonly Deal[]>; slotOf: (deal: Deal) => number; whole: (slot: number) => Deal };

/**
 * `slimDeals` a batch of `size` deals at a time, each batch made when the previous one is done with:
 * a caller that reads every deal once and keeps only what it takes from them holds one batch of
 * objects at a time. The chunks are asked for before the first batch is made (ColdRowsNeeded), and
 * the batches can be gone through once.
 */
export function slimDealBatches(deals: readonly Deal[], fields: readonly (keyof Deal)[], size: number): SlimDealBatches | undefined {
  const table = columnTableOf(deals) as ColumnTable<'deal'> | undefined;
  if (!table) return undefined;
  table.fieldsOfRange(fields, 0, 0); // an empty range: reads no row, asks for the missing chunks now
  function* batches(): Generator<readonly Deal[]> {
    for (let from = 0; from < table!.length; from += size) {
      const slim = table!.fieldsOfRange(fields, from, Math.min(from + size, table!.length)) as unknown as Slim[];
      for (let k = 0; k < slim.length; k += 1) slim[k]![SLOT] = from + k;
      yield slim;
    }
  }
  return { batches: batches(), slotOf: (deal) => (deal as Slim)[SLOT], whole: (position) => table.row(position) };
}

/**
 * The whole deals with the given ids, over a column table: the ids are read from their column and
 * only those deals are made (a look-up map of every deal made them all). Undefined for a record array.
 */
export function wholeDealsById(deals: readonly Deal[], ids: ReadonlySet<string>): ReadonlyMap<string, Deal> | undefined {
  const table = columnTableOf(deals) as ColumnTable<'deal'> | undefined;
  if (!table) return undefined;
  // The last row of an id, as a map built over the array keeps it.
  const at = new Map<string, number>();
  if (ids.size) {
    table.fieldsOfAll(['externalId']).forEach((row, position) => {
      if (ids.has(row.externalId as string)) at.set(row.externalId as string, position);
    });
  }
  return new Map([...at].map(([id, position]) => [id, table.row(position)]));
}

const positionsById = new WeakMap<object, ReadonlyMap<string, readonly number[]>>();

/**
 * Over a column table, the positions of each deal id (read once per table from the id column, no
 * record made), so a rule that looks deals up by id makes only those it finds; undefined for an array.
 */
export function dealPositionsById(deals: readonly Deal[]): ReadonlyMap<string, readonly number[]> | undefined {
  const table = columnTableOf(deals) as ColumnTable<'deal'> | undefined;
  if (!table) return undefined;
  let index = positionsById.get(table);
  if (!index) {
    const made = new Map<string, number[]>();
    table.fieldsOfAll(['externalId']).forEach((row, position) => {
      const id = row.externalId as string;
      const list = made.get(id);
      if (list) list.push(position);
      else made.set(id, [position]);
    });
    positionsById.set(table, (index = made));
  }
  return index;
}
