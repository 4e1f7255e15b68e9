/** Open deals per stage: the breakdown of pipelineValue (amounts) and dealsInPipeline (counts). */
import type { DealRow, EvalContext } from '../engine/types';
import type { KpiNote } from '../types';
import { dealStageAt } from './as-of';

/** Deals without a stage, and deals whose stage then cannot be told (closed since, no stage history). */
const NO_STAGE = '(no stage)';

/**
 * Open deals grouped by their stage at `at` (as-of.ts: from the stage history where it has one), in
 * pipeline then stage order; deals without a stage last.
 */
export function openDealsByStage(ctx: EvalContext, rows: readonly DealRow[], at: number, weight: (row: DealRow) => number) {
  const groups = new Map<string, { value: number; count: number }>();
  for (const row of rows) {
    const key = dealStageAt(row.deal, at).stageId ?? NO_STAGE;
    const g = groups.get(key) ?? { value: 0, count: 0 };
    g.value += weight(row);
    g.count += 1;
    groups.set(key, g);
  }
  const order = (key: string) => {
    const stage = ctx.stages.get(key);
    if (!stage) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;
    return [ctx.pipelines.get(stage.pipelineId)?.order ?? 0, stage.order] as const;
  };
  return [...groups]
    .sort(([a], [b]) => {
      const [pa, sa] = order(a);
      const [pb, sb] = order(b);
      return pa - pb || sa - sb || (a < b ? -1 : a > b ? 1 : 0);
    })
    .map(([key, g]) => ({ key, label: ctx.stages.get(key)?.name ?? (key === NO_STAGE ? 'No stage' : key), value: g.value, count: g.count }));
}

/**
 * The note a pipeline figure carries when the stage of some open deals as of `at` is not known (no stage
 * history, and the deal changed since): their current stage is used, which may be a later one.
 */
export function currentStageNote(rows: readonly DealRow[], at: number): KpiNote[] | undefined {
  let count = 0;
  for (const row of rows) if (!dealStageAt(row.deal, at).known) count += 1;
  if (!count) return undefined;
  const deals = count === 1 ? '1 open deal' : `${count} open deals`;
  return [
    {
      code: 'current-stage',
      count,
      text: `the stage of ${deals} as of then is not known (no stage history): the current stage is used, or none for a deal closed since`,
    },
  ];
}
