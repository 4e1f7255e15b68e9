/** Slices and windows, and the placement of the small record arrays (customers, MRR movements). */
import type { Customer } from '../../model';
import { tally } from '../../money/convert';
import type { CustomerTally, MrrRow, PeriodInfo, Slice, Window, WindowSlot } from './types';

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
  };
}

/** [start, end): a record exactly at `start` is in, exactly at `end` is out. */
function within(at: number | undefined, w: Window): boolean {
  return at !== undefined && at >= w.info.period.start && at < w.info.period.end;
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
