/**
 * forecast(): where a period will end for a rep or a team, as of an instant, from only what was known
 * then. Won so far, plus each open deal won or not with its learned probability, plus deals not created
 * yet at the pace of comparable spans; a seeded Monte Carlo gives P10/P50/P90 of won revenue and won
 * deals and the chance of reaching the quota. With it: the plan to quota and the deals that matter.
 */
import type { Deal, Stage } from '../model';
import { periodContaining } from '../period';
import { openDealAmount, ownAmount, wonAverages } from './amounts';
import { DAY, type DealTable } from './deal-table';
import { dealLists } from './deal-lists';
import { buildExplains } from './explain';
import { learn } from './learned';
import { FACTORS, factorVariance, type Model } from './model';
import { fitNewDeals, type NewDealsModel } from './new-deals';
import { dealOutlook, type OutlookContext } from './outlook';
import { buildPlan } from './plan';
import { createRng } from './random';
import type { KnownAtNotes } from './known-at';
import { ownersInScope } from './scope';
import { resolveSettings } from './settings';
import { quantiles, shareReaching, simulate } from './simulate';
import { NOTE_TEXT } from './texts';
import type { Span } from './training';
import type { DealOutlook, Forecast, ForecastInput, ModelSummary, Note, OwnerOutlook } from './types';

/** Fewer comparable spans than this: the probabilities are called rough. */
const SHORT_HISTORY = 8;

