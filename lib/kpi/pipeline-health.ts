/** Pipeline health: cycle length, deals at risk, and how deals move through the stages. */
import { tally, type ExclusionTally } from '../money/convert';
import type { Stage, StageVisit } from '../model';
import { cycleOf } from './deal-math';
import type { BreakdownRow } from './types';
import type { Evaluator, EvalInput, KpiBody } from './engine-types';
import { excludedList, finiteParts, mean, msToDays, needsData, notDefined, noteUndatedSales, ok, percent } from './result';

const NEEDS_DEALS = 'Connect a CRM or import deals.';

/**
 * avgSalesCycle — mean days from first contact (else creation) to close over the deals won in the
 * period; the median beside it, since a few very long deals pull the mean up.
 */
export const avgSalesCycle: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded = noteUndatedSales(slice, new Map());
    const cycle = cycleOf(w, excluded);
    if (cycle.average === undefined) {
      return notDefined(w.won.length ? 'no won deal in the period has a created date' : 'no deals won in the period', {
        counts: { won: w.won.length },
      });
    }
    return ok({
      value: cycle.average,
      unit: 'days',
      numerator: cycle.days.reduce((a, b) => a + b, 0),
      denominator: cycle.days.length,
      counts: { deals: cycle.days.length },
      parts: finiteParts({ mean: cycle.average, median: cycle.median }),
      recordType: 'deal',
      recordIds: cycle.ids,
      excluded: excludedList(excluded),
    });
  },
};

/**
 * staleDeals — open deals at risk as of now: no activity for `settings.staleDays` days or more (last
 * activity from the CRM's own field or the activities logged on the deal, else since the deal was
 * created), or an expected close date that has passed. Each row gives the reason.
 */
export const staleDeals: Evaluator = {
  comparable: false,
  run({ ctx, slice }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const { asOf, settings } = ctx.query;
    const staleDays = settings.staleDays;
    const rows: BreakdownRow[] = [];
    let unknown = 0;
    let inactive = 0;
    let overdue = 0;
    let amount = 0;
    for (const row of slice.open) {
      const deal = row.deal;
      const logged = ctx.lastActivityOf(deal.externalId);
      const own = deal.lastActivityAt !== undefined && deal.lastActivityAt <= asOf ? deal.lastActivityAt : undefined;
      const last = logged === undefined ? own : own === undefined ? logged : Math.max(logged, own);
      const since = last ?? deal.createdAt;
      const idleDays = since !== undefined ? Math.max(0, msToDays(asOf - since)) : undefined;
      const isIdle = idleDays !== undefined && idleDays >= staleDays;
      const isOverdue = deal.expectedCloseAt !== undefined && deal.expectedCloseAt < ctx.todayStart;
      if (idleDays === undefined) unknown += 1;
      if (!isIdle && !isOverdue) continue;
      const extra: Record<string, number> = { noActivity: isIdle ? 1 : 0, pastCloseDate: isOverdue ? 1 : 0 };
      if (idleDays !== undefined) extra.idleDays = idleDays;
      const reasons: string[] = [];
      if (isIdle) {
        inactive += 1;
        reasons.push(last !== undefined ? `no activity for ${Math.floor(idleDays)} days` : `no activity since it was created ${Math.floor(idleDays)} days ago`);
      }
      if (isOverdue) {
        overdue += 1;
        // Calendar days between two local midnights; rounding absorbs a 23 or 25 hour day.
        const late = Math.round(msToDays(ctx.todayStart - (deal.expectedCloseAt as number)));
        extra.daysPastClose = late;
        reasons.push(`expected to close ${late} ${late === 1 ? 'day' : 'days'} ago`);
      }
      if (row.minor !== undefined) {
        amount += row.minor;
        extra.amount = row.minor;
      }
      rows.push({ key: deal.externalId, label: deal.title || deal.externalId, value: idleDays ?? 0, count: 1, extra, reason: reasons.join('; ') });
    }
    // Longest idle first; ties by id, and (for the duplicate ids raw input may hold) by content.
    rows.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const excluded: ExclusionTally = new Map();
    if (unknown) tally(excluded, 'no activity and no created date (idle time unknown)', unknown);
    return ok({
      value: rows.length,
      unit: 'count',
      counts: { stale: rows.length, openDeals: slice.open.length, noActivity: inactive, pastCloseDate: overdue },
      parts: { staleDays, amount },
      recordType: 'deal',
      recordIds: rows.map((r) => r.key),
      breakdown: rows,
      excluded: excludedList(excluded),
    });
  },
};

/**
 * stageConversion — the funnel of the deals created in the period. A deal reached every stage up to the
 * furthest one it got to (its stage history or its current stage; a won deal passed all of them), and
 * went on from each stage before that one (and from its last stage too if it was won). Conversion per
 * stage = went on ÷ reached. Time in stage is the mean of completed stays in the stage history.
 */
export const stageConversion: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.stages) return needsData(['stages'], 'The CRM gave no pipeline stages, so the funnel cannot be drawn.');
    const cohort = w.created;
    if (!cohort.length) return notDefined('no deals created in the period', { counts: { deals: 0 } });
    const excluded: ExclusionTally = new Map();
    const reached = new Map<string, number>();
    const advanced = new Map<string, number>();
    const stays = new Map<string, number[]>();
    const used = new Set<string>();
    let won = 0;
    for (const row of cohort) {
      const deal = row.deal;
      if (deal.status === 'won') won += 1;
      const current = deal.stageId !== undefined ? ctx.stages.get(deal.stageId) : undefined;
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
      let furthest = deal.status === 'won' ? stages.length - 1 : position(deal.stageId);
      for (const visit of deal.stageHistory ?? []) furthest = Math.max(furthest, position(visit.stageId));
      if (furthest < 0) {
        tally(excluded, 'no known stage or pipeline');
        continue;
      }
      for (let i = 0; i <= furthest; i += 1) {
        const id = (stages[i] as Stage).externalId;
        reached.set(id, (reached.get(id) ?? 0) + 1);
        if (i < furthest || deal.status === 'won') advanced.set(id, (advanced.get(id) ?? 0) + 1);
      }
      const visits = deal.stageHistory ?? [];
      // CRMs give the history in order; copy and sort only when they do not.
      const sorted = visits.every((v, i) => i === 0 || (visits[i - 1] as StageVisit).enteredAt <= v.enteredAt);
      const history = sorted ? visits : [...visits].sort((a, b) => a.enteredAt - b.enteredAt);
      history.forEach((visit, i) => {
        const leftAt = history[i + 1]?.enteredAt ?? (deal.status !== 'open' ? deal.closedAt : undefined);
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
      counts: { deals: cohort.length, won, lost: cohort.filter((r) => r.deal.status === 'lost').length },
      recordType: 'deal',
      recordIds: cohort.map((r) => r.deal.externalId),
      breakdown,
      excluded: excludedList(excluded),
      method: ctx.has.stageHistory ? 'stage-history' : 'current-stage',
    });
  },
};
