/**
 * Prepared indexes of the big record arrays (deals, activities, leads): owner ids as integers and the
 * records sorted by each instant a period can select them by. They are built in one pass the first time
 * an array is seen and kept in a WeakMap keyed by the array itself, so the sidebar's next query over the
 * same records (another period, another rep) only binary-searches. KpiData arrays are therefore treated
 * as immutable: a changed data set must come as a new array (as Dexie queries and liveQuery give).
 */
import type { Activity, Deal, Lead } from '../model';
import { toReporting } from '../money/convert';
import type { CurrencyOptions } from '../money/types';
import type { DealRow } from './engine-types';
import { lowerBound, ownerColumn, timeIndex, type OwnerColumn, type TimeIndex } from './time-index';

export type DealColumns = {
  owners: OwnerColumn;
  byCreated: TimeIndex;
  /** Won and lost deals with a close date. */
  byClosed: TimeIndex;
  open: Uint32Array;
  won: Uint32Array;
  /** Per owner integer: deals with no created date; closed deals with no close date. */
  withoutCreatedAt: Int32Array;
  closedWithoutCloseDate: Int32Array;
  presence: { wonDeals: boolean; openDeals: boolean; regions: boolean; channels: boolean; lineItems: boolean; stageHistory: boolean; costs: boolean };
  /** Deal rows (amount in the reporting currency) per currency setting. */
  rows: Map<string, DealRow[]>;
};

export type ActivityColumns = {
  owners: OwnerColumn;
  byOccurred: TimeIndex;
  /** Meetings by booking date (the meeting date where the CRM gives none). */
  meetingsByBooked: TimeIndex;
  /** Lower-case subtype and title of each meeting, for demo keywords. */
  meetingText: Map<number, { subtype: string | undefined; title: string | undefined }>;
  emailTracking: boolean;
  /** Times of done activities per deal, sorted; built the first time stale deals are asked for. */
  doneByDeal: Map<string, Float64Array> | undefined;
};

export type LeadColumns = {
  owners: OwnerColumn;
  byCreated: TimeIndex;
  byConverted: TimeIndex;
  byMql: TimeIndex;
  bySql: TimeIndex;
  lifecycle: boolean;
};

const dealCache = new WeakMap<readonly Deal[], DealColumns>();
const activityCache = new WeakMap<readonly Activity[], ActivityColumns>();
const leadCache = new WeakMap<readonly Lead[], LeadColumns>();

export function dealColumns(deals: readonly Deal[]): DealColumns {
  const cached = dealCache.get(deals);
  if (cached) return cached;
  const owners = ownerColumn(deals.length, (i) => deals[i]?.ownerId);
  const withoutCreatedAt = new Int32Array(owners.ids.size);
  const closedWithoutCloseDate = new Int32Array(owners.ids.size);
  const open: number[] = [];
  const won: number[] = [];
  const presence = { wonDeals: false, openDeals: false, regions: false, channels: false, lineItems: false, stageHistory: false, costs: false };
  deals.forEach((deal, i) => {
    const o = owners.of[i] as number; // deals always have an owner
    if (deal.status === 'open') open.push(i);
    else if (deal.status === 'won') won.push(i);
    if (deal.createdAt === undefined) withoutCreatedAt[o] = (withoutCreatedAt[o] as number) + 1;
    if (deal.status !== 'open' && deal.closedAt === undefined) closedWithoutCloseDate[o] = (closedWithoutCloseDate[o] as number) + 1;
    if (deal.status === 'won') presence.wonDeals = true;
    if (deal.status === 'open') presence.openDeals = true;
    if (deal.region) presence.regions = true;
    if (deal.channel) presence.channels = true;
    if (deal.stageHistory?.length) presence.stageHistory = true;
    if (deal.directCost) presence.costs = true;
    if (deal.lineItems.length) {
      presence.lineItems = true;
      if (deal.lineItems.some((line) => line.unitCost)) presence.costs = true;
    }
  });
  const columns: DealColumns = {
    owners,
    byCreated: timeIndex(deals.length, (i) => deals[i]?.createdAt),
    byClosed: timeIndex(deals.length, (i) => (deals[i]?.status === 'open' ? undefined : deals[i]?.closedAt)),
    open: Uint32Array.from(open),
    won: Uint32Array.from(won),
    withoutCreatedAt,
    closedWithoutCloseDate,
    presence,
    rows: new Map(),
  };
  dealCache.set(deals, columns);
  return columns;
}

