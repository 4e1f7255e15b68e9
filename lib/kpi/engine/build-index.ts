/**
 * The index behind computeKpis: scope filter, period membership, owner maps, stage maps and converted
 * amounts are worked out here once per query, so that each KPI then reads small, ready lists instead of
 * filtering the records again. Deals, activities and leads come through prepared columns (columns.ts):
 * one pass the first time an array is seen, then binary search per period. Customers, MRR movements,
 * quotas and spend are few and are read in one pass each. No date library call happens per record.
 */
import type { Stage } from '../../model';
import { toReporting } from '../../money/convert';
import { periodContaining, previousPeriod } from '../../period/periods';
import { buildPlans, periodInfo } from './build-plans';
import type { ClvMethod } from '../clv-types';
import { activityColumns, dealColumns, dealRows, lastActivityOn, leadColumns } from './columns';
import type { EvalContext, KpiIndex, Presence, Slice } from './types';
import { placeActivities, placeDeals, placeLeads, placer } from './place-records';
import { indexById } from './records';
import { UNASSIGNED, resolveScope, sortMembers } from './scope';
import { newSlice, placeCustomer, placeMrr, rejectMrr } from './slices';
import type { DataNeed, KpiData, KpiQuery } from '../types';

const SUBTRACTING = new Set(['contraction', 'churn']);

export type IndexOptions = {
  /** Build per-owner slices (for a breakdown by owner or the leaderboard). */
  owners: boolean;
  clvMethods: readonly ClvMethod[];
};

export function buildIndex(data: KpiData, query: KpiQuery, options: IndexOptions): KpiIndex {
  const { calendar, currency, asOf } = query;
  const compare = query.comparePeriod ?? previousPeriod(query.period, calendar);
  const infos = [periodInfo(query.period, asOf, calendar), periodInfo(compare, asOf, calendar)] as const;
  const scope = resolveScope(query.scope, data.owners);
  const ownerNames = new Map([...indexById(data.owners)].map(([id, o]) => [id, o.name]));
  const has = emptyPresence();

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

  const customersById = indexById(data.customers);
  for (const customer of data.customers) {
    has.customers = true;
    if (customer.region || customer.country) has.regions = true;
    if (customer.churnReason) has.churnReasons = true;
    if (!scope.includes(customer.ownerId)) continue;
    if (customer.ownerId !== undefined) seen.add(customer.ownerId);
    placeCustomer(scopeSlice, customer);
    const own = ownerSlice(customer.ownerId);
    if (own) placeCustomer(own, customer);
  }

  const dc = dealColumns(data.deals);
  has.deals = data.deals.length > 0;
  for (const [need, present] of Object.entries(dc.presence)) if (present) has[need as DataNeed] = true;
  placeDeals(scopeSlice, dc, dealRows(dc, data.deals, currency), placer(dc.owners, scope, ownerSlice, seen));

  const ac = activityColumns(data.activities);
  has.activities = data.activities.length > 0;
  has.emailTracking = ac.emailTracking;
  const keywords = query.settings.demoKeywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0);
  placeActivities(scopeSlice, ac, data.activities, keywords, placer(ac.owners, scope, ownerSlice, seen));

  const lc = leadColumns(data.leads);
  has.leads = data.leads.length > 0;
  has.leadLifecycle = lc.lifecycle;
  placeLeads(scopeSlice, lc, data.leads, placer(lc.owners, scope, ownerSlice, seen));

  for (const movement of data.mrrMovements) {
    has.mrrMovements = true;
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

  has.stages = data.stages.length > 0;
  has.quotas = data.quotas.length > 0;
  has.spend = data.spend.length > 0;
  if (query.settings.defaultMarginPct !== undefined) has.costs = true;
  for (const product of data.products) if (product.unitCost) has.costs = true;

  const plans = buildPlans(data, query, [infos[0].period, infos[1].period]);
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
    lastActivityOf: (dealId) => lastActivityOn(data.activities, dealId, asOf),
    quotaShares: plans.quotaShares,
    impossibleQuotas: plans.impossibleQuotas,
    spend: plans.spend,
    todayStart: periodContaining('day', asOf, calendar).start,
    clvMethods: options.clvMethods,
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

function emptyPresence(): Presence {
  const needs: DataNeed[] = [
    'deals', 'wonDeals', 'openDeals', 'activities', 'leads', 'leadLifecycle', 'customers', 'mrrMovements', 'spend',
    'quotas', 'stages', 'lineItems', 'costs', 'regions', 'channels', 'stageHistory', 'emailTracking', 'churnReasons',
  ];
  return Object.fromEntries(needs.map((need) => [need, false])) as Presence;
}
