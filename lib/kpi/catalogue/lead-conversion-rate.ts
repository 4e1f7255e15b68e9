/** leadConversionRate: of the leads created in the period, the share converted so far. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_LEADS } from '../shared/needs-messages';
import { leadConvertedBy, leadStatusAt } from '../shared/as-of';
import { needsData, notDefined, ok, percent } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'leadConversionRate',
  family: 'conversion',
  name: { en: 'Lead conversion rate', ru: 'Конверсия лидов' },
  formula: {
    en: 'Leads created in the period that have converted ÷ leads created in the period × 100, as of the day of computation.',
    ru: 'Лиды, созданные за период и уже конвертированные ÷ все лиды, созданные за период × 100 — на дату расчёта.',
  },
  needs: ['leads'],
  unit: 'percent',
  higherIsBetter: true,
  additive: false,
});

/**
 * Of the leads created in the period (a cohort), the share that has converted by the window's instant
 * (the query's `asOf`; for a comparison while the period is in progress, the corresponding instant, so
 * both cohorts are the same age). Later conversions still raise an old period's rate, hence the "as of"
 * date on the result.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.leads) return needsData(['leads'], NEEDS_LEADS);
    const asOf = w.info.at;
    const cohort = w.leadsCreated;
    if (!cohort.length) return notDefined('no leads created in the period', { counts: { leads: 0 } });
    const converted = cohort.filter((l) => leadConvertedBy(l, asOf)).length;
    const disqualified = cohort.filter((l) => leadStatusAt(l, asOf) === 'disqualified').length;
    return ok({
      value: percent(converted, cohort.length),
      unit: '%',
      numerator: converted,
      denominator: cohort.length,
      counts: { leads: cohort.length, converted, disqualified, open: cohort.length - converted - disqualified },
      recordType: 'lead',
      recordIds: cohort.map((l) => l.externalId),
      asOf,
      sample: sampleOf(ctx, 'leads', cohort.length),
    });
  },
};
