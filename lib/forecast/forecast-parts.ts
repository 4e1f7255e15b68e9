/** Pieces of forecast(): won so far, whose forecast it is, the factors the draws treat as uncertain. */
import type { Stage } from '../model';
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

/** Won deals closed in [from, to) by owners `includes` keeps: their count, ids and amount (deals that cannot be converted noted). */
export function wonSoFar(table: DealTable, includes: (ownerId: string) => boolean, from: number, to: number, notes: Note[]) {
  let amount = 0;
  let count = 0;
  const dealIds: string[] = [];
  const issues = new Map<string, number>();
  const kept = ownersKept(table, includes);
  for (let i = 0; i < table.ids.length; i += 1) {
    // Won with a close date (a closed deal without one has NaN, which no comparison keeps).
    const closed = table.closed[i] as number;
    if (!table.won[i] || !(closed >= from && closed < to) || !kept[table.owner[i] as number]) continue;
    count += 1;
    dealIds.push(table.ids[i] as string);
    const own = table.amount[i] as number;
    if (own === own) amount += own;
    else {
      const issue = table.amountIssue.get(i) as string;
      issues.set(issue, (issues.get(issue) ?? 0) + 1);
    }
  }
  for (const [reason, n] of [...issues].sort((a, b) => b[1] - a[1] || compareIds(a[0], b[0]))) {
    notes.push({ code: 'currency', text: NOTE_TEXT.currency, params: { count: n, reason } });
  }
  return { amount, deals: count, dealIds: dealIds.sort() };
}

/** Per owner code of the table: 1 when `includes` keeps the owner. */
export function ownersKept(table: Pick<DealTable, 'ownerIds'>, includes: (ownerId: string) => boolean): Uint8Array {
  return Uint8Array.from(table.ownerIds, (id) => (includes(id) ? 1 : 0));
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
