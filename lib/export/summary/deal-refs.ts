/** Deals as the summary lists them: title, owner, stage and amount in the summary currency. */
import type { KpiData } from '../../kpi/types';
import type { Deal } from '../../model';
import { toReporting } from '../../money/convert';
import type { CurrencyOptions } from '../../money/types';
import type { StageBook } from './pipeline-change';
import type { DealRef } from './types';

export type DealBook = {
  byId: ReadonlyMap<string, Deal>;
  ownerNames: ReadonlyMap<string, string>;
  stages: StageBook;
  currency: CurrencyOptions;
};

export function dealBook(data: KpiData, stages: StageBook, currency: CurrencyOptions): DealBook {
  return {
    byId: new Map(data.deals.map((deal) => [deal.externalId, deal])),
    ownerNames: new Map(data.owners.map((owner) => [owner.externalId, owner.name])),
    stages,
    currency,
  };
}

/** Amount in the summary currency, converted exactly as lib/kpi converts it (undefined = left out). */
export function amountOf(deal: Deal, currency: CurrencyOptions): number | undefined {
  const conversion = toReporting(deal.amount, deal.convertedAmount, currency);
  return conversion.ok ? conversion.minor : undefined;
}

export function stageName(book: DealBook, stageId: string | undefined): string | undefined {
  if (stageId === undefined) return undefined;
  // CSV imports name stages without stage records; their id is the CRM's own stage text.
  return book.stages.stages.get(stageId)?.name ?? stageId;
}

export function dealRef(book: DealBook, deal: Deal): DealRef {
  const ref: DealRef = {
    id: deal.externalId,
    title: deal.title.trim() || deal.externalId,
    owner: book.ownerNames.get(deal.ownerId) ?? deal.ownerId,
  };
  if (deal.url !== undefined) ref.url = deal.url;
  const stage = deal.status === 'open' ? stageName(book, deal.stageId) : undefined;
  if (stage !== undefined) ref.stage = stage;
  const amount = amountOf(deal, book.currency);
  if (amount !== undefined) ref.amount = amount;
  if (deal.expectedCloseAt !== undefined) ref.expectedCloseAt = deal.expectedCloseAt;
  return ref;
}

/** Largest amount first; deals without an amount last; then the earliest expected close, then id. */
export function byAmount(a: DealRef, b: DealRef): number {
  const x = a.amount ?? -Infinity;
  const y = b.amount ?? -Infinity;
  if (x !== y) return y > x ? 1 : -1;
  const ea = a.expectedCloseAt ?? Infinity;
  const eb = b.expectedCloseAt ?? Infinity;
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Count, summed amount and the largest `size` of a list of deal refs. */
export function rollUp<T extends DealRef>(refs: T[], size: number): { count: number; amount: number; withoutAmount: number; deals: T[] } {
  let amount = 0;
  let withoutAmount = 0;
  for (const ref of refs) {
    if (ref.amount === undefined) withoutAmount += 1;
    else amount += ref.amount;
  }
  return { count: refs.length, amount, withoutAmount, deals: [...refs].sort(byAmount).slice(0, size) };
}
