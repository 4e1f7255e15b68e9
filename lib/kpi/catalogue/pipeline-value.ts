/** pipelineValue: open deals at an instant, in total, weighted by win probability, and expected in the period. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Deal } from '../../model';
import type { DealRow, EvalContext, Evaluator, EvalInput, KpiBody } from '../engine/types';
import { dealStageAt, dealStatusAt } from '../shared/as-of';
import { defineKpi } from '../shared/define';
import { lineToReporting, lineTotal } from '../shared/line-items';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, needsData, ok } from '../shared/result';
import { currentStageNote, openDealsByStage } from '../shared/stage-breakdown';

export const definition = defineKpi({
  id: 'pipelineValue',
  family: 'pipeline',
  name: { en: 'Pipeline value', ru: 'Стоимость воронки' },
  formula: {
    en: 'Sum of open deal amounts; also weighted by win probability, and the part expected to close in the period.',
    ru: 'Сумма открытых сделок; также взвешенная по вероятности выигрыша и часть, которую ожидают закрыть в периоде.',
  },
  needs: ['openDeals', 'stages'],
  unit: 'money',
  higherIsBetter: true,
  additive: true,
  parts: { total: 'money', weighted: 'money', expectedInPeriod: 'money', expectedInPeriodWeighted: 'money' },
});

/** Win probability (0–100) of a deal at `at`: its own, else its stage's then; undefined when neither is known. */
function probabilityOf(ctx: EvalContext, deal: Deal, at: number): number | undefined {
  // A deal closed since `at` carries its outcome's probability (0 or 100), not the one it had then.
  if (deal.probability !== undefined && dealStatusAt(deal, at) === deal.status) return deal.probability;
  const stageId = dealStageAt(deal, at).stageId;
  return stageId !== undefined ? ctx.stages.get(stageId)?.probability : undefined;
}

/**
 * What an open deal without an amount would bring at list prices: its lines' quantity × unit price
 * (a line without a price takes its product's). Undefined when any line has no price, or it has none.
 */
function listPriceOf(ctx: EvalContext, deal: Deal): number | undefined {
  if (!deal.lineItems.length) return undefined;
  let minor = 0;
  for (const line of deal.lineItems) {
    const price = line.unitPrice.minor > 0 ? line.unitPrice : line.productId !== undefined ? ctx.products.get(line.productId)?.unitPrice : undefined;
    if (!price) return undefined;
    const c = lineToReporting(ctx, deal, lineTotal(line.quantity, price));
    if (!c.ok) return undefined;
    minor += c.minor;
  }
  return minor;
}

/**
 * Open deals at the window's instant (`openAt`: now, or the end of a period that is over): their total
 * amount, the amount weighted by win probability (the deal's own, else its stage's at that instant), and
 * the part expected to close within the period. Deals without an amount are not counted as 0: the
 * result says how many have one ("31 of 40"); when none has, the value is needs-data, or, where the
 * deals carry products with list prices, an estimate from those prices that says it is one.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const { start, end } = w.info.period;
    const at = w.info.openAt;
    const open = w.open;
    const priced = open.filter((row) => row.minor !== undefined);
    // With no amount on any open deal of the view, list prices (where products are mapped) are the only
    // honest figure. Decided for the whole view, so a rep's figure and the team's add up.
    const estimated = !ctx.openDealsPriced[w.slot];
    const amountOf = new Map<DealRow, number>();
    for (const row of open) {
      const minor = estimated ? listPriceOf(ctx, row.deal) : row.minor;
      if (minor !== undefined) amountOf.set(row, minor);
      else tally(excluded, row.issue ?? 'no amount');
    }
    if (open.length > 0 && amountOf.size === 0) {
      const what = estimated ? 'an amount or a product with a list price' : 'an amount';
      return needsData(['dealAmounts'], `None of the ${open.length} open deals has ${what}, so the pipeline has no value to show.`);
    }
    let total = 0;
    let weighted = 0;
    let expected = 0;
    let expectedWeighted = 0;
    let expectedDeals = 0;
    let unweighted = 0;
    for (const [row, minor] of amountOf) {
      const probability = probabilityOf(ctx, row.deal, at);
      const inPeriod = row.deal.expectedCloseAt !== undefined && row.deal.expectedCloseAt >= start && row.deal.expectedCloseAt < end;
      total += minor;
      if (inPeriod) {
        expected += minor;
        expectedDeals += 1;
      }
      if (probability === undefined) {
        unweighted += 1;
        continue;
      }
      weighted += (minor * probability) / 100;
      if (inPeriod) expectedWeighted += (minor * probability) / 100;
    }
    if (unweighted) tally(excluded, 'no win probability (left out of the weighted value)', unweighted);
    const notes = [...(currentStageNote(open, at) ?? [])];
    if (estimated) {
      notes.push({
        code: 'list-price-estimate',
        count: amountOf.size,
        text: `no open deal has an amount: an estimate from the list prices of the products on ${amountOf.size} of them`,
      });
    }
    return ok({
      value: total,
      unit: ctx.reporting,
      counts: { openDeals: open.length, withAmount: priced.length, expectedInPeriod: expectedDeals },
      parts: {
        total,
        weighted: Math.round(weighted),
        expectedInPeriod: expected,
        expectedInPeriodWeighted: Math.round(expectedWeighted),
      },
      recordType: 'deal',
      recordIds: open.map((row) => row.deal.externalId),
      breakdown: openDealsByStage(ctx, open, at, (row) => amountOf.get(row) ?? 0),
      excluded: excludedList(excluded),
      coverage:
        amountOf.size < open.length
          ? { have: amountOf.size, of: open.length, what: estimated ? 'open deals with an amount or a list price' : 'open deals with an amount' }
          : undefined,
      notes: notes.length ? notes : undefined,
      method: estimated ? 'list-price-estimate' : undefined,
    });
  },
};
