/** stageConversion: the funnel of the deals created in the period, stage by stage. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Stage, StageVisit } from '../../model';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { dealStageAt, dealStatusAt } from '../shared/as-of';
import { excludedList, finiteParts, mean, msToDays, needsData, notDefined, ok, percent } from '../shared/result';
import { sampleOf } from '../shared/sample';
import type { BreakdownRow } from '../types';

export const definition = defineKpi({
  id: 'stageConversion',
  family: 'pipeline',
  name: { en: 'Stage-to-stage conversion', ru: 'Конверсия по этапам воронки' },
  formula: {
    en: 'For each stage, the share of deals created in the period that reached it and went on to the next; time spent per stage.',
    ru: 'Для каждого этапа — доля сделок, созданных за период, которые дошли до него и перешли дальше; время на этапе.',
  },
  needs: ['deals', 'stages', 'stageHistory'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
});

/**
 * The funnel of the deals created in the period, as they stood at the window's instant. A deal reached
 * every stage up to the furthest one it got to (its stage history up to then, or its stage then; a deal
 * won by then passed all of them), and went on from each stage before that one (and from its last stage
 * too if it was won). Conversion per stage = went on ÷ reached. Time in stage is the mean of completed
 * stays in the stage history. The headline (won ÷ created) rests on the cohort (its sample).
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.stages) return needsData(['stages'], 'The CRM gave no pipeline stages, so the funnel cannot be drawn.');
    const cohort = w.created;
    const at = w.info.at;
    if (!cohort.length) return notDefined('no deals created in the period', { counts: { deals: 0 } });
    const excluded: ExclusionTally = new Map();
    const reached = new Map<string, number>();
    const advanced = new Map<string, number>();
    const stays = new Map<string, number[]>();
    const used = new Set<string>();
    let won = 0;
    let lost = 0;
    for (const row of cohort) {
      const deal = row.deal;
      const status = dealStatusAt(deal, at);
      if (status === 'won') won += 1;
      if (status === 'lost') lost += 1;
      const stageId = dealStageAt(deal, at).stageId;
      const current = stageId !== undefined ? ctx.stages.get(stageId) : undefined;
      const pipelineId = deal.pipelineId ?? current?.pipelineId;
      const stages = pipelineId !== undefined ? ctx.pipelineStages.get(pipelineId) : undefined;
      if (!stages?.length) {
        tally(excluded, 'no known stage or pipeline');
        continue;
      }
      used.add(pipelineId as string);
      const position = (id: string | undefined) => {
        const stage = id === undefined ? undefined : ctx.stages.get(id);
        return stage !== undefined && stage.pipelineId === pipelineId ? (ctx.stagePosition.get(stage.externalId) ?? -1) : -1;
      };
      const visits = (deal.stageHistory ?? []).filter((visit) => visit.enteredAt <= at);
      let furthest = status === 'won' ? stages.length - 1 : position(stageId);
      for (const visit of visits) furthest = Math.max(furthest, position(visit.stageId));
      if (furthest < 0) {
        tally(excluded, 'no known stage or pipeline');
        continue;
      }
      for (let i = 0; i <= furthest; i += 1) {
        const id = (stages[i] as Stage).externalId;
        reached.set(id, (reached.get(id) ?? 0) + 1);
        if (i < furthest || status === 'won') advanced.set(id, (advanced.get(id) ?? 0) + 1);
      }
      // CRMs give the history in order; copy and sort only when they do not.
      const sorted = visits.every((v, i) => i === 0 || (visits[i - 1] as StageVisit).enteredAt <= v.enteredAt);
      const history = sorted ? visits : [...visits].sort((a, b) => a.enteredAt - b.enteredAt);
      history.forEach((visit, i) => {
        const leftAt = history[i + 1]?.enteredAt ?? (status !== 'open' ? deal.closedAt : undefined);
        if (leftAt === undefined || leftAt < visit.enteredAt) return;
        const list = stays.get(visit.stageId) ?? [];
        list.push(msToDays(leftAt - visit.enteredAt));
        stays.set(visit.stageId, list);
      });
    }
    const pipelines = [...used].sort((a, b) => (ctx.pipelines.get(a)?.order ?? 0) - (ctx.pipelines.get(b)?.order ?? 0) || (a < b ? -1 : 1));
    const breakdown: BreakdownRow[] = pipelines.flatMap((pid) =>
      (ctx.pipelineStages.get(pid) ?? []).map((stage) => {
        const n = reached.get(stage.externalId) ?? 0;
        const went = advanced.get(stage.externalId) ?? 0;
        const prefix = pipelines.length > 1 ? `${ctx.pipelines.get(pid)?.name ?? pid} · ` : '';
        return {
          key: stage.externalId,
          label: `${prefix}${stage.name}`,
          value: n ? percent(went, n) : 0,
          count: n,
          extra: finiteParts({ advanced: went, timeInStageDays: mean(stays.get(stage.externalId) ?? []), stays: stays.get(stage.externalId)?.length }),
        };
      }),
    );
    return ok({
      value: percent(won, cohort.length),
      unit: '%',
      numerator: won,
      denominator: cohort.length,
      counts: { deals: cohort.length, won, lost },
      recordType: 'deal',
      recordIds: cohort.map((r) => r.deal.externalId),
      breakdown,
      excluded: excludedList(excluded),
      method: ctx.has.stageHistory ? 'stage-history' : 'current-stage',
      sample: sampleOf(ctx, 'createdDeals', cohort.length),
    });
  },
};
