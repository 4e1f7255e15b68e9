/**
 * How the pipeline moved during a week, for the moves the KPI catalogue has no KPI for: advanced and
 * slipped. (New, won and lost are the catalogue's own figures: deals created, won and lost in the week.)
 */
import type { Deal, Stage, StageVisit } from '../../model';

export type StageBook = {
  stages: ReadonlyMap<string, Stage>;
  /** Index of each stage in its pipeline, stages ordered by `order` then id (as lib/kpi orders them). */
  position: ReadonlyMap<string, number>;
};

export function stageBook(stages: readonly Stage[]): StageBook {
  const byPipeline = new Map<string, Stage[]>();
  for (const stage of stages) {
    const list = byPipeline.get(stage.pipelineId) ?? [];
    list.push(stage);
    byPipeline.set(stage.pipelineId, list);
  }
  const position = new Map<string, number>();
  for (const list of byPipeline.values()) {
    list.sort((a, b) => a.order - b.order || (a.externalId < b.externalId ? -1 : 1));
    list.forEach((stage, i) => position.set(stage.externalId, i));
  }
  return { stages: new Map(stages.map((stage) => [stage.externalId, stage])), position };
}

export type Movement = { deal: Deal; move: 'advanced' | 'slipped'; from?: string; to?: string; why?: 'moved-back' | 'due-in-week' };

/**
 * Advanced and slipped deals of the week `[start, end)`. Both concern the pipeline the week began
 * with: deals created before the week (or with no created date) that were not closed before it, and
 * that did not close during it (those are won or lost).
 * - **advanced**: the deal's stage at the end of the week is later in its pipeline than its stage at
 *   the start. A deal's stage at an instant is the last stage-history visit entered before it, so a
 *   move forward and back within the same week is no move. Needs stage history.
 * - **slipped**: it moved back to an earlier stage (the same comparison), or its expected close date
 *   falls in the week and it was still open when the week ended. The CRM data holds only the current
 *   expected close date: a deal whose date the rep pushed past the week shows its new date and is not
 *   caught; one left with a date inside the week is.
 */
export function classifyMoves(deals: Iterable<Deal>, week: { start: number; end: number }, book: StageBook): Movement[] {
  const moves: Movement[] = [];
  for (const deal of deals) {
    const closedAt = deal.status === 'open' ? undefined : deal.closedAt;
    if (deal.status !== 'open' && closedAt === undefined) continue; // closed, but when is unknown
    if (deal.createdAt !== undefined && deal.createdAt >= week.start) continue; // new this week
    if (closedAt !== undefined && closedAt < week.end) continue; // closed before or during the week
    const history = sortedVisits(deal.stageHistory);
    const from = stageAt(history, week.start);
    const to = stageAt(history, week.end);
    const step = from !== undefined && to !== undefined ? stepBetween(book, from, to) : 0;
    if (step > 0) {
      moves.push({ deal, move: 'advanced', from, to });
    } else if (step < 0) {
      moves.push({ deal, move: 'slipped', from, to, why: 'moved-back' });
    } else if (deal.expectedCloseAt !== undefined && deal.expectedCloseAt >= week.start && deal.expectedCloseAt < week.end) {
      moves.push({ deal, move: 'slipped', why: 'due-in-week' });
    }
  }
  return moves;
}

/** Whether the data can tell each move: stage history for advanced, it or expected close dates for slipped. */
export function movesAvailable(deals: readonly Deal[]): { advanced: boolean; slipped: boolean } {
  let history = false;
  let expected = false;
  for (const deal of deals) {
    if (deal.stageHistory?.length) history = true;
    if (deal.expectedCloseAt !== undefined) expected = true;
    if (history && expected) break;
  }
  return { advanced: history, slipped: history || expected };
}

function sortedVisits(visits: readonly StageVisit[] | undefined): readonly StageVisit[] {
  if (!visits?.length) return [];
  const sorted = visits.every((visit, i) => i === 0 || (visits[i - 1] as StageVisit).enteredAt <= visit.enteredAt);
  return sorted ? visits : [...visits].sort((a, b) => a.enteredAt - b.enteredAt);
}

/** The stage entered last before `at` (visits sorted by time); undefined when the history starts later. */
function stageAt(history: readonly StageVisit[], at: number): string | undefined {
  let stage: string | undefined;
  for (const visit of history) {
    if (visit.enteredAt >= at) break;
    stage = visit.stageId;
  }
  return stage;
}

/** + when `to` is later than `from` in the same pipeline, − when earlier, 0 when equal or not comparable. */
function stepBetween(book: StageBook, from: string, to: string): number {
  if (from === to) return 0;
  const a = book.stages.get(from);
  const b = book.stages.get(to);
  if (!a || !b || a.pipelineId !== b.pipelineId) return 0;
  return Math.sign((book.position.get(to) ?? 0) - (book.position.get(from) ?? 0));
}
