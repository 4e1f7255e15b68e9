/** Open deals per stage: the breakdown of pipelineValue (amounts) and dealsInPipeline (counts). */
import type { DealRow, EvalContext } from '../engine/types';

const NO_STAGE = '(no stage)';

/** Open deals grouped by stage, in pipeline then stage order; deals without a stage last. */
export function openDealsByStage(ctx: EvalContext, rows: readonly DealRow[], weight: (row: DealRow) => number) {
  const groups = new Map<string, { value: number; count: number }>();
  for (const row of rows) {
    const key = row.deal.stageId ?? NO_STAGE;
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
