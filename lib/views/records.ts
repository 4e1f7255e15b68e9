import { RECORD_TABLES } from '../db/schema';
import type { KpiData } from '../kpi/types';
import type { CanonicalRecord, RecordByType, RecordType } from '../model';
import type { Money } from '../model/money';
import { nextMonthStart } from '../period/measures';
import { conversionOf, ratesUsed, type MoneyContext, type RateUsed, type RowConversion } from './record-money';

/** The records of one page of the explain panel's list. */
export const MAX_RECORDS_PAGE = 50;
/** How far the list can be paged: enough to check a number, not a way to dump the database. */
export const MAX_RECORDS_LISTED = 1_000;

/** One record behind a number, as the explain panel lists it: text only, and the CRM link if it has one. */
export type RecordRow = {
  id: string;
  type: RecordType;
  title: string;
  url?: string;
  amount?: Money;
  /** `amount` in the reporting currency as the totals count it (absent when it is in that currency already). */
  converted?: RowConversion;
  status?: string;
  /** The instant that placed the record in the period (closed, occurred, created...). */
  at?: number;
  kind?: string;
  ownerName?: string;
  /**
   * The calendar days a quota or spend row covers (YYYY-MM-DD, `to` exclusive), for the sidebar to put
   * in words in the UI language; `title` keeps the dates as data for other readers.
   */
  span?: { from: string; to: string };
};

export type RecordPage = {
  total: number;
  listable: number;
  offset: number;
  rows: RecordRow[];
  /** The reporting currency, and the rates that converted the amounts of every record behind the number (not only this page's). */
  reporting?: string;
  rates?: RateUsed[];
};

const byIdCache = new WeakMap<readonly CanonicalRecord[], Map<string, CanonicalRecord>>();

/** Records of one type by id; built once per data snapshot (the arrays are replaced on change). */
export function recordsById<T extends RecordType>(data: KpiData, type: T): ReadonlyMap<string, RecordByType[T]> {
  const list = data[RECORD_TABLES[type]] as unknown as readonly CanonicalRecord[];
  let map = byIdCache.get(list);
  if (!map) {
    map = new Map(list.map((record) => [record.externalId, record]));
    byIdCache.set(list, map);
  }
  return map as unknown as ReadonlyMap<string, RecordByType[T]>;
}

/** Which ids of a result a page shows: at most MAX_RECORDS_PAGE, within the first MAX_RECORDS_LISTED. */
export function pageOf(ids: readonly string[], offset: number, limit: number): { listable: number; start: number; ids: readonly string[] } {
  const listable = Math.min(ids.length, MAX_RECORDS_LISTED);
  const start = Math.max(0, Math.min(offset, listable));
  const end = Math.min(listable, start + Math.max(0, Math.min(limit, MAX_RECORDS_PAGE)));
  return { listable, start, ids: ids.slice(start, end) };
}

/**
 * A page of the records behind a result, in the result's order, for the explain panel. With
 * `money`, each amount in another currency comes with its converted amount, and the page with the
 * rates used for all of the result's records (and when each was entered). `pageRecords` are the
 * page's records (or undefined where one is gone) when the caller read them itself, from the database
 * (the worker does: its activities and deals are columns, not records); else `data` has them.
 */
