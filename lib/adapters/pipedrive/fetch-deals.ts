import { isCrmError } from '../errors';
import { mapItems } from '../map';
import type { FetchedPage } from '../types';
import { PIPEDRIVE_LABEL, type PipedriveContext } from './client';
import { encodeCursor } from '../cursor';
import { fetchLineItems } from './line-items';
import { mapDeal } from './map-deals';
import type { MapContext } from './map-common';
import { deletedId, pageLimit, rfc3339, v2Page, type CursorState } from './paging';
import { fetchHistoryStep, HISTORY_PHASE, queue } from './fetch-history';
import { unreadableHistoryNote } from '../stage-visits';

/** Deals come in three passes: the live list, the archive, and deals deleted in the last 30 days. */
const PHASES = [
  { path: '/deals', query: {} },
  { path: '/deals/archived', query: {} },
  { path: '/deals', query: { status: 'deleted' } },
] as const;
const DELETED_PHASE = 2;
/** `/deals/products` takes at most 100 deal ids, so a deals page is at most 100 deals: one products request covers it. */
const MAX_DEALS_PER_PAGE = 100;

/**
 * One page of deals. After the three passes, the deals that moved get their stage history
 * (fetch-history.ts, HISTORY_PHASE), within the run's budget.
 */
export async function fetchDeals(ctx: PipedriveContext, mctx: MapContext, state: CursorState): Promise<FetchedPage> {
  if (state.phase === HISTORY_PHASE) return fetchHistoryStep(ctx, mctx, state);
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
  const history = { unreadable: [] as unknown[], partial: [] as string[] };
  const { records, rejects } = mapItems(live, (raw) => mapDeal(raw, mctx, lines, history));
  // Deals that moved get their history read after the last phase (fetch-history.ts); their records until then say since when they are in their stage.
  const pending = queue(state.pending, history.partial);
  const next: CursorState | null = page.next
    ? { ...state, c: page.next.c, pending }
    : state.phase + 1 < PHASES.length
      ? { phase: state.phase + 1, since: state.since, pending, used: state.used }
      : pending.length
        ? { phase: HISTORY_PHASE, since: state.since, pending, used: state.used }
        : null;
  return {
    records,
    rejects: [...rejects, ...lineRejects, ...unreadableHistoryNote(PIPEDRIVE_LABEL, history.unreadable)],
    deleted: deletedIds.length ? { deal: deletedIds } : undefined,
    nextCursor: next ? encodeCursor(next) : null,
    budget: page.budget,
  };
}
