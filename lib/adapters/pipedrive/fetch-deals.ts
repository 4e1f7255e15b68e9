import type { LineItem } from '../../model';
import { isCrmError } from '../errors';
import { mapItems } from '../map';
import type { FetchedPage, Reject } from '../types';
import { Pager } from '../pager';
import { PIPEDRIVE_LABEL, type PipedriveContext } from './client';
import { encodeCursor } from '../cursor';
import { mapDeal, toLineItem } from './map-deals';
import type { MapContext } from './map-common';
import { deletedId, pageLimit, rfc3339, v2Page, type CursorState } from './paging';

/** Deals come in three passes: the live list, the archive, and deals deleted in the last 30 days. */
const PHASES = [
  { path: '/deals', query: {} },
  { path: '/deals/archived', query: {} },
  { path: '/deals', query: { status: 'deleted' } },
] as const;
const DELETED_PHASE = 2;
/** `/deals/products` takes at most 100 deal ids, so a deals page is at most 100 deals: one products request covers it. */
const MAX_DEALS_PER_PAGE = 100;
/** 50 pages of 500 lines is 250 lines a deal: far above a real deal, so a CRM past it is looping. */
const MAX_PRODUCT_PAGES = 50;

/**
 * The products of a page of deals in bulk (`GET /v2/deals/products?deal_ids=`),
 * grouped by deal. A plan without products access yields deals without lines
 * rather than no deals.
 */
export async function fetchLineItems(ctx: PipedriveContext, dealIds: readonly string[]): Promise<{ lines: Map<string, LineItem[]>; rejects: Reject[] }> {
  const lines = new Map<string, LineItem[]>();
  const rejects: Reject[] = [];
  if (dealIds.length === 0) return { lines, rejects };
  // A line read twice (a server repeating a page) would double the deal's revenue.
  const seen = new Set<string>();
  const pager = new Pager(PIPEDRIVE_LABEL, 'the products of a page of deals', MAX_PRODUCT_PAGES);
  let cursor: string | undefined;
  for (;;) {
    let result;
    try {
      result = await v2Page(ctx, '/deals/products', cursor, { deal_ids: dealIds.join(','), limit: 500 });
    } catch (error) {
      if (isCrmError(error) && error.kind === 'forbidden') return { lines, rejects };
      throw error;
    }
    for (const raw of result.items) {
      const line = toLineItem(raw);
      if ('line' in line) {
        if (line.lineId !== undefined) {
          if (seen.has(line.lineId)) continue;
          seen.add(line.lineId);
        }
        const list = lines.get(line.dealId) ?? [];
        list.push(line.line);
        lines.set(line.dealId, list);
      } else if (line.reason !== 'disabled or zero-quantity line') {
        rejects.push({ recordType: 'deal', raw, reason: `deal product left off its deal: ${line.reason}` });
      }
    }
    if (!pager.next(result.next?.c)) break;
    cursor = result.next!.c;
  }
  return { lines, rejects };
}

export async function fetchDeals(ctx: PipedriveContext, mctx: MapContext, state: CursorState): Promise<FetchedPage> {
  const phase = PHASES[state.phase];
  if (!phase) return { records: {}, rejects: [], nextCursor: null };
  const query = {
    ...phase.query,
    limit: pageLimit(ctx.pageSize, MAX_DEALS_PER_PAGE),
    updated_since: state.since === null ? undefined : rfc3339(state.since),
  };
  let page;
  try {
    page = await v2Page(ctx, phase.path, state.c, query);
  } catch (error) {
    // An account without the archive endpoint still has its live deals.
    if (isCrmError(error) && error.kind === 'forbidden' && state.phase === 1) page = { items: [], next: null, budget: undefined };
    else throw error;
  }
  const deletedIds: string[] = [];
  const live: unknown[] = [];
  for (const raw of page.items) {
    const id = deletedId(raw, state.phase === DELETED_PHASE);
    if (id !== undefined) deletedIds.push(id);
    else if (state.phase !== DELETED_PHASE) live.push(raw);
  }
  const ids = live.flatMap((raw) => {
    const id = (raw as { id?: unknown } | null)?.id;
    return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? [String(id)] : [];
  });
  const { lines, rejects: lineRejects } = await fetchLineItems(ctx, ids.slice(0, MAX_DEALS_PER_PAGE));
  const { records, rejects } = mapItems(live, (raw) => mapDeal(raw, mctx, lines));
  const next: CursorState | null = page.next
    ? { ...state, c: page.next.c }
    : state.phase + 1 < PHASES.length
      ? { phase: state.phase + 1, since: state.since }
      : null;
  return {
    records,
    rejects: [...rejects, ...lineRejects],
    deleted: deletedIds.length ? { deal: deletedIds } : undefined,
    nextCursor: next ? encodeCursor(next) : null,
    budget: page.budget,
  };
}
