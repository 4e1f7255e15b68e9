/**
 * Prepared indexes of the big record arrays (deals, activities, leads): owner ids as integers and the
 * records sorted by each instant a period can select them by. They are built in one pass the first time
 * an array is seen and kept in a WeakMap keyed by the array itself, so the sidebar's next query over the
 * same records (another period, another rep) only binary-searches. KpiData arrays are therefore treated
 * as immutable: a changed data set must come as a new array (as Dexie queries and liveQuery give).
 */
import type { Activity, Deal, Lead } from '../../model';
import { toReporting } from '../../money/convert';
import type { CurrencyOptions } from '../../money/types';
import { columnTableOf, type ColumnTable } from '../../columns/table';
import { activityColumnsOf, dealColumnsOf, leadColumnsOf, tableDealRows } from './columns-table';
import type { DealRow } from './types';
import type { KpiData } from '../types';
import { doneActivities, doneOnDealBy } from './done-activities';
import { emptyOwnerColumn, setOwner, setTime, sortTimes, timeColumn, type OwnerColumn, type TimeIndex } from './time-index';

export type DealColumns = {
  owners: OwnerColumn;
  byCreated: TimeIndex;
  /** Won and lost deals with a close date. */
  byClosed: TimeIndex;
  open: Uint32Array;
  won: Uint32Array;
  /** 1 for a won deal, 0 for any other (by position). */
  wonAt: Uint8Array;
  /** Per owner integer: deals with no created date; closed deals with no close date. */
  withoutCreatedAt: Int32Array;
  closedWithoutCloseDate: Int32Array;
  wonWithoutCloseDate: Int32Array;
  presence: { wonDeals: boolean; openDeals: boolean; regions: boolean; channels: boolean; lineItems: boolean; stageHistory: boolean; costs: boolean };
  /** Deal rows (amount in the reporting currency) per currency setting, filled as they are needed. */
  rows: Map<string, (DealRow | undefined)[]>;
};

export type ActivityColumns = {
  owners: OwnerColumn;
  byOccurred: TimeIndex;
  /** Meetings by booking date (the meeting date where the CRM gives none). */
  meetingsByBooked: TimeIndex;
  /** Whether each meeting is a demo, per keyword setting, filled as meetings are looked at. */
  demoVerdicts: Map<string, Map<number, boolean>>;
  emailTracking: boolean;
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
  const table = columnTableOf(deals);
  if (table) {
    const columns = dealColumnsOf(table as ColumnTable<'deal'>);
    dealCache.set(deals, columns);
    return columns;
  }
  const count = deals.length;
  const owners = emptyOwnerColumn(count);
  const created = timeColumn(count);
  const closed = timeColumn(count);
  const open: number[] = [];
  const won: number[] = [];
  const noCreated: number[] = [];
  const noCloseDate: number[] = [];
  const wonNoCloseDate: number[] = [];
  const wonAt = new Uint8Array(count);
  const presence = { wonDeals: false, openDeals: false, regions: false, channels: false, lineItems: false, stageHistory: false, costs: false };
  // One read of each deal fills every column.
  for (let i = 0; i < count; i += 1) {
    const deal = deals[i] as Deal;
    setOwner(owners, i, deal.ownerId);
    setTime(created, i, deal.createdAt);
    if (deal.status === 'open') {
      open.push(i);
      presence.openDeals = true;
    } else {
      setTime(closed, i, deal.closedAt);
      if (deal.closedAt === undefined) noCloseDate.push(i);
      if (deal.status === 'won') {
        won.push(i);
        wonAt[i] = 1;
        if (deal.closedAt === undefined) wonNoCloseDate.push(i);
        presence.wonDeals = true;
      }
    }
    if (deal.createdAt === undefined) noCreated.push(i);
    if (deal.region) presence.regions = true;
    if (deal.channel) presence.channels = true;
    if (deal.stageHistory?.length) presence.stageHistory = true;
    if (deal.directCost) presence.costs = true;
    if (deal.lineItems.length) {
      presence.lineItems = true;
      if (!presence.costs && deal.lineItems.some((line) => line.unitCost)) presence.costs = true;
    }
  }
  const perOwner = (positions: number[]) => {
    const counts = new Int32Array(owners.ids.size);
    for (const i of positions) {
      const o = owners.of[i] as number;
      counts[o] = (counts[o] as number) + 1;
    }
    return counts;
  };
  const columns: DealColumns = {
    owners,
    byCreated: sortTimes(created),
    byClosed: sortTimes(closed),
    open: Uint32Array.from(open),
    won: Uint32Array.from(won),
    wonAt,
    withoutCreatedAt: perOwner(noCreated),
    closedWithoutCloseDate: perOwner(noCloseDate),
    wonWithoutCloseDate: perOwner(wonNoCloseDate),
    presence,
    rows: new Map(),
  };
  dealCache.set(deals, columns);
  return columns;
}

