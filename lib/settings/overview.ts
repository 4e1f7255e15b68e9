import type { KpiData } from '../kpi/types';
import type { ContactMethod, Money, Quota, Spend, Target } from '../model';
import { toReporting } from '../money/convert';
import { isManualId, productOfManualId } from './manual-ids';
import { effectiveQuotas, effectiveTargets } from './rep-inputs';
import type { Settings } from './schema';

/** What the options page shows about one source, so the rep can set targets and rules against real data. */
export type OptionsOverview = {
  source: string;
  currentOwnerId?: string;
  owners: { id: string; name: string; teamId?: string; active: boolean }[];
  teams: { id: string; name: string }[];
  stages: { id: string; name: string; pipeline: string; order: number }[];
  /** CRM quotas (from the CRM's goals) and the rep's own, each marked; `overriddenBy` names the manual quota that wins. */
  quotas: (Quota & { manual: boolean; overriddenBy?: string })[];
  targets: (Target & { manual: boolean; overridden: boolean })[];
  spend: (Spend & { manual: boolean })[];
  /** Products from the CRM and from deal lines, with the CRM's unit cost and the rep's. */
  products: { id: string; name: string; crmCost?: Money; manualCost?: Money }[];
  /** Meeting types found in the activities, for "which meetings are demos". */
  meetingTypes: { type: string; count: number }[];
  /** The CRM's own channel values, with the contact method the adapter read from each (its most common). */
  channels: { raw: string; count: number; method?: ContactMethod }[];
  /** Every currency in the data, how many records use it, and how many the KPIs leave out for lack of a rate. */
  currencies: { code: string; records: number; leftOut: number }[];
  /** Deals that get a region with each choice of the region field. */
  regions: Record<Settings['regionField'], number>;
};

const LIST_LIMIT = 500;

/** Pure: the overview of a source's records (as stored, before the rep's rules) under the current settings. */
export function buildOptionsOverview(source: string, data: KpiData, settings: Settings): OptionsOverview {
  const pipelines = new Map(data.pipelines.map((pipeline) => [pipeline.externalId, pipeline.name]));
  const { overriddenBy } = effectiveQuotas(data.quotas);
  const kept = new Set(effectiveTargets(data.targets));
  return {
    source,
    currentOwnerId: settings.currentOwner[source],
    owners: data.owners.map((owner) => ({ id: owner.externalId, name: owner.name, teamId: owner.teamId, active: owner.active })).sort(byName),
    teams: data.teams.map((team) => ({ id: team.externalId, name: team.name })).sort(byName),
    stages: data.stages
      .map((stage) => ({ id: stage.externalId, name: stage.name, pipeline: pipelines.get(stage.pipelineId) ?? stage.pipelineId, order: stage.order }))
      .sort((a, b) => a.pipeline.localeCompare(b.pipeline) || a.order - b.order),
    quotas: data.quotas
      .map((quota) => ({ ...quota, manual: isManualId(quota.externalId), overriddenBy: overriddenBy.get(quota.externalId) }))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.externalId.localeCompare(b.externalId))
      .slice(0, LIST_LIMIT),
    targets: data.targets.map((target) => ({ ...target, manual: isManualId(target.externalId), overridden: !kept.has(target) })),
    spend: data.spend.map((spend) => ({ ...spend, manual: isManualId(spend.externalId) })).sort((a, b) => b.month.localeCompare(a.month)),
    products: productsOf(data),
    meetingTypes: countBy(
      data.activities.filter((activity) => activity.type === 'meeting' && activity.subtype),
      (activity) => activity.subtype!.toLowerCase(),
    ).map(([type, count]) => ({ type, count })),
    channels: channelsOf(data),
    currencies: currenciesOf(data, settings),
    regions: regionsOf(data),
  };
}

function productsOf(data: KpiData): OptionsOverview['products'] {
  const products = new Map<string, OptionsOverview['products'][number]>();
  const manual = new Map<string, Money | undefined>();
  for (const product of data.products) {
    const target = productOfManualId(product.externalId);
    if (target !== undefined) manual.set(target, product.unitCost);
    else products.set(product.externalId, { id: product.externalId, name: product.name, crmCost: product.unitCost });
  }
  for (const deal of data.deals) {
    for (const line of deal.lineItems)
      if (line.productId !== undefined && !products.has(line.productId)) products.set(line.productId, { id: line.productId, name: line.name });
  }
  for (const [id, cost] of manual) {
    const product = products.get(id) ?? { id, name: id };
    products.set(id, { ...product, manualCost: cost });
  }
  return [...products.values()].sort(byName).slice(0, LIST_LIMIT);
}

function channelsOf(data: KpiData): OptionsOverview['channels'] {
  const seen = new Map<string, { raw: string; count: number; methods: Map<ContactMethod, number> }>();
  for (const record of [...data.deals, ...data.leads]) {
    if (record.channelRaw === undefined || record.channelRaw.trim() === '') continue;
    const key = record.channelRaw.trim().toLowerCase();
    const entry = seen.get(key) ?? { raw: record.channelRaw.trim(), count: 0, methods: new Map() };
    entry.count += 1;
    if (record.channel) entry.methods.set(record.channel, (entry.methods.get(record.channel) ?? 0) + 1);
    seen.set(key, entry);
  }
  return [...seen.values()]
    .sort((a, b) => b.count - a.count || a.raw.localeCompare(b.raw))
    .slice(0, LIST_LIMIT)
    .map(({ raw, count, methods }) => ({ raw, count, method: [...methods].sort((a, b) => b[1] - a[1])[0]?.[0] }));
}

/**
 * Per currency: the records with an amount in it (deals, quotas, spend, MRR
 * movements) and those a KPI sum would leave out under the current rates (the
 * same conversion rule as the engine: the CRM's converted amount first).
 */
function currenciesOf(data: KpiData, settings: Settings): OptionsOverview['currencies'] {
  const options = { reporting: settings.reportingCurrency, rates: settings.rates };
  const tally = new Map<string, { records: number; leftOut: number }>();
  const count = (amount: Money | undefined, converted?: Money) => {
    if (!amount) return;
    const entry = tally.get(amount.currency) ?? { records: 0, leftOut: 0 };
    entry.records += 1;
    const conversion = toReporting(amount, converted, options);
    if (!conversion.ok && conversion.reason.startsWith('no exchange rate')) entry.leftOut += 1;
    tally.set(amount.currency, entry);
  };
  for (const deal of data.deals) count(deal.amount, deal.convertedAmount);
  for (const quota of data.quotas) count(quota.amount);
  for (const spend of data.spend) count(spend.amount);
  for (const movement of data.mrrMovements) count(movement.amount);
  return [...tally].map(([code, entry]) => ({ code, ...entry })).sort((a, b) => b.records - a.records || a.code.localeCompare(b.code));
}

function regionsOf(data: KpiData): OptionsOverview['regions'] {
  const customers = new Map(data.customers.map((customer) => [customer.externalId, customer]));
  const regions = { deal: 0, 'customer-region': 0, 'customer-country': 0 };
  for (const deal of data.deals) {
    const customer = deal.customerId === undefined ? undefined : customers.get(deal.customerId);
    if (deal.region) regions.deal += 1;
    if (customer?.region ?? deal.region) regions['customer-region'] += 1;
    if (customer?.country ?? deal.region) regions['customer-country'] += 1;
  }
  return regions;
}

function countBy<T>(list: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of list) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, LIST_LIMIT);
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}
