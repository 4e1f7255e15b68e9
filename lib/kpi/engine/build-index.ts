/**
 * The index behind computeKpis: scope filter, period membership, owner maps, stage maps and converted
 * amounts are worked out here once per query, so that each KPI then reads small, ready lists instead of
 * filtering the records again. Deals, activities and leads come through prepared columns (columns.ts):
 * one pass the first time an array is seen, then binary search per period. Customers, MRR movements,
 * quotas and spend are few and are read in one pass each. No date library call happens per record.
 */
import type { Customer, Stage } from '../../model';
import { toReporting } from '../../money/convert';
import { likeForLike } from '../../period/like-for-like';
import { localDateToInstant } from '../../period/local-date';
import { previousPeriod } from '../../period/periods';
import { churnedBy, customerSince } from '../shared/as-of';
import { minSampleOf } from '../shared/sample';
import { buildPlans, periodInfo } from './build-plans';
import type { ClvMethod } from '../clv-types';
import { activityColumns, dealColumns, dealRows, lastActivityOn, leadColumns } from './columns';
import { dayNumberIn } from './day-number';
import { existingDealById } from './deal-lookup';
import { activityEvidence, dealEvidence, firstPayments, firstSpendMonth, leadEvidence, type DealEvidence } from './evidence';
import type { EvalContext, KpiIndex, Presence, Slice } from './types';
import { collectColdNeeds } from '../../columns/table';
import { placeActivities, placeDeals, placeLeads, placer } from './place-records';
import { ALL_PLACEMENTS, type Placements } from './placements';
import { indexById } from './records';
import { UNASSIGNED, resolveScope, sortMembers } from './scope';
import { newSlice, placeCustomer, placeMrr, rejectMrr } from './slices';
import type { DataNeed, KpiData, KpiQuery } from '../types';

const SUBTRACTING = new Set(['contraction', 'churn']);

export type IndexOptions = {
  /** Build per-owner slices (for a breakdown by owner or the leaderboard). */
  owners: boolean;
  /** The windows' record lists to fill: those the asked KPIs read (placements.ts); all when absent. */
  placements?: Placements;
  clvMethods: readonly ClvMethod[];
};

