import type { KpiData } from '../kpi/types';
import { periodContaining } from '../period';
import type { CalendarOptions } from '../period/types';

/** A source made from a file or a table read from a page: a snapshot, not a live CRM. */
export const isFileSource = (source: string) => /^(csv|table):/.test(source);

const ends = new WeakMap<KpiData, number | undefined>();

/**
 * The last moment a source's records tell of something that happened (a deal created or closed, an
 * activity done, a lead created or converted, a customer won or lost, an MRR movement), not after
 * `now`: expected close dates and planned activities are plans, not data. Undefined without any.
 */
export function dataEnd(data: KpiData, now: number): number | undefined {
  if (ends.has(data)) {
    const cached = ends.get(data);
    if (cached === undefined || cached <= now) return cached;
  }
  let end = -Infinity;
  const see = (at: number | undefined) => {
    if (at !== undefined && at <= now && at > end) end = at;
  };
  for (const deal of data.deals) {
    see(deal.createdAt);
    see(deal.closedAt);
  }
  for (const activity of data.activities) if (activity.done) see(activity.occurredAt);
  for (const lead of data.leads) {
    see(lead.createdAt);
    see(lead.convertedAt);
  }
  for (const customer of data.customers) {
    see(customer.acquiredAt);
    see(customer.churnedAt);
  }
  for (const movement of data.mrrMovements) see(movement.at);
  const found = end === -Infinity ? undefined : end;
  ends.set(data, found);
  return found;
}

/** The clock a view of a source runs on: now, or for a file whose data ended before today, the end of its last day. */
export type ViewClock = { asOf: number; dataEndsAt?: number };

/**
 * A file is a snapshot: its "now" is when its data ends. When a file's data ends before today (a
 * historical export), the view is as of the end of the data's last day, so "this month" opens on
 * the data's latest month rather than an empty one years later, and the page says where the data
 * ends. A CRM's data is live: its clock is always now.
 */
export function viewClock(source: string, data: KpiData, now: number, calendar: CalendarOptions): ViewClock {
  if (!isFileSource(source)) return { asOf: now };
  const end = dataEnd(data, now);
  if (end === undefined) return { asOf: now };
  const today = periodContaining('day', now, calendar);
  if (end >= today.start) return { asOf: now };
  return { asOf: periodContaining('day', end, calendar).end - 1, dataEndsAt: end };
}

/**
 * Whether the records can say when a deal was last worked on: any activity logged, or any deal
 * carrying the CRM's own "last activity" date. A file of deals alone cannot, and no deal is idle
 * for it: it just does not know.
 */
export function knowsActivity(data: KpiData): boolean {
  return data.activities.length > 0 || data.deals.some((deal) => deal.lastActivityAt !== undefined);
}
