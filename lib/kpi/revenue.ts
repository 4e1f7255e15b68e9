/** Revenue KPIs: sales (deals won with their close date in the period) and what they are worth. */
import { type ExclusionTally } from '../money/convert';
import { dealSizeOf, marginOf } from './deal-math';
import type { Evaluator, EvalInput, KpiBody } from './engine-types';
import { quotaFor } from './quota';
import { excludedList, finiteParts, needsData, notDefined, noteUndatedSales, ok, percent, sumDeals } from './result';
import { paceStatus } from './targets';

const NEEDS_DEALS = 'Connect a CRM or import deals.';

/**
 * salesGrowth — (sales this period − sales in the compare period) ÷ sales in the compare period × 100.
 * The compare period is the previous one unless the query names another (e.g. the same month last year).
 */
export const salesGrowth: Evaluator = {
  comparable: false,
  run({ ctx, slice, w, before }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!before) return notDefined('no earlier period to compare with');
    const excluded = noteUndatedSales(slice, new Map());
    const current = sumDeals(w.won, excluded);
    const previous = sumDeals(before.won, excluded);
    const counts = { wonDeals: w.won.length, previousWonDeals: before.won.length };
    if (previous.total <= 0) {
      return notDefined(`no sales in the compare period ${before.info.period.label}`, { numerator: current.total, denominator: previous.total, counts });
    }
    return ok({
      value: percent(current.total - previous.total, previous.total),
      unit: '%',
      numerator: current.total - previous.total,
      denominator: previous.total,
      counts,
      parts: { current: current.total, previous: previous.total },
      recordType: 'deal',
      recordIds: current.ids,
      excluded: excludedList(excluded),
    });
  },
};

/**
 * quotaAttainment — sales in the period ÷ quota for the period × 100, with the pace: where a straight
 * line from 0 to the quota would be by now (`expectedPct`), attainment against that line (`pacePct`,
 * 100 = on pace) and the sales projected at the end of the period at the current rate (`projected`).
 */
export const quotaAttainment: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.quotas) return needsData(['quotas'], 'Enter a quota (options → targets) to track attainment.');
    const quota = quotaFor(ctx, slice, w.slot);
    if (!quota) return needsData(['quotas'], `No quota covers ${w.info.period.label}.`);
    const excluded = noteUndatedSales(slice, new Map(quota.issues));
    if (quota.minor <= 0) return notDefined('the quota could not be put in the reporting currency', { counts: { quotas: quota.quotaIds.length } });
    const sales = sumDeals(w.won, excluded);
    const elapsed = w.info.elapsed;
    const pace = paceStatus(sales.total, quota.minor, elapsed);
    const projected = elapsed > 0 ? sales.total / elapsed : undefined;
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
        expectedPct: elapsed * 100,
        pacePct: pace.pacePct,
        projected: projected !== undefined ? Math.round(projected) : undefined,
        projectedPct: projected !== undefined ? percent(projected, quota.minor) : undefined,
      }),
      recordType: 'deal',
      recordIds: sales.ids,
      excluded: excludedList(excluded),
      target: { value: quota.minor, status: pace.status },
      method: quota.level === 'team' ? 'team-quota' : 'sum-of-rep-quotas',
    });
  },
};

/** avgPurchaseValue — average deal size: total won amount ÷ number of won deals (with an amount). */
export const avgPurchaseValue: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const excluded: ExclusionTally = new Map();
    const size = dealSizeOf(w, excluded);
    if (size.average === undefined) {
      const why = excludedList(excluded)?.map((e) => `${e.count} ${e.reason}`).join(', ');
      return notDefined(w.won.length ? `no won deal in the period has a usable amount (${why})` : 'no deals won in the period', {
        counts: { won: w.won.length },
      });
    }
    return ok({
      value: Math.round(size.average),
      unit: ctx.reporting,
      numerator: size.total,
      denominator: size.counted,
      counts: { wonDeals: size.counted },
      parts: finiteParts({ median: size.median !== undefined ? Math.round(size.median) : undefined }),
      recordType: 'deal',
      recordIds: size.ids,
      excluded: excludedList(noteUndatedSales(slice, excluded)),
    });
  },
};

/**
 * avgProfitMargin — (revenue − direct costs) ÷ revenue × 100 over the won deals of the period that have
 * costs (the deal's cost field, or unit cost × quantity on every line); revenue-weighted, with the
 * plain mean of the deals' own margins beside it.
 */
export const avgProfitMargin: Evaluator = {
  comparable: true,
  run({ ctx, slice, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    if (!ctx.has.costs) {
      return needsData(['costs'], 'Enter unit costs on products or line items, a cost on deals, or a default margin.');
    }
    const excluded: ExclusionTally = new Map();
    const margin = marginOf(ctx, w.won, excluded);
    if (margin.pct === undefined) {
      return notDefined('no revenue from won deals with costs in the period', { counts: { wonDeals: w.won.length, withCosts: margin.deals } });
    }
    return ok({
      value: margin.pct,
      unit: '%',
      numerator: margin.revenue - margin.cost,
      denominator: margin.revenue,
      counts: { wonDeals: margin.deals, assumedMargin: margin.assumed },
      parts: finiteParts({
        revenue: margin.revenue,
        costs: Math.round(margin.cost),
        profit: Math.round(margin.revenue - margin.cost),
        meanOfDealsPct: margin.meanOfDeals,
      }),
      recordType: 'deal',
      recordIds: margin.ids,
      excluded: excludedList(noteUndatedSales(slice, excluded)),
      method: margin.assumed ? 'costs-and-default-margin' : 'costs',
    });
  },
};