export function buildIndex(data: KpiData, query: KpiQuery, options: IndexOptions): KpiIndex {
  const { calendar, currency, asOf } = query;
  const compare = query.comparePeriod ?? previousPeriod(query.period, calendar);
  // The period asked for as of `asOf`; the compare period as of the corresponding instant (like for like).
  const spans = likeForLike(query.period, compare, asOf, calendar);
  const infos = [periodInfo(query.period, asOf, calendar), periodInfo(compare, spans.comparisonAt, calendar)] as const;
  const scope = resolveScope(query.scope, data.owners);
  const ownerNames = new Map([...indexById(data.owners)].map(([id, o]) => [id, o.name]));
  // Which data is there as of `asOf`: evidence that appears only later does not count yet.
  const since = { ...emptySince() };
  const seenBy = (need: DataNeed, t: number) => (since[need] = Math.min(since[need], t));

  const scopeSlice = newSlice('*', infos, []);
  const owners = options.owners ? new Map<string, Slice>() : undefined;
  const seen = new Set<string>(scope.named ?? data.owners.map((o) => o.externalId));
  const ownerSlice = (ownerId: string | undefined): Slice | undefined => {
    if (!owners) return undefined;
    const key = ownerId ?? UNASSIGNED;
    let slice = owners.get(key);
    if (!slice) owners.set(key, (slice = newSlice(key, infos, key === UNASSIGNED ? [] : [key])));
    return slice;
  };

  const dc = dealColumns(data.deals);
  const de = dealEvidence(data.deals);
  for (const need of Object.keys(de.since) as (keyof DealEvidence['since'])[]) seenBy(need, de.since[need]);

  // Customers that exist at `asOf` (an acquisition date after it: not yet); customers are accounts with a won deal.
  const existing = data.customers.filter((c) => c.acquiredAt === undefined || c.acquiredAt <= asOf);
  const customersById = indexById(existing);
  // Only customers without an acquisition date need their first payment (it reads every won deal's customer).
  let firstPaid: ReadonlyMap<string, number> | undefined;
  const paidFirst = (customer: Customer) => (firstPaid ??= firstPayments(de, data.mrrMovements)).get(customer.externalId);
  for (const customer of existing) {
    seenBy('customers', -Infinity);
    if (customer.region || customer.country) seenBy('regions', -Infinity);
    const churned = churnedBy(customer, asOf);
    if (churned !== undefined) seenBy('churnDates', churned);
    if (customer.churnReason && (customer.churnedAt === undefined || churned !== undefined)) seenBy('churnReasons', churned ?? -Infinity);
    if (!scope.includes(customer.ownerId)) continue;
    if (customer.ownerId !== undefined) seen.add(customer.ownerId);
    const became = customerSince(customer, customer.acquiredAt === undefined ? paidFirst(customer) : undefined);
    if (became === undefined || became > asOf) continue; // not a customer (yet)
    placeCustomer(scopeSlice, customer, became);
    const own = ownerSlice(customer.ownerId);
    if (own) placeCustomer(own, customer, became);
  }

  // Over the column store each placement first names the chunks its windows need (place-records.ts):
  // the three name theirs before any is read, so a cold worker reads them in one go, not one per type.
  // A type's placer is made even when its lists are not filled: it adds the type's owners to the members.
  const place = options.placements ?? ALL_PLACEMENTS;
  const needs = collectColdNeeds();
  const dealPlacer = placer(dc.owners, scope, ownerSlice, seen, de.ownerSince, asOf);
  if (place.deals) needs.attempt(() => placeDeals(scopeSlice, dc, de, data.deals, dealRows(dc, data.deals, currency), dealPlacer, asOf));

  const ac = activityColumns(data.activities);
  const ae = activityEvidence(data.activities);
  seenBy('activities', ae.since.activities);
  seenBy('emailTracking', ae.since.emailTracking);
  const keywords = query.settings.demoKeywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0);
  const activityPlacer = placer(ac.owners, scope, ownerSlice, seen, ae.ownerSince, asOf);
  if (place.activities || place.demos) needs.attempt(() => placeActivities(scopeSlice, ac, data.activities, keywords, activityPlacer, place));

  const lc = leadColumns(data.leads);
  const le = leadEvidence(data.leads);
  seenBy('leads', le.since.leads);
  seenBy('leadLifecycle', le.since.leadLifecycle);
  const leadPlacer = placer(lc.owners, scope, ownerSlice, seen, le.ownerSince, asOf);
  if (place.leads) needs.attempt(() => placeLeads(scopeSlice, lc, data.leads, leadPlacer));
  needs.settle();

  for (const movement of data.mrrMovements) {
    if (movement.at > asOf) continue; // not yet
    seenBy('mrrMovements', movement.at);
    if (movement.kind === 'churn') seenBy('churnDates', movement.at);
    const ownerId = movement.ownerId ?? customersById.get(movement.customerId)?.ownerId;
    if (!scope.includes(ownerId)) continue;
    if (ownerId !== undefined) seen.add(ownerId);
    const own = ownerSlice(ownerId);
    const conversion = toReporting(movement.amount, undefined, currency);
    if (!conversion.ok) {
      rejectMrr(scopeSlice, conversion.reason);
      if (own) rejectMrr(own, conversion.reason);
      continue;
    }
    const signed = SUBTRACTING.has(movement.kind) ? -conversion.minor : conversion.minor;
    const row = { movement, minor: conversion.minor, signed };
    placeMrr(scopeSlice, row);
    if (own) placeMrr(own, row);
  }

  const members = sortMembers(seen, ownerNames);
  scopeSlice.members = members;
  if (owners) for (const id of members) ownerSlice(id);

  // Plans and configuration are not events: they hold at any instant (spend from the month it is for).
  if (data.stages.length) seenBy('stages', -Infinity);
  if (data.quotas.length) seenBy('quotas', -Infinity);
  const spendFrom = firstSpendMonth(data.spend);
  if (spendFrom !== null) seenBy('spend', localDateToInstant(`${spendFrom}-01`, calendar.timeZone) ?? -Infinity);
  if (query.settings.defaultMarginPct !== undefined || data.products.some((product) => product.unitCost)) seenBy('costs', -Infinity);
  const has = Object.fromEntries(Object.entries(since).map(([need, t]) => [need, t <= asOf])) as Presence;

  const plans = buildPlans(data, query, infos);
  const stages = indexById(data.stages);
  const pipelineStages = stagesByPipeline([...stages.values()]);
  const ctx: EvalContext = {
    data,
    query,
    reporting: currency.reporting,
    has,
    ownerNames,
    stages,
    pipelines: indexById(data.pipelines),
    pipelineStages,
    stagePosition: new Map([...pipelineStages.values()].flatMap((list) => list.map((stage, i) => [stage.externalId, i] as const))),
    products: indexById(data.products),
    customersById,
    dealById: existingDealById(data.deals, asOf),
    lastActivityOf: (dealId, at) => lastActivityOn(data.activities, dealId, at),
    dayNumber: dayNumberIn(calendar.timeZone),
    quotaShares: plans.quotaShares,
    impossibleQuotas: plans.impossibleQuotas,
    spend: plans.spend,
    clvMethods: options.clvMethods,
    minSample: minSampleOf(query.settings),
    partial: spans.partial,
    openDealsPriced: [scopeSlice.cur.open.some((row) => row.minor !== undefined), scopeSlice.prev.open.some((row) => row.minor !== undefined)],
  };
  return { ctx, scope: scopeSlice, owners };
}

function stagesByPipeline(stages: readonly Stage[]): Map<string, Stage[]> {
  const map = new Map<string, Stage[]>();
  for (const stage of stages) {
    const list = map.get(stage.pipelineId) ?? [];
    list.push(stage);
    map.set(stage.pipelineId, list);
  }
  for (const list of map.values()) list.sort((a, b) => a.order - b.order || (a.externalId < b.externalId ? -1 : 1));
  return map;
}

/** Every kind of input, not seen yet (Infinity: since never). */
function emptySince(): Record<DataNeed, number> {
  const needs: DataNeed[] = [
    'deals',
    'wonDeals',
    'openDeals',
    'activities',
    'leads',
    'leadLifecycle',
    'customers',
    'mrrMovements',
    'spend',
    'quotas',
    'stages',
    'lineItems',
    'costs',
    'regions',
    'channels',
    'stageHistory',
    'emailTracking',
    'churnReasons',
    'churnDates',
    'dealAmounts',
  ];
  return Object.fromEntries(needs.map((need) => [need, Infinity])) as Record<DataNeed, number>;
}
