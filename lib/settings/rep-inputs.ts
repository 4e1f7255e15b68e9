import type { KpiData } from '../kpi/types';
import type { ContactMethod, Deal, Lead, Product, Quota, Target } from '../model';
import { isManualId, productOfManualId } from './manual-ids';
import type { Settings } from './schema';

/**
 * A quota the rep entered wins over the CRM's: every CRM quota of the same rep
 * (or team) whose dates lie within a manual one's is left out. So a manual Q2
 * quota replaces the CRM's Q2 and its April, May and June quotas, while a
 * manual June quota replaces the CRM's June but leaves the CRM's Q2 for the
 * quarter view (for June the engine prefers the finer month). Returns which
 * CRM quota each manual one replaced, for the options page.
 */
export function effectiveQuotas(quotas: readonly Quota[]): { quotas: readonly Quota[]; overriddenBy: Map<string, string> } {
  const manual = new Map<string, Quota[]>();
  for (const quota of quotas) if (isManualId(quota.externalId)) pushTo(manual, assignee(quota), quota);
  const overriddenBy = new Map<string, string>();
  if (manual.size === 0) return { quotas, overriddenBy };
  const kept = quotas.filter((quota) => {
    if (isManualId(quota.externalId)) return true;
    const winner = manual.get(assignee(quota))?.find((entry) => entry.startDate <= quota.startDate && quota.endDate <= entry.endDate);
    if (winner) overriddenBy.set(quota.externalId, winner.externalId);
    return winner === undefined;
  });
  return { quotas: kept, overriddenBy };
}

/** A target the rep entered wins over the CRM's for the same rep (or everyone) and metric. */
export function effectiveTargets(targets: readonly Target[]): readonly Target[] {
  const manual = new Set(targets.filter((target) => isManualId(target.externalId)).map(targetKey));
  if (manual.size === 0) return targets;
  return targets.filter((target) => isManualId(target.externalId) || !manual.has(targetKey(target)));
}

/**
 * A unit cost the rep entered (`manual:product:<id>`) becomes the cost of
 * product `<id>`, replacing the CRM's; the manual records themselves are not
 * products. A line item's own cost from the CRM still comes first in the
 * engine (it is the most specific), then the product's, then the default margin.
 */
export function effectiveProducts(products: readonly Product[]): readonly Product[] {
  const costs = new Map<string, Product>();
  for (const product of products) {
    const target = productOfManualId(product.externalId);
    if (target !== undefined) costs.set(target, product);
  }
  if (costs.size === 0) return products;
  const result: Product[] = [];
  for (const product of products) {
    if (productOfManualId(product.externalId) !== undefined) continue;
    const manual = costs.get(product.externalId);
    costs.delete(product.externalId);
    result.push(manual?.unitCost ? { ...product, unitCost: manual.unitCost } : product);
  }
  // Costs for products that only appear on line items (no product record from the CRM).
  for (const [productId, manual] of costs) result.push({ ...manual, externalId: productId });
  return result;
}

/**
 * How the rep's "what counts" settings reshape deals and leads before the KPIs
 * read them: the channel map turns the CRM's own channel values into contact
 * methods, `contactMethodField: 'lead'` gives a deal the channel of the lead it
 * came from, and `regionField` takes a deal's region from its customer.
 */
export function applyFieldRules(
  data: KpiData,
  settings: Pick<Settings, 'channelMap' | 'contactMethodField' | 'regionField'>,
): Pick<KpiData, 'deals' | 'leads'> {
  const map = new Map(Object.entries(settings.channelMap).map(([raw, method]) => [normalise(raw), method]));
  const mapChannel = <T extends Deal | Lead>(record: T): T => {
    const mapped = record.channelRaw === undefined ? undefined : map.get(normalise(record.channelRaw));
    return mapped === undefined || mapped === record.channel ? record : { ...record, channel: mapped };
  };
  const leads = map.size ? data.leads.map(mapChannel) : data.leads;
  const dealRules = map.size > 0 || settings.contactMethodField === 'lead' || settings.regionField !== 'deal';
  if (!dealRules) return { deals: data.deals, leads };
  const leadChannel = new Map<string, ContactMethod>();
  if (settings.contactMethodField === 'lead') {
    for (const lead of leads) if (lead.convertedDealId !== undefined && lead.channel !== undefined) leadChannel.set(lead.convertedDealId, lead.channel);
  }
  const customers = settings.regionField === 'deal' ? undefined : new Map(data.customers.map((customer) => [customer.externalId, customer]));
  const deals = data.deals.map((original) => {
    let deal = mapChannel(original);
    const fromLead = leadChannel.get(deal.externalId);
    if (fromLead !== undefined && fromLead !== deal.channel) deal = { ...deal, channel: fromLead };
    const customer = customers && deal.customerId !== undefined ? customers.get(deal.customerId) : undefined;
    const region = settings.regionField === 'customer-country' ? customer?.country : customer?.region;
    if (region !== undefined && region !== deal.region) deal = { ...deal, region };
    return deal;
  });
  return { deals, leads };
}

/**
 * The records the KPIs read for a source: what the rep entered wins over the
 * CRM's, and the field rules are applied. Arrays nothing applies to are passed
 * through as they are, so the engine's per-array caches stay warm.
 */
export function applyRepInputs(data: KpiData, settings: Pick<Settings, 'channelMap' | 'contactMethodField' | 'regionField'>): KpiData {
  const quotas = effectiveQuotas(data.quotas).quotas;
  const targets = effectiveTargets(data.targets);
  const products = effectiveProducts(data.products);
  const { deals, leads } = applyFieldRules(data, settings);
  if (quotas === data.quotas && targets === data.targets && products === data.products && deals === data.deals && leads === data.leads) return data;
  return { ...data, quotas, targets, products, deals, leads };
}

/**
 * `applyRepInputs` remembered per data snapshot and rule set: the view service
 * asks for the same source's data many times between two changes.
 */
export function memoRepInputs(): (data: KpiData, settings: Pick<Settings, 'channelMap' | 'contactMethodField' | 'regionField'>) => KpiData {
  const memo = new WeakMap<KpiData, { key: string; result: KpiData }>();
  return (data, settings) => {
    const key = JSON.stringify([settings.channelMap, settings.contactMethodField, settings.regionField]);
    const hit = memo.get(data);
    if (hit?.key === key) return hit.result;
    const result = applyRepInputs(data, settings);
    memo.set(data, { key, result });
    return result;
  };
}

function assignee(quota: Quota): string {
  return quota.teamId !== undefined ? `team:${quota.teamId}` : `rep:${quota.ownerId ?? ''}`;
}

function targetKey(target: Target): string {
  return `${target.ownerId ?? '*'}|${target.metric}`;
}

function normalise(raw: string): string {
  return raw.trim().toLowerCase();
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
