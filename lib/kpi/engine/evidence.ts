/**
 * When each kind of input first exists in a record array, so that "which data is there" can be asked as
 * of any instant (a KPI whose input appears only after the instant needs data, as it did then), and when
 * each owner's first record exists (an owner with nothing yet is not a member of the view yet). One pass
 * per array, kept in a WeakMap keyed by the array like columns.ts; then every query reads a few numbers.
 * `-Infinity` = since always (a record without a date cannot be shown to be later); `Infinity` = never.
 */
import type { Activity, Deal, Lead, MrrMovement, Spend } from '../../model';
import { columnTableOf, type ColumnTable } from '../../columns/table';
import { dealBornAt } from '../shared/as-of';
import { activityEvidenceOf, dealEvidenceOf, leadEvidenceOf, noDealSinceYet } from './evidence-table';

export type DealEvidence = {
  /** Each deal's birth (creation, else first contact or stage entry); NaN when it has none. */
  born: Float64Array;
  since: { deals: number; wonDeals: number; openDeals: number; regions: number; channels: number; lineItems: number; stageHistory: number; costs: number };
  ownerSince: Map<string, number>;
  /**
   * Per customer id: when its first won deal exists (born and won), the start of its being a customer.
   * Made when first asked for: only customers without an acquisition date need it, and over the column
   * store it reads the deals' cold chunks.
   */
  firstWon: () => ReadonlyMap<string, number>;
  /** Positions of deals without a created date, and of closed deals without a close date (counted as of each instant). */
  undated: Uint32Array;
  closedUndated: Uint32Array;
};

export type ActivityEvidence = { since: { activities: number; emailTracking: number }; ownerSince: Map<string, number> };
export type LeadEvidence = { since: { leads: number; leadLifecycle: number }; ownerSince: Map<string, number> };

const dealCache = new WeakMap<readonly Deal[], DealEvidence>();
const activityCache = new WeakMap<readonly Activity[], ActivityEvidence>();
const leadCache = new WeakMap<readonly Lead[], LeadEvidence>();

const earliest = (map: Map<string, number>, key: string, t: number) => {
  const current = map.get(key);
  if (current === undefined || t < current) map.set(key, t);
};

export function dealEvidence(deals: readonly Deal[]): DealEvidence {
  const cached = dealCache.get(deals);
  if (cached) return cached;
  const table = columnTableOf(deals);
  if (table) {
    const evidence = dealEvidenceOf(table as ColumnTable<'deal'>);
    dealCache.set(deals, evidence);
    return evidence;
  }
  const born = new Float64Array(deals.length);
  const since = noDealSinceYet();
  const ownerSince = new Map<string, number>();
  const firstWon = new Map<string, number>();
  const undated: number[] = [];
  const closedUndated: number[] = [];
  for (let i = 0; i < deals.length; i += 1) {
    const deal = deals[i] as Deal;
    const b = dealBornAt(deal);
    born[i] = b ?? Number.NaN;
    const t = b ?? -Infinity;
    since.deals = Math.min(since.deals, t);
    since.openDeals = Math.min(since.openDeals, t);
    earliest(ownerSince, deal.ownerId, t);
    if (deal.createdAt === undefined) undated.push(i);
    if (deal.status !== 'open' && deal.closedAt === undefined) closedUndated.push(i);
    if (deal.status === 'won') {
      const wonSince = Math.max(t, deal.closedAt ?? -Infinity);
      since.wonDeals = Math.min(since.wonDeals, wonSince);
      if (deal.customerId !== undefined) earliest(firstWon, deal.customerId, wonSince);
    }
    if (deal.region) since.regions = Math.min(since.regions, t);
    if (deal.channel) since.channels = Math.min(since.channels, t);
    if (deal.stageHistory?.length) since.stageHistory = Math.min(since.stageHistory, t);
    if (deal.directCost || deal.lineItems.some((line) => line.unitCost)) since.costs = Math.min(since.costs, t);
    if (deal.lineItems.length) since.lineItems = Math.min(since.lineItems, t);
  }
  const evidence: DealEvidence = {
    born,
    since,
    ownerSince,
    firstWon: () => firstWon,
    undated: Uint32Array.from(undated),
    closedUndated: Uint32Array.from(closedUndated),
  };
  dealCache.set(deals, evidence);
  return evidence;
}

export function activityEvidence(activities: readonly Activity[]): ActivityEvidence {
  const cached = activityCache.get(activities);
  if (cached) return cached;
  const table = columnTableOf(activities);
  if (table) {
    const evidence = activityEvidenceOf(table as ColumnTable<'activity'>);
    activityCache.set(activities, evidence);
    return evidence;
  }
  const since = { activities: Infinity, emailTracking: Infinity };
  const ownerSince = new Map<string, number>();
  for (const a of activities) {
    // In the data once it happened or was booked (as-of.ts activityExistsAt).
    const t = a.createdAt !== undefined ? Math.min(a.createdAt, a.occurredAt) : a.occurredAt;
    since.activities = Math.min(since.activities, t);
    earliest(ownerSince, a.ownerId, t);
    if (a.type === 'email' && a.email && (a.email.opened !== undefined || a.email.replied !== undefined))
      since.emailTracking = Math.min(since.emailTracking, t);
  }
  const evidence = { since, ownerSince };
  activityCache.set(activities, evidence);
  return evidence;
}

export function leadEvidence(leads: readonly Lead[]): LeadEvidence {
  const cached = leadCache.get(leads);
  if (cached) return cached;
  const table = columnTableOf(leads);
  if (table) {
    const evidence = leadEvidenceOf(table as ColumnTable<'lead'>);
    leadCache.set(leads, evidence);
    return evidence;
  }
  const since = { leads: Infinity, leadLifecycle: Infinity };
  const ownerSince = new Map<string, number>();
  for (const lead of leads) {
    since.leads = Math.min(since.leads, lead.createdAt);
    if (lead.ownerId !== undefined) earliest(ownerSince, lead.ownerId, lead.createdAt);
    if (lead.mqlAt !== undefined) since.leadLifecycle = Math.min(since.leadLifecycle, Math.max(lead.createdAt, lead.mqlAt));
  }
  const evidence = { since, ownerSince };
  leadCache.set(leads, evidence);
  return evidence;
}

const paymentCache = new WeakMap<DealEvidence, WeakMap<readonly MrrMovement[], ReadonlyMap<string, number>>>();

/**
 * When each account first paid: its first won deal (`firstWon`), or its first new-MRR movement where the
 * data holds subscriptions rather than deals. Kept per pair of arrays.
 */
export function firstPayments(deals: DealEvidence, movements: readonly MrrMovement[]): ReadonlyMap<string, number> {
  let byMovements = paymentCache.get(deals);
  if (!byMovements) paymentCache.set(deals, (byMovements = new WeakMap()));
  let first = byMovements.get(movements);
  if (first) return first;
  const map = new Map(deals.firstWon());
  for (const m of movements) if (m.kind === 'new') earliest(map, m.customerId, m.at);
  byMovements.set(movements, (first = map));
  return first;
}

const spendCache = new WeakMap<readonly Spend[], string | null>();

/** The first month any spend is entered for (`YYYY-MM`, which sorts like the months it names); null for none. */
export function firstSpendMonth(spend: readonly Spend[]): string | null {
  let first = spendCache.get(spend);
  if (first !== undefined) return first;
  first = null;
  for (const record of spend) if (first === null || record.month < first) first = record.month;
  spendCache.set(spend, first);
  return first;
}
