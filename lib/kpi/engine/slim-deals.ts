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
