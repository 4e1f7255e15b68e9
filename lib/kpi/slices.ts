/** Record placement: which period windows a record falls in, for the scope slice and an owner's slice. */
import type { Activity, Customer, Lead } from '../model';
import { tally } from '../money/convert';
import type { CustomerTally, DealRow, MrrRow, PeriodInfo, Slice, Window } from './engine-types';

export function newSlice(key: string, infos: readonly [PeriodInfo, PeriodInfo], members: readonly string[]): Slice {
  return {
    key,
    members,
    cur: newWindow(0, infos[0]),
    prev: newWindow(1, infos[1]),
    open: [],
    wonAll: [],
    customers: [],
    dealsWithoutCreatedAt: 0,
    closedWithoutCloseDate: 0,
    mrrIssues: new Map(),
  };
}

function newWindow(slot: 0 | 1, info: PeriodInfo): Window {
  const customers: CustomerTally = { atStart: 0, atEnd: 0, acquiredIds: [], lostIds: [], lostPassive: 0, lostNew: 0 };
  return {
    slot,
    info,
    won: [],
    lost: [],
    created: [],
    activities: [],
    planned: 0,
    demos: [],
    leadsCreated: [],
    leadsConverted: [],
    leadsMql: [],
    leadsSql: [],
    mrr: [],
    mrrStart: 0,
    mrrEnd: 0,
    mrrByCustomerEnd: new Map(),
    customers,
  };
}

/** [start, end): a record exactly at `start` is in, exactly at `end` is out. */
function within(at: number | undefined, w: Window): boolean {
  return at !== undefined && at >= w.info.period.start && at < w.info.period.end;
}

export function placeDeal(slice: Slice, row: DealRow): void {
  const deal = row.deal;
  if (deal.status === 'open') slice.open.push(row);
  else if (deal.status === 'won') slice.wonAll.push(row);
  if (deal.createdAt === undefined) slice.dealsWithoutCreatedAt += 1;
  if (deal.status !== 'open' && deal.closedAt === undefined) slice.closedWithoutCloseDate += 1;
  dealInWindow(slice.cur, row);
  dealInWindow(slice.prev, row);
}

function dealInWindow(w: Window, row: DealRow): void {
  const deal = row.deal;
  if (within(deal.createdAt, w)) w.created.push(row);
  if (deal.status !== 'open' && within(deal.closedAt, w)) (deal.status === 'won' ? w.won : w.lost).push(row);
}

export function placeActivity(slice: Slice, activity: Activity, isDemo: boolean): void {
  activityInWindow(slice.cur, activity, isDemo);
  activityInWindow(slice.prev, activity, isDemo);
}

function activityInWindow(w: Window, activity: Activity, isDemo: boolean): void {
  if (within(activity.occurredAt, w)) {
    if (activity.done) w.activities.push(activity);
    else w.planned += 1;
  }
  // A demo counts when it was booked; CRMs without a booking date give only the meeting date.
  if (isDemo && within(activity.createdAt ?? activity.occurredAt, w)) w.demos.push(activity);
}

export function placeLead(slice: Slice, lead: Lead): void {
  for (const w of [slice.cur, slice.prev]) {
    if (within(lead.createdAt, w)) w.leadsCreated.push(lead);
    if (within(lead.convertedAt, w)) w.leadsConverted.push(lead);
    if (within(lead.mqlAt, w)) w.leadsMql.push(lead);
    if (within(lead.sqlAt, w)) w.leadsSql.push(lead);
  }
}

/**
 * A customer exists from `acquiredAt` (or always, when the CRM gives no date) until `churnedAt`.
 * At the start of a window it is in the base if acquired before the start and not churned before it.
 */
export function placeCustomer(slice: Slice, customer: Customer): void {
  slice.customers.push(customer);
  const { acquiredAt, churnedAt } = customer;
  for (const w of [slice.cur, slice.prev]) {
    const { start, end } = w.info.period;
    const t = w.customers;
    const atStart = (acquiredAt === undefined || acquiredAt < start) && (churnedAt === undefined || churnedAt >= start);
    const atEnd = (acquiredAt === undefined || acquiredAt < end) && (churnedAt === undefined || churnedAt >= end);
    const acquired = within(acquiredAt, w);
    const lost = within(churnedAt, w);
    if (atStart) t.atStart += 1;
    if (atEnd) t.atEnd += 1;
    if (acquired) t.acquiredIds.push(customer.externalId);
    if (lost && atStart) {
      t.lostIds.push(customer.externalId);
      if (customer.churnReason === 'non-payment') t.lostPassive += 1;
    } else if (lost && acquired) {
      t.lostNew += 1;
    }
  }
}

export function placeMrr(slice: Slice, row: MrrRow): void {
  const at = row.movement.at;
  for (const w of [slice.cur, slice.prev]) {
    if (at < w.info.period.start) w.mrrStart += row.signed;
    if (at < w.info.period.end) {
      w.mrrEnd += row.signed;
      const id = row.movement.customerId;
      w.mrrByCustomerEnd.set(id, (w.mrrByCustomerEnd.get(id) ?? 0) + row.signed);
    }
    if (within(at, w)) w.mrr.push(row);
  }
}

export function rejectMrr(slice: Slice, reason: string): void {
  tally(slice.mrrIssues, reason);
}