/** Deal rows by position, each converted to the reporting currency the first time it is needed. */
export type DealRows = { at: (i: number) => DealRow };

/** Each deal's amount in the reporting currency, converted at most once per currency setting. */
export function dealRows(columns: DealColumns, deals: readonly Deal[], currency: CurrencyOptions): DealRows {
  const key = `${currency.reporting}|${Object.entries(currency.rates)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .join(';')}`;
  let rows = columns.rows.get(key);
  if (!rows) {
    if (columns.rows.size >= 4) columns.rows.clear();
    columns.rows.set(key, (rows = new Array<DealRow | undefined>(deals.length)));
  }
  const cache = rows;
  const table = columnTableOf(deals);
  if (table) return tableDealRows(table as ColumnTable<'deal'>, deals, cache, currency);
  return {
    at(i) {
      let row = cache[i];
      if (row === undefined) {
        const deal = deals[i] as Deal;
        const c = toReporting(deal.amount, deal.convertedAmount, currency);
        row = c.ok ? { deal, minor: c.minor, issue: undefined } : { deal, minor: undefined, issue: c.reason };
        cache[i] = row;
      }
      return row;
    },
  };
}

export function activityColumns(activities: readonly Activity[]): ActivityColumns {
  const cached = activityCache.get(activities);
  if (cached) return cached;
  const table = columnTableOf(activities);
  if (table) {
    const columns = activityColumnsOf(table as ColumnTable<'activity'>);
    activityCache.set(activities, columns);
    return columns;
  }
  const count = activities.length;
  const owners = emptyOwnerColumn(count);
  const occurred = timeColumn(count);
  const booked = timeColumn(count);
  let emailTracking = false;
  for (let i = 0; i < count; i += 1) {
    const a = activities[i] as Activity;
    setOwner(owners, i, a.ownerId);
    setTime(occurred, i, a.occurredAt);
    if (a.type === 'meeting') {
      setTime(booked, i, a.createdAt ?? a.occurredAt);
    } else if (!emailTracking && a.type === 'email' && a.email && (a.email.opened !== undefined || a.email.replied !== undefined)) {
      emailTracking = true;
    }
  }
  const columns: ActivityColumns = {
    owners,
    byOccurred: sortTimes(occurred),
    meetingsByBooked: sortTimes(booked),
    demoVerdicts: new Map(),
    emailTracking,
  };
  activityCache.set(activities, columns);
  return columns;
}

/** The latest done activity on a deal at or before `asOf`, from any owner. */
export function lastActivityOn(activities: readonly Activity[], dealId: string, asOf: number): number | undefined {
  const index = doneActivities(activities);
  const [from, to] = doneOnDealBy(index, dealId, asOf);
  return to > from ? index.times[to - 1] : undefined;
}

/**
 * The prepared columns of a data set's deals, activities and leads, made now. Over the column store
 * they sort the orders a cold start would otherwise sort before its first numbers (ColumnTable.sorted
 * keeps them as made, for the store).
 */
export function prepareColumns(data: Pick<KpiData, 'deals' | 'activities' | 'leads'>): void {
  dealColumns(data.deals);
  activityColumns(data.activities);
  leadColumns(data.leads);
}

export function leadColumns(leads: readonly Lead[]): LeadColumns {
  const cached = leadCache.get(leads);
  if (cached) return cached;
  const table = columnTableOf(leads);
  if (table) {
    const columns = leadColumnsOf(table as ColumnTable<'lead'>);
    leadCache.set(leads, columns);
    return columns;
  }
  const count = leads.length;
  const owners = emptyOwnerColumn(count);
  const [created, converted, mql, sql] = [timeColumn(count), timeColumn(count), timeColumn(count), timeColumn(count)];
  let lifecycle = false;
  for (let i = 0; i < count; i += 1) {
    const lead = leads[i] as Lead;
    setOwner(owners, i, lead.ownerId);
    setTime(created, i, lead.createdAt);
    setTime(converted, i, lead.convertedAt);
    setTime(mql, i, lead.mqlAt);
    setTime(sql, i, lead.sqlAt);
    if (lead.mqlAt !== undefined) lifecycle = true;
  }
  const columns: LeadColumns = {
    owners,
    byCreated: sortTimes(created),
    byConverted: sortTimes(converted),
    byMql: sortTimes(mql),
    bySql: sortTimes(sql),
    lifecycle,
  };
  leadCache.set(leads, columns);
  return columns;
}