export function forecast(input: ForecastInput): Forecast {
  const settings = resolveSettings(input.settings);
  const { period, asOf, calendar, currency } = input;
  if (!Number.isFinite(asOf)) throw new Error(`The forecast needs a finite as-of instant, got ${asOf}`);
  const periodOut = { start: period.start, end: period.end, label: period.label };
  if (!input.data.deals.length) return { status: 'needs-data', period: periodOut, asOf, missing: ['deals'], notes: [] };
  const { known, table, span, times, model } = learn(input.data, asOf, period, calendar.timeZone, currency, settings);
  // Deals as they stood (activities are read through the table, as of the instant); the rest as given.
  const data = { ...input.data, deals: known.data.deals };
  if (!data.deals.length) return { status: 'needs-data', period: periodOut, asOf, missing: ['deals'], notes: [] };
  const open = span.horizon > 0;
  if (open && !model) {
    return { status: 'needs-data', period: periodOut, asOf, missing: ['history'], notes: [{ code: 'no-history', text: NOTE_TEXT['no-history'], params: {} }] };
  }
  const scope = ownersInScope(input.scope, data);
  const notes: Note[] = [];
  const won = wonSoFar(data.deals, scope.includes, period.start, Math.min(asOf + 1, period.end), currency, notes);

  const ownerNames = new Map(data.owners.map((o) => [o.externalId, o.name]));
  const stages = new Map(data.stages.map((s) => [s.externalId, s]));
  const ctx: OutlookContext = {
    table,
    model,
    at: asOf,
    todayStart: periodContaining('day', asOf, calendar).start,
    ownerNames,
    stages,
    nextStage: nextStages(data.stages),
    productNames: new Map(data.products.map((p) => [p.externalId, p.name])),
    open,
  };
  const averages = wonAverages(data.deals, asOf - settings.trailingDays * DAY, asOf, currency);
  const openIndices: number[] = [];
  table.deals.forEach((deal, i) => {
    if (deal.status === 'open' && scope.includes(deal.ownerId)) openIndices.push(i);
  });
  openIndices.sort((a, b) => compareIds((table.deals[a] as Deal).externalId, (table.deals[b] as Deal).externalId) || a - b);
  const outlooks = openIndices.map((i) => dealOutlook(ctx, i, openDealAmount(table.deals[i] as Deal, productMap(data.products), averages, currency)));

  const owners = scopeOwners(input, data.owners, table, scope.includes);
  const newDeals: NewDealsModel = open
    ? fitNewDeals(table, times, span, owners.map((o) => o.code), asOf - settings.lookbackDays * DAY - span.horizon)
    : { owners: [], dispersion: 1, spans: 0, dealIds: [] };
  const slotOf = new Map(owners.map((o, slot) => [o.id, slot]));
  const uncertain = model ? uncertainFactors(model, table, openIndices) : { groupsOf: () => [], variance: [] };
  const rng = createRng(settings.seed);
  const sim = simulate(
    {
      deals: outlooks.map((d, k) => ({
        probability: d.probability,
        amount: d.amount ?? 0,
        slot: slotOf.get(d.ownerId) ?? owners.length,
        groups: uncertain.groupsOf(openIndices[k] as number),
      })),
      newDeals: newDeals.owners.map((o, k) => ({ slot: k, rate: o.rate, rateVariance: o.rateVariance, pool: o.pool })),
      dispersion: newDeals.dispersion,
      sharedVariance: model ? model.sharedVariance + model.levelVariance : 0,
      groupVariance: uncertain.variance,
      draws: settings.draws,
      slots: input.byOwner ? owners.length : 0,
    },
    rng,
  );
  const revenue = quantiles(sim.revenue, won.amount);
  const wonDeals = quantiles(sim.wins, won.deals);
  const quota = input.quota;
  const probabilityOfQuota = quota === undefined ? null : shareReaching(sim.revenue, won.amount, quota);

  const expectedAmount = outlooks.reduce((sum, d) => sum + d.expected, 0);
  const expectedWins = outlooks.reduce((sum, d) => sum + d.probability, 0);
  const withoutAmount = outlooks.filter((d) => d.amount === null).length;
  const newDealsOutlook = {
    expectedCount: newDeals.owners.reduce((sum, o) => sum + o.rate, 0),
    expectedAmount: newDeals.owners.reduce((sum, o) => sum + o.rate * mean(o.pool), 0),
    spans: newDeals.spans,
    dispersion: newDeals.dispersion,
    amountPool: newDeals.owners.reduce((max, o) => Math.max(max, o.pool.length), 0),
  };
  const lists = dealLists(outlooks, {
    todayStart: ctx.todayStart,
    periodEnd: period.end,
    staleDays: settings.staleDays,
    deadDays: settings.deadDays,
    hasActivity: table.hasActivity,
    top: settings.topDeals,
  });
  const plan = buildPlan({
    deals: data.deals,
    table,
    includes: scope.includes,
    asOf,
    periodEnd: period.end,
    calendar,
    currency,
    quota,
    wonSoFar: won.amount,
    expectedPipelineAmount: expectedAmount,
    expectedPipelineWins: expectedWins,
    settings,
  });
  notes.push(...dataNotes(known.notes, table, outlooks, times.length, span, open));
  const ownerIds = owners.map((o) => o.id);
  const byOwner: OwnerOutlook[] | undefined = input.byOwner
    ? owners.map((o, slot) => {
        const mine = outlooks.filter((d) => d.ownerId === o.id);
        const ownWon = wonSoFar(data.deals, (id) => id === o.id, period.start, Math.min(asOf + 1, period.end), currency, []);
        const nd = newDeals.owners[slot];
        return {
          ownerId: o.id,
          ownerName: ownerNames.get(o.id) ?? o.id,
          wonSoFar: { amount: ownWon.amount, deals: ownWon.deals },
          revenue: quantiles(sim.slotRevenue[slot] as Float64Array, ownWon.amount),
          wonDeals: quantiles(sim.slotWins[slot] as Float64Array, ownWon.deals),
          expectedFromPipeline: mine.reduce((sum, d) => sum + d.expected, 0),
          expectedFromNewDeals: nd ? nd.rate * mean(nd.pool) : 0,
          openDeals: mine.length,
        };
      })
    : undefined;
  const modelSummary = summarise(model, table, owners.length);
  const result = {
    status: 'ok' as const,
    period: periodOut,
    asOf,
    currency: currency.reporting,
    ownerIds,
    wonSoFar: won,
    revenue,
    wonDeals,
    quota: quota ?? null,
    probabilityOfQuota,
    pipeline: { openDeals: outlooks.length, expectedAmount, expectedWins, withoutAmount },
    newDeals: newDealsOutlook,
    deals: [...outlooks].sort((a, b) => b.expected - a.expected || b.probability - a.probability || compareIds(a.dealId, b.dealId)),
    ...lists,
    plan,
    ...(byOwner ? { byOwner } : {}),
    model: modelSummary,
    notes,
    draws: settings.draws,
    seed: settings.seed,
  };
  return { ...result, explain: buildExplains(result, { newDealIds: newDeals.dealIds, staleDays: settings.staleDays, deadDays: settings.deadDays }) };
}

