/**
 * The deals that exist as of an instant, looked up by id (a lead's converted deal), kept per deals
 * array and instant (arrays are immutable inputs, see columns.ts). Among copies of an id the one
 * indexById prefers. Over the column store only the deals looked up are made: a map of every deal
 * made a hundred thousand records in a cold worker's first catalogue.
 */
import { columnTableOf } from '../../columns/table';
import type { Deal } from '../../model';
import { dealExistsAt } from '../shared/as-of';
import { indexById } from './records';
import { dealPositionsById } from './slim-deals';

export type DealLookup = (id: string) => Deal | undefined;

const lookups = new WeakMap<readonly Deal[], { asOf: number; get: DealLookup }>();

export function existingDealById(deals: readonly Deal[], asOf: number): DealLookup {
  let entry = lookups.get(deals);
  if (!entry || entry.asOf !== asOf) {
    entry = { asOf, get: lookupOf(deals, asOf) };
    lookups.set(deals, entry);
  }
  return entry.get;
}

/**
 * Nothing is indexed until the first lookup: every query's context holds one, and most KPIs never
 * look a deal up (over the column store, a team's hundred thousand deal ids and their cold chunks took
 * 56 ms of a cold worker's first pinned query).
 */
function lookupOf(deals: readonly Deal[], asOf: number): DealLookup {
  if (!columnTableOf(deals)) {
    let map: ReadonlyMap<string, Deal> | undefined;
    return (id) => (map ??= indexById(deals.filter((deal) => dealExistsAt(deal, asOf)))).get(id);
  }
  let positions: ReadonlyMap<string, readonly number[]> | undefined;
  const found = new Map<string, Deal | undefined>();
  return (id) => {
    if (!found.has(id)) {
      positions ??= dealPositionsById(deals)!;
      const existing = (positions.get(id) ?? []).map((i) => deals[i] as Deal).filter((deal) => dealExistsAt(deal, asOf));
      found.set(id, indexById(existing).get(id));
    }
    return found.get(id);
  };
}
