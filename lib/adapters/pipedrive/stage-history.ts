import type { StageVisit } from '../../model';
import { z } from '../../model/zod';
import { isCrmError } from '../errors';
import { parseTimestamp } from '../map';
import { finishVisits } from '../stage-visits';
import type { ApiBudget } from '../types';
import type { PipedriveContext } from './client';
import { v1CursorPage } from './paging';

/**
 * Stage history from `GET /v1/deals/{id}/changelog` ("List updates about deal
 * field values": `field_key`, `old_value`, `new_value`, `time`, cursor paging;
 * 20 tokens), not `/v1/deals/{id}/flow` (40 tokens, every note, activity and
 * mail of the deal mixed in, and its change items untyped in the spec). Both
 * are one request per deal, so a run reads them for a few deals per step
 * (HISTORY_DEALS_PER_STEP, beside the engine's request spacing) and for at most
 * HISTORY_REQUESTS_PER_RUN requests, and stops while the daily token budget is
 * under half its limit; deals left over are carried to the next run.
 */
export const HISTORY_DEALS_PER_STEP = 3;
export const HISTORY_REQUESTS_PER_RUN = 200;
/** Changelog pages per deal: 10 × 100 changes of every field. */
const MAX_CHANGELOG_PAGES = 10;
const CHANGELOG_LIMIT = 100;

const changeSchema = z.lazy(() =>
  z.object({ field_key: z.string(), old_value: z.string().nullish(), new_value: z.string().nullish(), time: z.string().nullish() }),
);
const stageIdValue = /^\d{1,18}$/;

/** Whether the daily token budget is low enough that history reads stop for this run. */
export function budgetLow(budget: ApiBudget | undefined): boolean {
  return budget?.remaining !== undefined && budget.limit !== undefined && budget.limit > 0 && budget.remaining < budget.limit / 2;
}

export type Changelog = { changes: unknown[]; requests: number; budget?: ApiBudget } | { forbidden: true; requests: number };

/** A deal's changelog, every page (newest first, as Pipedrive sends it). */
export async function fetchChangelog(ctx: PipedriveContext, dealId: string): Promise<Changelog> {
  const changes: unknown[] = [];
  let cursor: string | undefined;
  let requests = 0;
  let budget: ApiBudget | undefined;
  try {
    for (let page = 0; page < MAX_CHANGELOG_PAGES; page += 1) {
      const result = await v1CursorPage(ctx, `/deals/${dealId}/changelog`, cursor, { limit: CHANGELOG_LIMIT });
      requests += 1;
      budget = result.budget ?? budget;
      changes.push(...result.items);
      if (!result.next?.c || result.next.c === cursor) break;
      cursor = result.next.c;
    }
  } catch (error) {
    // A token without `recents:read`, or a plan without the changelog: no history, the deal still syncs.
    if (isCrmError(error) && error.kind === 'forbidden') return { forbidden: true, requests: requests + 1 };
    throw error;
  }
  return { changes, requests, budget };
}

export type DealTimes = { stageId: string | undefined; addTime: number | undefined; stageChangeTime: number | undefined; updatedAt: number };

/**
 * A deal's visits. Without its changelog: a deal whose stage never changed
 * (`stage_change_time` empty) has been in it since `add_time`, which is its
 * whole history; one that moved is known to be in its stage since
 * `stage_change_time`, and nothing before (`complete: false`). With the
 * changelog: each `stage_id` change is a visit of `new_value` at `time`, and
 * the first change's `old_value` is the stage the deal was added in (unless a
 * change could not be read). A change without a stage id or a readable time is
 * skipped and returned for the note.
 */
export function dealVisits(
  deal: DealTimes,
  changelog: readonly unknown[] | undefined,
): { visits: StageVisit[] | undefined; unreadable: unknown[]; complete: boolean } {
  const current = { stageId: deal.stageId, enteredAt: deal.stageChangeTime, updatedAt: deal.updatedAt };
  if (changelog === undefined) {
    const since = deal.stageChangeTime ?? deal.addTime;
    const visits = deal.stageId !== undefined && since !== undefined ? [{ stageId: deal.stageId, enteredAt: since }] : [];
    return { visits: finishVisits(visits, current), unreadable: [], complete: deal.stageChangeTime === undefined };
  }
  const moves: { from: string | undefined; to: string; at: number }[] = [];
  const unreadable: unknown[] = [];
  for (const raw of changelog) {
    const change = changeSchema.safeParse(raw);
    if (change.success && change.data.field_key !== 'stage_id') continue;
    const at = change.success ? parseTimestamp(change.data.time) : undefined;
    const to = change.success ? change.data.new_value : undefined;
    if (!change.success || at === undefined || !to || !stageIdValue.test(to)) {
      unreadable.push(raw);
      continue;
    }
    const from = change.data.old_value && stageIdValue.test(change.data.old_value) ? change.data.old_value : undefined;
    moves.push({ from, to, at });
  }
  moves.sort((a, b) => a.at - b.at);
  if (moves.length === 0 && deal.stageChangeTime !== undefined) {
    // The deal moved, yet its changelog shows no move (older than the changelog): only the current stage is known.
    return { ...dealVisits(deal, undefined), unreadable };
  }
  const visits: StageVisit[] = moves.map((move) => ({ stageId: move.to, enteredAt: move.at }));
  const first = moves[0];
  const added = first ? first.from : deal.stageId;
  // After an unreadable change, the first readable one's old stage may not be the one the deal was added in.
  if (added !== undefined && deal.addTime !== undefined && unreadable.length === 0 && (!first || deal.addTime <= first.at))
    visits.unshift({ stageId: added, enteredAt: deal.addTime });
  return { visits: finishVisits(visits, current), unreadable, complete: true };
}