/** Each deal's amount in the reporting currency, converted once per currency setting. */
export function dealRows(columns: DealColumns, deals: readonly Deal[], currency: CurrencyOptions): DealRow[] {
  const key = `${currency.reporting}|${Object.entries(currency.rates).sort(([a], [b]) => (a < b ? -1 : 1)).join(';')}`;
  const cached = columns.rows.get(key);
  if (cached) return cached;
  const rows = deals.map((deal): DealRow => {
    const c = toReporting(deal.amount, deal.convertedAmount, currency);
    return c.ok ? { deal, minor: c.minor, issue: undefined } : { deal, minor: undefined, issue: c.reason };
  });
  if (columns.rows.size >= 4) columns.rows.clear();
  columns.rows.set(key, rows);
  return rows;
}

export function activityColumns(activities: readonly Activity[]): ActivityColumns {
  const cached = activityCache.get(activities);
  if (cached) return cached;
  const meetingText = new Map<number, { subtype: string | undefined; title: string | undefined }>();
  let emailTracking = false;
  activities.forEach((a, i) => {
    if (a.type === 'meeting') meetingText.set(i, { subtype: a.subtype?.toLowerCase(), title: a.title?.toLowerCase() });
    else if (!emailTracking && a.type === 'email' && a.email && (a.email.opened !== undefined || a.email.replied !== undefined)) emailTracking = true;
  });
  const columns: ActivityColumns = {
    owners: ownerColumn(activities.length, (i) => activities[i]?.ownerId),
    byOccurred: timeIndex(activities.length, (i) => activities[i]?.occurredAt),
    meetingsByBooked: timeIndex(activities.length, (i) => {
      const a = activities[i];
      return a?.type === 'meeting' ? (a.createdAt ?? a.occurredAt) : undefined;
    }),
    meetingText,
    emailTracking,
    doneByDeal: undefined,
  };
  activityCache.set(activities, columns);
  return columns;
}

/** The latest done activity on a deal at or before `asOf`, from any owner. */
export function lastActivityOn(columns: ActivityColumns, activities: readonly Activity[], dealId: string, asOf: number): number | undefined {
  if (!columns.doneByDeal) {
    const lists = new Map<string, number[]>();
    for (const a of activities) {
      if (!a.done || a.dealId === undefined) continue;
      const list = lists.get(a.dealId);
      if (list) list.push(a.occurredAt);
      else lists.set(a.dealId, [a.occurredAt]);
    }
    columns.doneByDeal = new Map([...lists].map(([id, times]) => [id, Float64Array.from(times).sort()]));
  }
  const times = columns.doneByDeal.get(dealId);
  if (!times) return undefined;
  const after = lowerBound(times, asOf + 1); // first time > asOf (instants are whole ms)
  return after > 0 ? times[after - 1] : undefined;
}

export function leadColumns(leads: readonly Lead[]): LeadColumns {
  const cached = leadCache.get(leads);
  if (cached) return cached;
  const columns: LeadColumns = {
    owners: ownerColumn(leads.length, (i) => leads[i]?.ownerId),
    byCreated: timeIndex(leads.length, (i) => leads[i]?.createdAt),
    byConverted: timeIndex(leads.length, (i) => leads[i]?.convertedAt),
    byMql: timeIndex(leads.length, (i) => leads[i]?.mqlAt),
    bySql: timeIndex(leads.length, (i) => leads[i]?.sqlAt),
    lifecycle: leads.some((l) => l.mqlAt !== undefined),
  };
  leadCache.set(leads, columns);
  return columns;
}
