/**
 * forecast(): where a period will end for a rep or a team, as of an instant, from only what was known
 * then. Won so far, plus each open deal won or not with its learned probability, plus deals not created
 * yet at the pace of comparable spans; a seeded Monte Carlo gives P10/P50/P90 of won revenue and won
 * deals and the chance of reaching the quota. With it: the plan to quota and the deals that matter.
 */
import { DAY_MS, periodContaining } from '../period';
import { openDealAmount, wonAverages } from './amounts';
import { byExpected, dealLists } from './deal-lists';
import { buildExplains } from './explain';
import { compareIds, mean, nextStages, ownersKept, productMap, scopeOwners, uncertainFactors, wonSoFar } from './forecast-parts';
import { learn } from './learned';
import { ownerOutlooks } from './owners';
import { fitNewDeals, type NewDealsModel } from './new-deals';
import { dealOutlook, type OutlookContext } from './outlook';
import { buildPlan } from './plan';
import { createRng } from './random';
import { ownersInScope } from './scope';
import { resolveSettings } from './settings';
import { quantiles, shareReaching, simulate } from './simulate';
import { dataNotes, summarise } from './summary';
import { NOTE_TEXT } from './texts';
import type { Forecast, ForecastInput, Note, OwnerOutlook } from './types';

export function forecast(input: ForecastInput): Forecast {
  const settings = resolveSettings(input.settings);
  const { period, asOf, calendar, currency } = input;
  if (!Number.isFinite(asOf)) throw new Error(`The forecast needs a finite as-of instant, got ${asOf}`);
  const periodOut = { start: period.start, end: period.end, label: period.label };
  if (!input.data.deals.length) return { status: 'needs-data', period: periodOut, asOf, missing: ['deals'], notes: [] };
  const { notes: knownNotes, table, span, times, model } = learn(input.data, asOf, period, calendar.timeZone, currency, settings, input.remember ?? true);
  // Deals as they stood are the table's (activities are read through it, as of the instant); the rest as given.
  const data = input.data;
  if (!table.ids.length) return { status: 'needs-data', period: periodOut, asOf, missing: ['deals'], notes: [] };
  const open = span.horizon > 0;
  if (open && !model) {
    return { status: 'needs-data', period: periodOut, asOf, missing: ['history'], notes: [{ code: 'no-history', text: NOTE_TEXT['no-history'], params: {} }] };
  }
  const scope = ownersInScope(input.scope, data);
  const notes: Note[] = [];
  const won = wonSoFar(table, scope.includes, period.start, Math.min(asOf + 1, period.end), notes);

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
  const averages = wonAverages(table, asOf - settings.trailingDays * DAY_MS, asOf);
  const openIndices: number[] = [];
  const kept = ownersKept(table, scope.includes);
  for (let i = 0; i < table.ids.length; i += 1) if (table.closed[i] === Infinity && kept[table.owner[i] as number]) openIndices.push(i); // open: never closed
  openIndices.sort((a, b) => compareIds(table.ids[a] as string, table.ids[b] as string) || a - b);
  const outlooks = openIndices.map((i) => dealOutlook(ctx, i, openDealAmount(table.dealAt(i), productMap(data.products), averages, currency)));

  const owners = scopeOwners(input, data.owners, table, scope.includes);
  const newDeals: NewDealsModel = open
    ? fitNewDeals(
        table,
        times,
        span,
        owners.map((o) => o.code),
        asOf - settings.lookbackDays * DAY_MS - span.horizon,
      )
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
  notes.push(...dataNotes(knownNotes, table, outlooks, times.length, span, open));
  const ownerIds = owners.map((o) => o.id);
  const byOwner: OwnerOutlook[] | undefined = input.byOwner
    ? ownerOutlooks(
        {
          table,
          model,
          asOf,
          settings,
          outlooks,
          slotRevenue: sim.slotRevenue,
          slotWins: sim.slotWins,
          newDealsAmount: (slot) => {
            const nd = newDeals.owners[slot];
            return nd ? nd.rate * mean(nd.pool) : 0;
          },
          wonOf: (id) => {
            const own = wonSoFar(table, (owner) => owner === id, period.start, Math.min(asOf + 1, period.end), []);
            return { amount: own.amount, deals: own.deals };
          },
          quotas: input.ownerQuotas,
        },
        owners,
      )
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
    deals: [...outlooks].sort(byExpected),
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
