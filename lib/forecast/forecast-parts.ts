/** Pieces of forecast(): won so far, whose forecast it is, the factors the draws treat as uncertain. */
import type { Deal, Stage } from '../model';
import type { CurrencyOptions } from '../money';
import { ownAmount } from './amounts';
import type { DealTable } from './deal-table';
import { FACTORS, type Model } from './model';
import { NOTE_TEXT } from './texts';
import type { ForecastInput, Note } from './types';
import { factorVariance } from './uncertainty';

/** The factor levels the open deals use, each an uncertain group for the draws, and each deal's groups. */
export function uncertainFactors(model: Model, table: DealTable, open: readonly number[]) {
  const levelOf = { owner: table.owner, product: table.product, amount: table.amountBand } as const;
  const variance: number[] = [];
  const index = new Map<string, number>();
  for (const i of open) {
    for (const kind of FACTORS) {
      const level = levelOf[kind][i] as number;
      const key = `${kind}:${level}`;
      if (level < 0 || index.has(key)) continue;
      index.set(key, variance.length);
      variance.push(factorVariance(model, kind, level));
    }
  }
  return {
    variance,
    groupsOf: (i: number) => FACTORS.map((kind) => index.get(`${kind}:${levelOf[kind][i] as number}`) ?? -1),
  };
}

export function wonSoFar(deals: readonly Deal[], includes: (ownerId: string) => boolean, from: number, to: number, currency: CurrencyOptions, notes: Note[]) {
  let amount = 0;
  let count = 0;
  const dealIds: string[] = [];
  const issues = new Map<string, number>();
  for (const deal of deals) {
    if (deal.status !== 'won' || deal.closedAt === undefined || deal.closedAt < from || deal.closedAt >= to || !includes(deal.ownerId)) continue;
    count += 1;
    dealIds.push(deal.externalId);
    const own = ownAmount(deal, currency);
    if ('minor' in own) amount += own.minor;
    else issues.set(own.issue, (issues.get(own.issue) ?? 0) + 1);
  }
  for (const [reason, n] of [...issues].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))) {
    notes.push({ code: 'currency', text: NOTE_TEXT.currency, params: { count: n, reason } });
  }
  return { amount, deals: count, dealIds: dealIds.sort() };
}

/**
 * Owners whose new deals are forecast: a named list as it is (a rep with no deals yet starts at the
 * team's pace); everyone or a team: the active owners in scope that have deals.
 */
export function scopeOwners(input: ForecastInput, owners: ForecastInput['data']['owners'], table: DealTable, includes: (id: string) => boolean) {
  const inactive = new Set(owners.filter((o) => o.active === false).map((o) => o.externalId));
  const names = new Map(owners.map((o) => [o.externalId, o.name]));
  const ids = input.scope.ownerIds === 'all' ? table.ownerIds.filter((id) => includes(id) && !inactive.has(id)) : [...new Set(input.scope.ownerIds)];
  return ids
    .map((id) => ({ id, code: table.ownerIds.indexOf(id), name: names.get(id) ?? id }))
    .sort((a, b) => compareIds(a.name, b.name) || compareIds(a.id, b.id));
}

export function nextStages(stages: readonly Stage[]): Map<string, Stage> {
  const byPipeline = new Map<string, Stage[]>();
  for (const stage of stages) {
    const list = byPipeline.get(stage.pipelineId) ?? [];
    list.push(stage);
    byPipeline.set(stage.pipelineId, list);
  }
  const next = new Map<string, Stage>();
  for (const list of byPipeline.values()) {
    list.sort((a, b) => a.order - b.order || compareIds(a.externalId, b.externalId));
    list.forEach((stage, i) => {
      const after = list[i + 1];
      if (after) next.set(stage.externalId, after);
    });
  }
  return next;
}

const productCache = new WeakMap<object, Map<string, ForecastInput['data']['products'][number]>>();

export function productMap(products: ForecastInput['data']['products']) {
  let map = productCache.get(products);
  if (!map) productCache.set(products, (map = new Map(products.map((p) => [p.externalId, p]))));
  return map;
}

export function mean(values: Float64Array): number {
  if (!values.length) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
