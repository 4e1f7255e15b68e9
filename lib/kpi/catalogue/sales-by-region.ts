/** salesByRegion: won amount and count by the customer's region. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { needsData } from '../shared/result';
import { UNKNOWN, wonDealsByGroup } from '../shared/won-deals-by-group';

export const definition = defineKpi({
  id: 'salesByRegion',
  family: 'revenue',
  name: { en: 'Sales by region', ru: 'Продажи по регионам' },
  formula: {
    en: "Won amount and number of won deals grouped by the customer's region or country.",
    ru: 'Сумма и число выигранных сделок по региону или стране клиента.',
  },
  needs: ['wonDeals', 'regions'],
  unit: 'money',
  higherIsBetter: true,
  additive: true,
});

/**
 * Won amount and count in the period by the customer's region: the deal's region, else its customer's
 * region, else its customer's country. Deals with none are grouped as unknown.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.regions) return needsData(['regions'], 'Neither deals nor customers carry a region or country.');
    return wonDealsByGroup(ctx, slice, w.won, (row) => {
      const customer = row.deal.customerId !== undefined ? ctx.customersById.get(row.deal.customerId) : undefined;
      const region = row.deal.region || customer?.region || customer?.country;
      return region ? [region, region] : [UNKNOWN, 'Unknown region'];
    });
  },
};
