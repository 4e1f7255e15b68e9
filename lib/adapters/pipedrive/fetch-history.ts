import { encodeCursor } from '../cursor';
import { isCrmError } from '../errors';
import { mapItems } from '../map';
import { unreadableHistoryNote } from '../stage-visits';
import type { FetchedPage } from '../types';
import { z } from '../../model/zod';
import { PIPEDRIVE_LABEL, type PipedriveContext } from './client';
import { fetchLineItems } from './line-items';
import type { MapContext } from './map-common';
import { mapDeal } from './map-deals';
import { deletedId, v2Page, type CursorState, type RawPage } from './paging';
import { budgetLow, fetchChangelog, HISTORY_DEALS_PER_STEP, HISTORY_REQUESTS_PER_RUN } from './stage-history';

/** The deals chain's last phase, after the live, archived and deleted ones: stage histories. */
export const HISTORY_PHASE = 3;
/** Deals waiting for their history, at most; past it the oldest wait for their next change (their records say since when they are in their stage). */
export const MAX_PENDING = 10_000;

const carrySchema = z.lazy(() => z.object({ pending: z.array(z.string().regex(/^\d{1,18}$/)).max(MAX_PENDING) }));

/** Adds deal ids to the queue once each, keeping the queue's order, within MAX_PENDING. */
export function queue(pending: readonly string[] | undefined, more: readonly string[]): string[] {
  const out = [...(pending ?? [])];
  const seen = new Set(out);
  for (const id of more) {
    if (seen.has(id) || out.length >= MAX_PENDING) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/** What the previous run carried (deals whose history it could not afford); unreadable carries are dropped. */
export function readCarry(carried: string | null | undefined): string[] {
  if (!carried) return [];
  try {
    const parsed = carrySchema.safeParse(JSON.parse(carried));
    return parsed.success ? parsed.data.pending : [];
  } catch {
    return [];
  }
}

const idOf = (raw: unknown): string | undefined => {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? String(id) : undefined;
};
const moved = (raw: unknown): boolean => {
  const time = (raw as { stage_change_time?: unknown } | null)?.stage_change_time;
  return typeof time === 'string' && time.trim() !== '';
};

async function dealsByIds(ctx: PipedriveContext, ids: readonly string[]): Promise<RawPage> {
  const live = await v2Page(ctx, '/deals', undefined, { ids: ids.join(','), limit: 100 });
  const found = new Set(live.items.map(idOf));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return live;
  try {
    const archived = await v2Page(ctx, '/deals/archived', undefined, { ids: missing.join(','), limit: 100 });
    return { items: [...live.items, ...archived.items], next: null, budget: archived.budget ?? live.budget };
  } catch (error) {
    if (isCrmError(error) && error.kind === 'forbidden') return live;
    throw error;
  }
}

/**
 * One step of stage histories: a few queued deals read again (`GET /v2/deals?ids=`, then the archive
 * for any not found), with their products and changelogs, and written whole with their history. When
 * the run's history requests are spent, or the daily token budget is under half, the queue left over
 * is carried to the next run (FetchedPage.carry).
 */
export async function fetchHistoryStep(ctx: PipedriveContext, mctx: MapContext, state: CursorState): Promise<FetchedPage> {
  let used = state.used ?? 0;
  const pending = state.pending ?? [];
  const finish = (left: readonly string[]): FetchedPage => ({
    records: {},
    rejects: [],
    nextCursor: null,
    carry: left.length ? JSON.stringify({ pending: left }) : undefined,
  });
  if (pending.length === 0 || used >= HISTORY_REQUESTS_PER_RUN) return finish(pending);
  const batch = pending.slice(0, HISTORY_DEALS_PER_STEP);
  const page = await dealsByIds(ctx, batch);
  let budget = page.budget;
  const live = page.items.filter((raw) => deletedId(raw) === undefined && idOf(raw) !== undefined);
  const changelogs = new Map<string, unknown[]>();
  const left: string[] = [];
  let noAccess = false;
  for (const raw of live) {
    const id = idOf(raw)!;
    if (!moved(raw)) continue; // never moved: its record is whole without a changelog
    if (noAccess || budgetLow(budget) || used >= HISTORY_REQUESTS_PER_RUN) {
      left.push(id);
      continue;
    }
    const log = await fetchChangelog(ctx, id);
    used += log.requests;
    if ('forbidden' in log) {
      noAccess = true;
      continue;
    }
    budget = log.budget ?? budget;
    changelogs.set(id, log.changes);
  }
  const written = live.filter((raw) => !left.includes(idOf(raw)!) && (!moved(raw) || changelogs.has(idOf(raw)!)));
  const { lines, rejects: lineRejects } = await fetchLineItems(
    ctx,
    written.map((raw) => idOf(raw)!),
  );
  const history = { changelogs, unreadable: [] as unknown[] };
  const { records, rejects } = mapItems(written, (raw) => mapDeal(raw, mctx, lines, history));
  const out: FetchedPage = {
    records,
    rejects: [...rejects, ...lineRejects, ...unreadableHistoryNote(PIPEDRIVE_LABEL, history.unreadable)],
    nextCursor: null,
    budget,
  };
  // Without changelog access there is nothing more to read, in this run or the next.
  const rest = noAccess ? [] : [...left, ...pending.slice(HISTORY_DEALS_PER_STEP)];
  if (rest.length === 0 || left.length > 0 || used >= HISTORY_REQUESTS_PER_RUN) return { ...out, carry: finish(rest).carry };
  return { ...out, nextCursor: encodeCursor({ ...state, pending: rest, used }) };
}
