import { DAY_MS } from '../period/units';
import type { StageVisit } from '../model';
import { PIPELINES, type PipelineKey } from './catalog';
import type { DemoContext } from './context';
import { stageId } from './org';
import type { Rng } from './random';

/** How a deal ends, decided when it is created: won, lost, or stuck (the CRM clutter reps forget). */
export type Outcome = 'won' | 'lost' | 'stalled';

export type Timeline = {
  status: 'open' | 'won' | 'lost';
  /** What the deal was going to do; an open deal with outcome `won` closes at `plannedEnd`. */
  outcome: Outcome;
  /** When the deal was going to be decided (after asOf for a deal still in flight). */
  plannedEnd: number;
  stageHistory: StageVisit[];
  stageId: string;
  /** Index of the current (or last) stage in its pipeline. */
  stageIndex: number;
  closedAt?: number;
  /** A date-only CRM field: local midnight of the expected day. */
  expectedCloseAt: number;
  /** Activities on the deal happen in [createdAt, activeUntil]. */
  activeUntil: number;
  /** Open and stuck: no activity since `activeUntil`. */
  stalled: boolean;
  /** Lost because it went quiet: the rep closed it at a pipeline clean-up, long after the last touch. */
  wentDark: boolean;
};

/** Deals that do not win drop out early more often than late (weights per stage reached). */
const DROP_WEIGHTS = [30, 25, 20, 13, 8, 4];

/**
 * A deal that went quiet stays open until someone clears it out: most at the next
 * pipeline review, a month or two after the last touch; a few are forgotten for
 * months. Those few are the dead deals of a clean-up list; the rest are the deals
 * "at risk", idle for weeks.
 */
const CLEARED_AFTER_DAYS: readonly [number, number] = [30, 75];
const FORGOTTEN_AFTER_DAYS: readonly [number, number] = [90, 240];
const FORGOTTEN = 0.18;

/**
 * Lays a deal out in time: its stage visits from creation to its planned end. A deal
 * whose planned end is after asOf is still open, in the stage it has reached by then.
 */
export function placeDeal(ctx: DemoContext, rng: Rng, pipeline: PipelineKey, createdAt: number, outcome: Outcome, cycleDays: number): Timeline {
  const plannedEnd = ctx.cal.workTimeFrom(rng, createdAt + Math.round(cycleDays * DAY_MS));
  return layoutDeal(ctx, rng, pipeline, createdAt, outcome, plannedEnd);
}

/** The same, for a planned end chosen by the caller (a deal pulled in or slipped, see closing.ts). */
export function layoutDeal(ctx: DemoContext, rng: Rng, pipeline: PipelineKey, createdAt: number, outcome: Outcome, plannedEnd: number): Timeline {
  const { cal, asOf } = ctx;
  const stages = PIPELINES[pipeline].stages;
  const reach = outcome === 'won' ? stages.length : 1 + rng.weighted(stages.map((_, i) => [i, DROP_WEIGHTS[i] ?? 1] as const));
  const span = plannedEnd - createdAt;

  // Stage entries at increasing fractions of the cycle; the last one well before the close.
  const steps = Array.from({ length: reach - 1 }, () => rng.between(0.5, 1.5));
  const total = steps.reduce((sum, step) => sum + step, 0) || 1;
  const visits: StageVisit[] = [{ stageId: stageId(pipeline, 0), enteredAt: createdAt }];
  let fraction = 0;
  let previous = createdAt;
  steps.forEach((step, i) => {
    fraction += (step / total) * 0.9;
    const snapped = cal.workTimeFrom(rng, createdAt + Math.round(span * fraction));
    // A minute apart at least, and every stage entered before the close, however short the deal.
    const latest = plannedEnd - (steps.length - i) * 60_000;
    const enteredAt = Math.max(previous + 60_000, Math.min(snapped, latest));
    visits.push({ stageId: stageId(pipeline, i + 1), enteredAt });
    previous = enteredAt;
  });
  // Some won deals jump a stage (a buyer who skips the proposal round).
  if (outcome === 'won' && visits.length > 3 && rng.chance(0.12)) visits.splice(rng.int(1, visits.length - 2), 1);

  const expectedDay = (ms: number) => cal.day(cal.dayIndexAt(ms)).start;
  const cut = (until: number) => {
    const kept = visits.filter((visit) => visit.enteredAt <= until);
    return kept.length ? kept : visits.slice(0, 1);
  };
  const finish = (
    kept: StageVisit[],
    rest: Omit<Timeline, 'stageHistory' | 'stageId' | 'stageIndex' | 'outcome' | 'plannedEnd' | 'wentDark'>,
    wentDark = false,
  ): Timeline => {
    const last = kept[kept.length - 1] as StageVisit;
    const stageIndex = Number(last.stageId.slice(last.stageId.lastIndexOf('-') + 1)) - 1;
    return { ...rest, outcome, plannedEnd, wentDark, stageHistory: kept, stageId: last.stageId, stageIndex };
  };

  if (outcome === 'stalled') {
    const stallAt = Math.min(asOf, createdAt + Math.round(span * rng.between(0.15, 0.6)));
    const [low, high] = rng.chance(FORGOTTEN) ? FORGOTTEN_AFTER_DAYS : CLEARED_AFTER_DAYS;
    const clearedAt = cal.workTimeFrom(rng, stallAt + Math.round(rng.between(low, high) * DAY_MS));
    const kept = cut(stallAt);
    if (clearedAt <= asOf) {
      return finish(kept, { status: 'lost', closedAt: clearedAt, expectedCloseAt: expectedDay(plannedEnd), activeUntil: stallAt, stalled: false }, true);
    }
    return finish(kept, { status: 'open', expectedCloseAt: expectedDay(plannedEnd), activeUntil: stallAt, stalled: true });
  }
  if (plannedEnd <= asOf) {
    return finish(visits, { status: outcome, closedAt: plannedEnd, expectedCloseAt: expectedDay(plannedEnd), activeUntil: plannedEnd, stalled: false });
  }
  // Still in flight. Some have slipped: their expected close date has passed and nobody moved it.
  let expectedCloseAt = expectedDay(plannedEnd);
  if (rng.chance(0.15)) {
    const slipped = expectedDay(asOf - rng.int(1, 20) * DAY_MS);
    if (slipped > createdAt) expectedCloseAt = slipped;
  }
  return finish(cut(asOf), { status: 'open', expectedCloseAt, activeUntil: asOf, stalled: false });
}

/** Typical length of a deal in days, before the rep's own pace. */
export function cycleDays(rng: Rng, pipeline: PipelineKey, outcome: Outcome, repCycle: number): number {
  const median = pipeline === 'nb' ? (outcome === 'lost' ? 24 : 38) : outcome === 'lost' ? 18 : 21;
  return Math.max(3, Math.min(200, rng.skewed(median, 0.55) * repCycle));
}
