/** quotaAttainment: sales ÷ quota, with the pace and the projection at the period's end. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { quotaFor } from '../shared/quota';
import { excludedList, finiteParts, needsData, notDefined, noteUndatedSales, ok, percent, sumDeals } from '../shared/result';
import { sampleOf } from '../shared/sample';
import { paceStatus } from '../shared/targets';

export const definition = defineKpi({
  id: 'quotaAttainment',
  family: 'revenue',
  name: { en: 'Quota attainment', ru: 'Выполнение плана продаж' },
  formula: {
    en: 'Sales in the period ÷ quota for the period × 100; pace against a straight line to the quota, and the projection at period end.',
    ru: 'Продажи за период ÷ план на период × 100; темп относительно равномерного выполнения и прогноз на конец периода.',
  },
  needs: ['wonDeals', 'quotas'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
  basis: ['money', 'money'],
  parts: {
    sales: 'money',
    quota: 'money',
    remaining: 'money',
    elapsedPct: 'percent',
    expectedPct: 'percent',
    pacePct: 'percent',
    projected: 'money',
    projectedPct: 'percent',
    workingDays: 'count',
    workingDaysElapsed: 'count',
  },
});

/**
 * Sales in the period ÷ quota for the period × 100, with the pace: where a straight line from 0 to the
 * quota would be by now (`expectedPct`), attainment against that line (`pacePct`, 100 = on pace) and the
 * sales projected at the end of the period at the current rate (`projected`). Which quota applies:
 * ../shared/quota.ts. While the period is in progress, pace and projection extrapolate from the deals
 * won so far: with fewer than the minimum of won deals (one $57k deal "projects" 204 %), the result is
 * low-sample.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.quotas) return needsData(['quotas'], 'Enter a quota (options → targets) to track attainment.');
    const quota = quotaFor(ctx, slice, w.slot);
    if (!quota) return needsData(['quotas'], `No quota covers ${w.info.period.label}.`);
    const excluded = noteUndatedSales(slice, new Map(quota.issues));
    if (quota.minor <= 0) return notDefined('the quota could not be put in the reporting currency', { counts: { quotas: quota.quotaIds.length } });
    const sales = sumDeals(w.won, excluded);
    const elapsed = w.info.elapsed;
    // Where the rep should be and where the pace leads count working days: a weekend is not behind.
    const due = w.info.workingElapsed;
    const pace = paceStatus(sales.total, quota.minor, due);
    const projected = due > 0 ? sales.total / due : undefined;
    return ok({
      value: percent(sales.total, quota.minor),
      unit: '%',
      numerator: sales.total,
      denominator: quota.minor,
      counts: { wonDeals: w.won.length, quotas: quota.quotaIds.length },
      parts: finiteParts({
        sales: sales.total,
        quota: quota.minor,
        remaining: Math.max(0, quota.minor - sales.total),
        elapsedPct: elapsed * 100,
        expectedPct: due * 100,
        workingDays: w.info.workingDays,
        workingDaysElapsed: w.info.workingDaysElapsed,
        pacePct: pace.pacePct,
        projected: projected !== undefined ? Math.round(projected) : undefined,
        projectedPct: projected !== undefined ? percent(projected, quota.minor) : undefined,
      }),
      recordType: 'deal',
      recordIds: sales.ids,
      excluded: excludedList(excluded),
      target: { value: quota.minor, status: pace.status },
      method: quota.level === 'team' ? 'team-quota' : 'sum-of-rep-quotas',
      // Only a projection rests on a sample: a period that is over has its attainment, however few deals made it.
      sample: elapsed < 1 ? sampleOf(ctx, 'wonDeals', sales.counted) : undefined,
    });
  },
};