/** The factor levels the open deals use, each an uncertain group for the draws, and each deal's groups. */
function uncertainFactors(model: Model, table: DealTable, open: readonly number[]) {
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

function wonSoFar(
  deals: readonly Deal[],
  includes: (ownerId: string) => boolean,
  from: number,
  to: number,
  currency: Parameters<typeof ownAmount>[1],
  notes: Note[],
) {
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
function scopeOwners(input: ForecastInput, owners: ForecastInput['data']['owners'], table: DealTable, includes: (id: string) => boolean) {
  const inactive = new Set(owners.filter((o) => o.active === false).map((o) => o.externalId));
  const names = new Map(owners.map((o) => [o.externalId, o.name]));
  const ids =
    input.scope.ownerIds === 'all'
      ? table.ownerIds.filter((id) => includes(id) && !inactive.has(id))
      : [...new Set(input.scope.ownerIds)];
  return ids
    .map((id) => ({ id, code: table.ownerIds.indexOf(id), name: names.get(id) ?? id }))
    .sort((a, b) => compareIds(a.name, b.name) || compareIds(a.id, b.id));
}

function nextStages(stages: readonly Stage[]): Map<string, Stage> {
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
function productMap(products: ForecastInput['data']['products']) {
  let map = productCache.get(products);
  if (!map) productCache.set(products, (map = new Map(products.map((p) => [p.externalId, p]))));
  return map;
}

function dataNotes(k: KnownAtNotes, table: DealTable, outlooks: readonly DealOutlook[], spans: number, span: Span, open: boolean): Note[] {
  const notes: Note[] = [];
  const undated = outlooks.filter((d) => d.ageDays === null).length;
  if (undated) notes.push({ code: 'undated-deals', text: NOTE_TEXT['undated-deals'], params: { count: undated } });
  // Without any stage history the forecast does not use stages at all, and says so below instead.
  if (k.stageFromCurrent && table.hasStageHistory) notes.push({ code: 'stage-from-current', text: NOTE_TEXT['stage-from-current'], params: { count: k.stageFromCurrent } });
  if (!table.hasStageHistory) notes.push({ code: 'no-stage-history', text: NOTE_TEXT['no-stage-history'], params: {} });
  if (!table.hasActivity) notes.push({ code: 'no-activities', text: NOTE_TEXT['no-activities'], params: {} });
  if (table.amountUnusedReason) notes.push({ code: 'amount-not-used', text: NOTE_TEXT['amount-not-used'], params: { reason: table.amountUnusedReason } });
  const estimated = outlooks.filter((d) => d.amountSource !== 'deal' && d.amountSource !== 'none').length;
  if (estimated) notes.push({ code: 'amount-estimated', text: NOTE_TEXT['amount-estimated'], params: { count: estimated } });
  const none = outlooks.filter((d) => d.amountSource === 'none').length;
  if (none) notes.push({ code: 'no-amount', text: NOTE_TEXT['no-amount'], params: { count: none } });
  if (open && spans < SHORT_HISTORY) notes.push({ code: 'short-history', text: NOTE_TEXT['short-history'], params: { count: spans } });
  if (!open) notes.push({ code: 'period-over', text: NOTE_TEXT['period-over'], params: {} });
  if (span.lead > 0) notes.push({ code: 'future-period', text: NOTE_TEXT['future-period'], params: {} });
  return notes;
}

function summarise(model: Model | undefined, table: DealTable, scopeOwners: number): ModelSummary {
  const features: ModelSummary['features'] = [
    { feature: 'age', used: true },
    table.hasActivity ? { feature: 'activity', used: true } : { feature: 'activity', used: false, reason: 'no activities linked to deals' },
    table.hasStageHistory ? { feature: 'stage', used: true } : { feature: 'stage', used: false, reason: 'no stage history' },
    table.ownerIds.length > 1 || scopeOwners > 1 ? { feature: 'owner', used: true } : { feature: 'owner', used: false, reason: 'one owner' },
    table.productIds.length ? { feature: 'product', used: true } : { feature: 'product', used: false, reason: 'no products on deals' },
    table.amountUnusedReason ? { feature: 'amount', used: false, reason: table.amountUnusedReason } : { feature: 'amount', used: true },
  ];
  if (!model) {
    return { snapshots: 0, examples: 0, baseRate: 0, sharedVariance: 0, shrinkage: { age: 0, activity: 0, stage: 0, owner: 0, product: 0, amount: 0 }, features };
  }
  return {
    snapshots: model.snapshots,
    examples: model.examples,
    baseRate: model.base,
    sharedVariance: model.sharedVariance,
    shrinkage: {
      age: model.age.strength,
      activity: model.activity.strength,
      stage: model.stage.strength,
      owner: model.factors.owner.strength,
      product: model.factors.product.strength,
      amount: model.factors.amount.strength,
    },
    features,
  };
}

function mean(values: Float64Array): number {
  if (!values.length) return 0;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
