/**
 * The deals a forecast learns from, however the caller holds them. Record arrays are used as they
 * are. Over the column store (the worker) every deal is read as a slim object of only the fields the
 * rewind and the deal table read, a batch at a time, and a whole deal is made only for the few the
 * forecast shows: a cold worker's forecast used to make and keep a hundred thousand whole deals, and
 * then a hundred thousand slim ones with their histories and line items (80 MB at team scale).
 */
import { slimDealBatches, type SlimDeals } from '../kpi';
import type { Deal } from '../model';

/** What the rewind (known-at.ts, known-at-rules.ts) and the deal table (deal-table.ts) read of a deal. */
const READ: readonly (keyof Deal)[] = [
  'externalId',
  'ownerId',
  'status',
  'createdAt',
  'closedAt',
  'firstContactAt',
  'lastActivityAt',
  'updatedAt',
  'stageId',
  'stageHistory',
  'lineItems',
  'amount',
  'convertedAmount',
];

/** Deals this many at a time: a few megabytes of slim objects, and few enough batches that each costs nothing. */
const BATCH = 4096;

export type DealBatches = { batches: Iterable<readonly Deal[]>; whole?: Omit<SlimDeals, 'deals'> };

/** The deals `size` at a time (a record array is one batch), with where each whole deal is. */
export function dealBatches(deals: readonly Deal[], size = BATCH): DealBatches {
  const slim = slimDealBatches(deals, READ, size);
  return slim ? { batches: slim.batches, whole: { slotOf: slim.slotOf, whole: slim.whole } } : { batches: [deals] };
}
