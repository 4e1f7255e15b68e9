/**
 * Each owner's own outlook in a team forecast (`byOwner`): their range from the draws' per-owner
 * totals, their chance of their own quota, how many deals they closed (the sample their factor rests
 * on) and the explain panel of it all.
 */
import { DAY_MS } from '../period';
import type { DealTable } from './deal-table';
import type { Model } from './model';
import { EXPLAIN_TEXT, INPUT_LABEL, NOTE_TEXT } from './texts';
import type { DealOutlook, Explain, ExplainInput, FigureUnit, ForecastSettings, LocalizedText, Note, OwnerOutlook, Quantiles } from './types';
import { quantiles, shareReaching } from './simulate';

export type OwnerSlot = { id: string; code: number; name: string };

export type OwnerContext = {
  table: DealTable;
  model: Model | undefined;
  asOf: number;
  settings: Pick<ForecastSettings, 'trailingDays' | 'minSample' | 'draws'>;
  outlooks: readonly DealOutlook[];
  slotRevenue: readonly Float64Array[];
  slotWins: readonly Float64Array[];
  newDealsAmount: (slot: number) => number;
  wonOf: (ownerId: string) => { amount: number; deals: number };
  quotas: Readonly<Record<string, number>> | undefined;
};

/** Deals closed (won or lost, with a close date) by each owner code within the trailing window up to `asOf`. */
export function closedByOwner(table: DealTable, asOf: number, trailingDays: number): Int32Array {
  const counts = new Int32Array(table.ownerIds.length);
  const from = asOf - trailingDays * DAY_MS;
  for (let i = 0; i < table.ids.length; i += 1) {
    const c = table.closed[i] as number;
    if (c >= from && c <= asOf) counts[table.owner[i] as number] = (counts[table.owner[i] as number] as number) + 1;
  }
  return counts;
}

const named = (text: LocalizedText, name: string): LocalizedText => ({ en: text.en.replace('{name}', name), ru: text.ru.replace('{name}', name) });

function input(key: keyof typeof INPUT_LABEL, value: number | null, unit: FigureUnit, extra: { n?: number; lowSample?: boolean } = {}): ExplainInput {
  return { key, label: INPUT_LABEL[key], value, unit, ...extra };
}

export function ownerOutlooks(ctx: OwnerContext, owners: readonly OwnerSlot[]): OwnerOutlook[] {
  const closed = closedByOwner(ctx.table, ctx.asOf, ctx.settings.trailingDays);
  const min = ctx.settings.minSample.winRate;
  return owners.map((o, slot) => {
    const mine = ctx.outlooks.filter((d) => d.ownerId === o.id);
    const won = ctx.wonOf(o.id);
    const revenueDraws = ctx.slotRevenue[slot] as Float64Array;
    const revenue: Quantiles = quantiles(revenueDraws, won.amount);
    const quota = ctx.quotas?.[o.id];
    const probabilityOfQuota = quota !== undefined && quota > 0 ? shareReaching(revenueDraws, won.amount, quota) : null;
    const closedDeals = o.code >= 0 ? (closed[o.code] as number) : 0;
    const lowSample = closedDeals < min;
    const expectedFromPipeline = mine.reduce((sum, d) => sum + d.expected, 0);
    const expectedFromNewDeals = ctx.newDealsAmount(slot);
    const factor = ctx.model && o.code >= 0 ? ctx.model.factors.owner : undefined;
    const notes: Note[] = lowSample ? [{ code: 'low-sample', text: NOTE_TEXT['low-sample'], params: { input: 'closedDeals', n: closedDeals, min } }] : [];
    const explain: Explain = {
      title: named(EXPLAIN_TEXT.owner.title, o.name),
      method: EXPLAIN_TEXT.owner.method,
      inputs: [
        input('p10', revenue.p10, 'money'),
        input('p50', revenue.p50, 'money'),
        input('p90', revenue.p90, 'money'),
        input('quota', quota ?? null, 'money'),
        input('probability', probabilityOfQuota, 'probability'),
        input('wonAmount', won.amount, 'money'),
        input('expectedAmount', expectedFromPipeline, 'money', { n: mine.length }),
        input('newDealsAmount', expectedFromNewDeals, 'money'),
        input('closedDeals', closedDeals, 'count', lowSample ? { lowSample: true } : {}),
        input('ownerFactor', factor ? (factor.factor[o.code] ?? 1) : null, 'ratio', factor ? { n: Math.round(factor.observed[o.code] ?? 0) } : {}),
        input('draws', ctx.settings.draws, 'count'),
      ],
      dealIds: mine.map((d) => d.dealId),
      notes,
    };
    return {
      ownerId: o.id,
      ownerName: o.name,
      wonSoFar: won,
      revenue,
      wonDeals: quantiles(ctx.slotWins[slot] as Float64Array, won.deals),
      expectedFromPipeline,
      expectedFromNewDeals,
      openDeals: mine.length,
      quota: quota ?? null,
      probabilityOfQuota,
      closedDeals,
      lowSample,
      explain,
    };
  });
}
