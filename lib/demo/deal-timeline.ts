import type { StageVisit } from '../model';
import { DAY } from './calendar';
import { PIPELINES, type PipelineKey } from './catalog';
import type { DemoContext } from './context';
import { stageId } from './org';
import type { Rng } from './random';

/** How a deal ends, decided when it is created: won, lost, or stuck open (the CRM clutter reps forget). */
export type Outcome = 'won' | 'lost' | 'stalled';

export type Timeline = {
  status: 'open' | 'won' | 'lost';
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
};

/** Deals that do not win drop out early more often than late (weights per stage reached). */
const DROP_WEIGHTS = [30, 25, 20, 13, 8, 4];

/**
 * Lays a deal out in time: its stage visits from creation to its planned end. A deal
 * whose planned end is after asOf is still open, in the stage it has reached by then.
 */
export function placeDeal(
  ctx: DemoContext,
  rng: Rng,
  pipeline: PipelineKey,
  createdAt: number,
  outcome: Outcome,
  cycleDays: number,
): Timeline {
  const { cal, asOf } = ctx;
  const stages = PIPELINES[pipeline].stages;
  const reach =
    outcome === 'won' ? stages.length : 1 + rng.weighted(stages.map((_, i) => [i, DROP_WEIGHTS[i] ?? 1] as const));
  const plannedEnd = cal.workTimeFrom(rng, createdAt + Math.round(cycleDays * DAY));
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
    const enteredAt = Math.max(previous + 60_000, Math.min(snapped, plannedEnd - 60_000));
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
  const finish = (kept: StageVisit[], rest: Omit<Timeline, 'stageHistory' | 'stageId' | 'stageIndex'>): Timeline => {
    const last = kept[kept.length - 1] as StageVisit;
    const stageIndex = Number(last.stageId.slice(last.stageId.lastIndexOf('-') + 1)) - 1;
    return { ...rest, stageHistory: kept, stageId: last.stageId, stageIndex };
  };

  if (outcome === 'stalled') {
    const stallAt = Math.min(asOf, createdAt + Math.round(span * rng.between(0.15, 0.6)));
    return finish(cut(stallAt), { status: 'open', expectedCloseAt: expectedDay(plannedEnd), activeUntil: stallAt, stalled: true });
  }
  if (plannedEnd <= asOf) {
    return finish(visits, { status: outcome, closedAt: plannedEnd, expectedCloseAt: expectedDay(plannedEnd), activeUntil: plannedEnd, stalled: false });
  }
  // Still in flight. Some have slipped: their expected close date has passed and nobody moved it.
  let expectedCloseAt = expectedDay(plannedEnd);
  if (rng.chance(0.15)) {
    const slipped = expectedDay(asOf - rng.int(1, 20) * DAY);
    if (slipped > createdAt) expectedCloseAt = slipped;
  }
  return finish(cut(asOf), { status: 'open', expectedCloseAt, activeUntil: asOf, stalled: false });
}

/** Typical length of a deal in days, before the rep's own pace. */
export function cycleDays(rng: Rng, pipeline: PipelineKey, outcome: Outcome, repCycle: number): number {
  const median = pipeline === 'nb' ? (outcome === 'lost' ? 24 : 38) : outcome === 'lost' ? 18 : 21;
  return Math.max(3, Math.min(200, rng.skewed(median, 0.55) * repCycle));
}