export function recordPage(
  data: KpiData,
  type: RecordType,
  ids: readonly string[],
  offset: number,
  limit: number,
  money?: MoneyContext,
  pageRecords?: readonly (CanonicalRecord | undefined)[],
): RecordPage {
  const page = pageOf(ids, offset, limit);
  const owners = recordsById(data, 'owner');
  const customers = recordsById(data, 'customer');
  const known = pageRecords ? undefined : recordsById(data, type);
  const rows = page.ids.map((id, i): RecordRow => {
    const record = pageRecords ? pageRecords[i] : known!.get(id);
    const row: RecordRow = record ? describe(type, record, owners, customers) : { id, type, title: id };
    const converted = money && record ? conversionOf(row.amount, convertedOf(record), money) : undefined;
    return converted ? { ...row, converted } : row;
  });
  const shown = { total: ids.length, listable: page.listable, offset: page.start, rows };
  if (!money || !MONEY_TYPES.has(type)) return shown;
  // The rates used are those of all the result's records, not only this page's.
  const records = recordsById(data, type);
  const amounts = function* () {
    for (const id of ids) {
      const record = records.get(id);
      if (record) yield { amount: amountOf(record), convertedAmount: convertedOf(record) };
    }
  };
  return { ...shown, reporting: money.currency.reporting, rates: ratesUsed(amounts(), money) };
}

/** Record types whose rows carry an amount. */
const MONEY_TYPES: ReadonlySet<RecordType> = new Set(['deal', 'mrrMovement', 'quota', 'spend']);
const amountOf = (record: CanonicalRecord): Money | undefined => ('amount' in record ? (record.amount as Money | undefined) : undefined);
const convertedOf = (record: CanonicalRecord): Money | undefined => ('convertedAmount' in record ? (record.convertedAmount as Money | undefined) : undefined);

function describe(
  type: RecordType,
  record: CanonicalRecord,
  owners: ReadonlyMap<string, RecordByType['owner']>,
  customers: ReadonlyMap<string, RecordByType['customer']>,
): RecordRow {
  const row: RecordRow = { id: record.externalId, type, title: record.externalId, url: record.url };
  const ownerOf = (id: string | undefined) => (id === undefined ? undefined : (owners.get(id)?.name ?? id));
  switch (type) {
    case 'deal': {
      const deal = record as RecordByType['deal'];
      return {
        ...row,
        title: deal.title || deal.externalId,
        amount: deal.amount,
        status: deal.status,
        at: deal.closedAt ?? deal.createdAt,
        ownerName: ownerOf(deal.ownerId),
      };
    }
    case 'activity': {
      const activity = record as RecordByType['activity'];
      return {
        ...row,
        title: activity.title || activity.type,
        kind: activity.type,
        at: activity.occurredAt,
        status: activity.done ? 'done' : 'planned',
        ownerName: ownerOf(activity.ownerId),
      };
    }
    case 'lead': {
      const lead = record as RecordByType['lead'];
      return { ...row, title: lead.name || lead.externalId, status: lead.status, at: lead.convertedAt ?? lead.createdAt, ownerName: ownerOf(lead.ownerId) };
    }
    case 'customer': {
      const customer = record as RecordByType['customer'];
      return {
        ...row,
        title: customer.name,
        at: customer.churnedAt ?? customer.acquiredAt,
        status: customer.churnedAt !== undefined ? 'churned' : 'active',
        ownerName: ownerOf(customer.ownerId),
      };
    }
    case 'owner':
      return { ...row, title: (record as RecordByType['owner']).name };
    case 'mrrMovement': {
      const movement = record as RecordByType['mrrMovement'];
      // The customer's name where the data has the customer, not its id ("customer-362").
      return { ...row, title: customers.get(movement.customerId)?.name || movement.customerId, kind: movement.kind, amount: movement.amount, at: movement.at };
    }
    case 'quota': {
      const quota = record as RecordByType['quota'];
      return {
        ...row,
        title: `${quota.startDate} – ${quota.endDate}`,
        span: { from: quota.startDate, to: quota.endDate },
        amount: quota.amount,
        ownerName: ownerOf(quota.ownerId),
      };
    }
    case 'spend': {
      const spend = record as RecordByType['spend'];
      return { ...row, title: spend.month, span: { from: `${spend.month}-01`, to: nextMonthStart(spend.month) }, kind: spend.kind, amount: spend.amount };
    }
    default:
      return { ...row, title: 'name' in record && typeof record.name === 'string' ? record.name : record.externalId };
  }
}
