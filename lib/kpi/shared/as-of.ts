/**
 * What a record was at an instant: the one place where "as of" is defined for the KPI engine. Every
 * KPI is computed as of an instant (../../../shared/spec/kpis.md, "As of"), and nothing after it exists:
 * - a deal exists from its creation (else its first contact or first stage-history entry; a deal with
 *   none of them has always existed, since it cannot be shown to be later); a deal closed after the
 *   instant is open as of then; its stage is the one its stage history had entered by then, else its
 *   current one, which is only known to be right when the deal has not changed since (`updatedAt`);
 * - an activity exists once it happened or was booked; it is done as of then only if it happened by then;
 * - a lead exists from its creation; a conversion, MQL or SQL date after the instant has not happened;
 * - a customer is an account with a won deal (or a CRM acquisition date): it is one from its acquisition,
 *   else from its first won deal, and has churned only if its churn date is by then;
 * - an MRR movement exists from its date; spend from the first day of its month.
 * The records' fields these rules read are TIME_FIELDS: any store of the records must keep them.
 * Pure functions of the records (and of what a store derived from them, ../../model/derived-fields.ts);
 * they import nothing else but the models' types, so KPI files and pages may use them.
 */
import { derivedValue } from '../../model/derived-fields';
import type { Activity, Customer, Deal, DealStatus, Lead } from '../../model';

/** The fields the as-of rules read, per record type (a columnar or persistent store must keep these). */
export const TIME_FIELDS = {
  deal: ['createdAt', 'firstContactAt', 'stageHistory', 'closedAt', 'status', 'stageId', 'updatedAt', 'lastActivityAt', 'customerId'],
  activity: ['occurredAt', 'createdAt', 'done'],
  lead: ['createdAt', 'convertedAt', 'convertedDealId', 'mqlAt', 'sqlAt', 'status'],
  customer: ['acquiredAt', 'churnedAt', 'churnReason'],
  mrrMovement: ['at'],
  spend: ['month'],
} as const;

/** When a deal is first known to exist: its creation, else the earliest dated thing that happened to it. */
export function dealBornAt(deal: Deal): number | undefined {
  if (deal.createdAt !== undefined) return deal.createdAt;
  let first = deal.firstContactAt;
  for (const visit of deal.stageHistory ?? []) if (first === undefined || visit.enteredAt < first) first = visit.enteredAt;
  return first;
}

export function dealExistsAt(deal: Deal, at: number): boolean {
  const born = dealBornAt(deal);
  return born === undefined || born <= at;
}

/** A deal closed after `at` is open as of `at`; a closed deal without a close date stays closed (when is unknown). */
export function dealStatusAt(deal: Deal, at: number): DealStatus {
  return deal.status !== 'open' && deal.closedAt !== undefined && deal.closedAt > at ? 'open' : deal.status;
}

/** Whether a deal is open at `at`: it exists, and it is open now or closed after `at`. */
export function dealOpenAt(deal: Deal, at: number): boolean {
  return dealExistsAt(deal, at) && dealStatusAt(deal, at) === 'open';
}

/**
 * A deal's stage at `at`, and whether that is known: from its stage history when the history has
 * moves after `at` (the last stage entered by then, else the first one it knows), else its current
 * stage, known to be the stage at `at` only when the deal has not changed since (`updatedAt` ≤ `at`);
 * none for a deal closed since (its current stage is its closing one).
 */
export function dealStageAt(deal: Deal, at: number): { stageId: string | undefined; known: boolean } {
  const moved = lastMove(deal);
  if (moved > at) {
    const history = deal.stageHistory!;
    let last: (typeof history)[number] | undefined;
    let first = history[0] as (typeof history)[number];
    for (const visit of history) {
      if (visit.enteredAt <= at && (last === undefined || visit.enteredAt >= last.enteredAt)) last = visit;
      if (visit.enteredAt < first.enteredAt) first = visit;
    }
    return last ? { stageId: last.stageId, known: true } : { stageId: first.stageId, known: false };
  }
  if (moved > -Infinity) return { stageId: deal.stageId, known: true };
  // A deal closed since `at` now sits in the stage it closed in (won or lost), which it was not in then.
  if (dealStatusAt(deal, at) !== deal.status) return { stageId: undefined, known: false };
  return { stageId: deal.stageId, known: deal.stageId === undefined || deal.updatedAt <= at };
}

/**
 * The latest stage entry of a deal (-Infinity without a stage history), remembered per deal object:
 * pipeline figures ask for the stage of every open deal, per owner and per window, and most instants
 * are after every move. A deal made from the column store has it from its hot chunk, so its history
 * (the extra tier) is read only for an instant before that move.
 */
const lastMoves = new WeakMap<Deal, number>();
function lastMove(deal: Deal): number {
  let last = lastMoves.get(deal) ?? derivedValue(deal, 'stageMovedAt');
  if (last === undefined) {
    last = -Infinity;
    for (const visit of deal.stageHistory ?? []) if (visit.enteredAt > last) last = visit.enteredAt;
    lastMoves.set(deal, last);
  }
  return last;
}

/** The first contact, if it had happened by `at` (the sales cycle starts there, else at creation). */
export function firstContactBy(deal: Deal, at: number): number | undefined {
  return deal.firstContactAt !== undefined && deal.firstContactAt <= at ? deal.firstContactAt : undefined;
}

/** An activity is in the data once it happened or was booked. */
export function activityExistsAt(activity: Activity, at: number): boolean {
  return activity.occurredAt <= at || (activity.createdAt !== undefined && activity.createdAt <= at);
}

/** Done as of `at`: done, and it happened by then (a meeting held later was still to come). */
export function activityDoneAt(activity: Activity, at: number): boolean {
  return activity.done && activity.occurredAt <= at;
}

export function leadExistsAt(lead: Lead, at: number): boolean {
  return lead.createdAt <= at;
}

/** A lead's status at `at`: one converted after then was still open (whatever its status now). */
export function leadStatusAt(lead: Lead, at: number): Lead['status'] {
  return lead.convertedAt !== undefined && lead.convertedAt > at ? 'open' : lead.status;
}

/** Converted by `at`: its conversion date is by then, or, without a date, its status says converted. */
export function leadConvertedBy(lead: Lead, at: number): boolean {
  return lead.convertedAt !== undefined ? lead.convertedAt <= at : lead.status === 'converted';
}

/** The deal a lead was converted into, if the conversion had happened by `at`. */
export function convertedDealBy(lead: Lead, at: number): string | undefined {
  return lead.convertedAt !== undefined && lead.convertedAt > at ? undefined : lead.convertedDealId;
}

/** A dated step of a lead (MQL, SQL), if it had happened by `at`. */
export function stepBy(step: number | undefined, at: number): number | undefined {
  return step !== undefined && step <= at ? step : undefined;
}

/**
 * When an account became a customer: the CRM's acquisition date, else its first won deal (`firstWon`,
 * -Infinity when a won deal has no close date). Undefined: never a customer (only open or lost deals).
 */
export function customerSince(customer: Customer, firstWon: number | undefined): number | undefined {
  return customer.acquiredAt ?? firstWon;
}

/** The customer's churn date, if it had churned by `at`. */
export function churnedBy(customer: Customer, at: number): number | undefined {
  return customer.churnedAt !== undefined && customer.churnedAt <= at ? customer.churnedAt : undefined;
}
