/** avgConversionTime: mean days from lead creation to conversion. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_LEADS } from '../shared/needs-messages';
import { excludedList, finiteParts, mean, median, needsData, notDefined, ok } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'avgConversionTime',
  family: 'conversion',
  name: { en: 'Average time to convert a lead', ru: 'Среднее время конверсии лида' },
  formula: {
    en: 'Sum of (converted − created) over leads converted in the period ÷ their number, in calendar days.',
    ru: 'Сумма (дата конверсии − дата создания) по лидам, конвертированным за период ÷ их число, в календарных днях.',
  },
  needs: ['leads'],
  unit: 'days',
  higherIsBetter: false,
  additive: false,
  basis: ['days', 'count'],
  parts: { mean: 'days', median: 'days' },
});

/** Mean calendar days (reporting time zone) from lead creation to conversion, over leads converted in the period. */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.leads) return needsData(['leads'], NEEDS_LEADS);
    const excluded: ExclusionTally = new Map();
    const days: number[] = [];
    const ids: string[] = [];
    for (const lead of w.leadsConverted) {
      const converted = lead.convertedAt as number;
      if (converted < lead.createdAt) {
        tally(excluded, 'converted before it was created');
        continue;
      }
      days.push(ctx.dayNumber(converted) - ctx.dayNumber(lead.createdAt));
      ids.push(lead.externalId);
    }
    const average = mean(days);
    if (average === undefined) return notDefined('no leads converted in the period', { counts: { leads: 0 } });
    return ok({
      value: average,
      unit: 'days',
      numerator: days.reduce((a, b) => a + b, 0),
      denominator: days.length,
      counts: { leads: days.length },
      parts: finiteParts({ mean: average, median: median(days) }),
      recordType: 'lead',
      recordIds: ids,
      excluded: excludedList(excluded),
      sample: sampleOf(ctx, 'leads', days.length),
    });
  },
};
