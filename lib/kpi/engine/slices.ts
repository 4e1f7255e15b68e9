/** Slices and windows, and the placement of the small record arrays (customers, MRR movements). */
import type { Customer } from '../../model';
import { tally } from '../../money/convert';
import { churnedBy } from '../shared/as-of';
import type { CustomerTally, MrrRow, PeriodInfo, Slice, Window, WindowSlot } from './types';

export function newSlice(key: string, infos: readonly [PeriodInfo, PeriodInfo], members: readonly string[]): Slice {
  return {
    key,
    members,
    cur: newWindow(0, infos[0]),
    prev: newWindow(1, infos[1]),
    wonAll: [],
    dealsWithoutCreatedAt: 0,
    closedWithoutCloseDate: 0,
    wonWithoutCloseDate: 0,
    mrrIssues: new Map(),
  };
}

function newWindow(slot: WindowSlot, info: PeriodInfo): Window {
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
    open: [],
  };
}

/** In the window's span [start, end): a record exactly at `start` is in, exactly at `end` is out. */
function within(at: number | undefined, w: Window): boolean {
  return at !== undefined && at >= w.info.span.start && at < w.info.span.end;
}

/**
 * A customer exists from `since` (its acquisition, else its first won deal: customerSince in
 * ../shared/as-of.ts; -Infinity when that deal has no date) until `churnedAt`. At the start of a
 * window it is in the base if it became a customer before the start and had not churned before it;
 * at the end of the window's span likewise. An account that never became a customer is never placed.
 */
export function placeCustomer(slice: Slice, customer: Customer, since: number): void {
  for (const w of [slice.cur, slice.prev]) {
    // A churn after the window's instant has not happened (even for a period that starts later).
    const churnedAt = churnedBy(customer, w.info.at);
    const { start, end } = w.info.span;
    const t = w.customers;
    const atStart = since < start && (churnedAt === undefined || churnedAt >= start);
    const atEnd = since < end && (churnedAt === undefined || churnedAt >= end);
    const acquired = since >= start && since < end;
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
    if (at < w.info.span.start) w.mrrStart += row.signed;
    if (at < w.info.span.end) {
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
