/**
 * The one pass over the data behind computeKpis: scope filter, period membership, owner maps, stage
 * maps and converted amounts are worked out here once, so that each KPI then reads small, ready lists
 * instead of filtering the records again. Period boundaries are plain numbers by now: no date
 * library call happens per record.
 */
import type { Activity, Stage } from '../model';
import { toReporting } from '../money/convert';
import { periodContaining, previousPeriod } from '../period/periods';
import { buildPlans, periodInfo } from './build-plans';
import type { ClvMethod } from './clv-types';
import type { DealRow, EvalContext, KpiIndex, Presence, Slice } from './engine-types';
import { indexById } from './records';
import { UNASSIGNED, resolveScope, sortMembers } from './scope';
import { newSlice, placeActivity, placeCustomer, placeDeal, placeLead, placeMrr, rejectMrr } from './slices';
import type { DataNeed, KpiData, KpiQuery } from './types';

const SUBTRACTING = new Set(['contraction', 'churn']);
const DEMO_SUBTYPES = new Set(['demo', 'trial']);

export type IndexOptions = {
  /** Build per-owner slices (for a breakdown by owner or the leaderboard). */
  owners: boolean;
  /** Track each deal's latest activity (only stale deals read it). */
  lastActivity: boolean;
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
  const seenOwner = (ownerId: string | undefined) => {
    if (ownerId !== undefined) seen.add(ownerId);
  };

  const customersById = indexById(data.customers);
  for (const customer of data.customers) {
    has.customers = true;
    if (customer.region || customer.country) has.regions = true;
    if (customer.churnReason) has.churnReasons = true;
    if (!scope.includes(customer.ownerId)) continue;
    seenOwner(customer.ownerId);
    placeCustomer(scopeSlice, customer);
    const own = ownerSlice(customer.ownerId);
    if (own) placeCustomer(own, customer);
  }

  // Open deals in scope get a slot for their latest activity, filled in by the activity pass below.
  const openSlot = new Map<string, number>();
  for (const deal of data.deals) {
    notePresence(has, deal);
    if (!scope.includes(deal.ownerId)) continue;
    seenOwner(deal.ownerId);
    if (deal.status === 'open' && options.lastActivity && !openSlot.has(deal.externalId)) openSlot.set(deal.externalId, openSlot.size);
    const conversion = toReporting(deal.amount, deal.convertedAmount, currency);
    const row: DealRow = conversion.ok
      ? { deal, minor: conversion.minor, issue: undefined }
      : { deal, minor: undefined, issue: conversion.reason };
    placeDeal(scopeSlice, row);
    const own = ownerSlice(deal.ownerId);
    if (own) placeDeal(own, row);
  }

  const keywords = query.settings.demoKeywords.map((k) => k.trim().toLowerCase()).filter((k) => k.length > 0);
  const lastActivity = new Float64Array(openSlot.size).fill(Number.NEGATIVE_INFINITY);
  const trackLast = openSlot.size > 0;
  has.activities = data.activities.length > 0;
  for (const activity of data.activities) {
    if (activity.email !== undefined && !has.emailTracking && activity.type === 'email') {
      if (activity.email.opened !== undefined || activity.email.replied !== undefined) has.emailTracking = true;
    }
    // Any owner's activity on the deal counts, not only the deal owner's.
    if (trackLast && activity.done && activity.dealId !== undefined && activity.occurredAt <= asOf) {
      const slot = openSlot.get(activity.dealId);
      if (slot !== undefined && activity.occurredAt > (lastActivity[slot] as number)) lastActivity[slot] = activity.occurredAt;
    }
    if (!scope.includes(activity.ownerId)) continue;
    seenOwner(activity.ownerId);
    const demo = activity.type === 'meeting' && isDemo(activity, keywords);
    placeActivity(scopeSlice, activity, demo);
    const own = ownerSlice(activity.ownerId);
    if (own) placeActivity(own, activity, demo);
  }

  for (const lead of data.leads) {
    has.leads = true;
    if (lead.mqlAt !== undefined) has.leadLifecycle = true;
    if (!scope.includes(lead.ownerId)) continue;
    seenOwner(lead.ownerId);
    placeLead(scopeSlice, lead);
    const own = ownerSlice(lead.ownerId);
    if (own) placeLead(own, lead);
  }

  for (const movement of data.mrrMovements) {
    has.mrrMovements = true;
    const ownerId = movement.ownerId ?? customersById.get(movement.customerId)?.ownerId;
    if (!scope.includes(ownerId)) continue;
    seenOwner(ownerId);
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
    lastActivityOf: (dealId) => {
      const slot = openSlot.get(dealId);
      const last = slot === undefined ? undefined : lastActivity[slot];
      return last !== undefined && Number.isFinite(last) ? last : undefined;
    },
    quotaShares: plans.quotaShares,
    impossibleQuotas: plans.impossibleQuotas,
    spend: plans.spend,
    todayStart: periodContaining('day', asOf, calendar).start,
    clvMethods: options.clvMethods,
  };
  return { ctx, scope: scopeSlice, owners };
}

/** A meeting is a demo when its subtype is `demo`/`trial` or its subtype or title holds a user keyword. */
function isDemo(activity: Activity, keywords: readonly string[]): boolean {
  const subtype = activity.subtype?.toLowerCase();
  if (subtype !== undefined && DEMO_SUBTYPES.has(subtype)) return true;
  const title = activity.title?.toLowerCase();
  for (const keyword of keywords) {
    if (subtype?.includes(keyword) || title?.includes(keyword)) return true;
  }
  return false;
}

function notePresence(has: Presence, deal: KpiData['deals'][number]): void {
  has.deals = true;
  if (deal.status === 'won') has.wonDeals = true;
  else if (deal.status === 'open') has.openDeals = true;
  if (deal.region) has.regions = true;
  if (deal.channel) has.channels = true;
  if (deal.lineItems.length) {
    has.lineItems = true;
    if (!has.costs && deal.lineItems.some((line) => line.unitCost)) has.costs = true;
  }
  if (deal.stageHistory?.length) has.stageHistory = true;
  if (deal.directCost) has.costs = true;
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
