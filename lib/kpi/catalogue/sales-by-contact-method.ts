/** salesByContactMethod: won amount and count by the channel of first contact, with spend per channel. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { needsData } from '../shared/result';
import { UNKNOWN, wonDealsByGroup } from '../shared/won-deals-by-group';
import { spendApplies } from './cac';

export const definition = defineKpi({
  id: 'salesByContactMethod',
  family: 'revenue',
  name: { en: 'Sales by contact method', ru: 'Продажи по каналам привлечения' },
  formula: {
    en: 'Won amount and number of won deals by channel of first contact; spend and cost per sale where spend per channel is entered.',
    ru: 'Сумма и число выигранных сделок по каналу первого контакта; расходы и стоимость продажи там, где введены расходы по каналам.',
  },
  needs: ['wonDeals', 'channels'],
  unit: 'money',
  higherIsBetter: true,
  additive: true,
});

/**
 * Won amount and count in the period by the channel of first contact. Where spend per channel is
 * entered (a team's or everyone's view), each channel also shows its spend and the cost per won deal.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.channels) return needsData(['channels'], 'Deals carry no source or channel of first contact.');
    const spend = spendApplies(ctx, slice) ? ctx.spend[w.slot].byChannel : new Map<string, number>();
    return wonDealsByGroup(
      ctx,
      slice,
      w.won,
      (row) => (row.deal.channel ? [row.deal.channel, row.deal.channel] : [UNKNOWN, 'Unknown channel']),
      (groups) => {
        for (const [channel, amount] of spend) {
          const g = groups.get(channel) ?? { label: channel, value: 0, count: 0, extra: {} };
          g.extra.spend = Math.round(amount);
          if (g.count > 0) g.extra.costPerSale = Math.round(amount / g.count);
          groups.set(channel, g);
        }
      },
    );
  },
};
