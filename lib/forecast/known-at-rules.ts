/** The rewind's rule for each kind of record (known-at.ts says what they are and why). */
import type { Activity, Customer, Deal, Lead, Spend } from '../model';
import { localDateToInstant } from '../period';
import type { KnownAtNotes } from './known-at';

/** When a deal is first known to exist: its creation, else the earliest dated thing that happened to it. */
export function dealBornAt(deal: Deal): number | undefined {
  if (deal.createdAt !== undefined) return deal.createdAt;
  let first: number | undefined;
  const consider = (t: number | undefined) => {
    if (t !== undefined && (first === undefined || t < first)) first = t;
  };
  consider(deal.firstContactAt);
  for (const visit of deal.stageHistory ?? []) consider(visit.enteredAt);
  return first;
}

export function dealAt(deal: Deal, t: number, notes: KnownAtNotes): Deal | undefined {
  const born = dealBornAt(deal);
  if (born !== undefined && born > t) {
    notes.dealsNotYetCreated += 1;
    return undefined;
  }
  if (born === undefined) notes.dealsUndated += 1;
  const closedLater = deal.status !== 'open' && deal.closedAt !== undefined && deal.closedAt > t;
  if (deal.status !== 'open' && deal.closedAt === undefined) notes.closedUndated += 1;
  const history = deal.stageHistory;
  const historyLater = history !== undefined && history.some((v) => v.enteredAt > t);
  const contactLater = deal.firstContactAt !== undefined && deal.firstContactAt > t;
  const activityLater = deal.lastActivityAt !== undefined && deal.lastActivityAt > t;
  if (!closedLater && !historyLater && !contactLater && !activityLater) {
    // Unchanged but perhaps edited since: without a history, its stage is today's.
    if (history === undefined && deal.stageId !== undefined && deal.updatedAt > t) notes.stageFromCurrent += 1;
    return deal;
  }

  const copy: Deal = { ...deal };
  if (closedLater) {
    notes.dealsReopened += 1;
    copy.status = 'open';
    delete copy.closedAt;
    delete copy.lostReason;
  }
  if (contactLater) delete copy.firstContactAt;
  if (activityLater) delete copy.lastActivityAt;
  if (history !== undefined) {
    const kept = history.filter((v) => v.enteredAt <= t);
    copy.stageHistory = kept;
    const last = latestVisit(kept);
    if (last) {
      copy.stageId = last.stageId;
      notes.stageFromHistory += 1;
    } else if (historyLater) {
      // The history starts after the instant: its first stage is the earliest one known.
      const first = earliestVisit(history);
      if (first) copy.stageId = first.stageId;
      notes.stageFromCurrent += 1;
    }
  } else if (deal.stageId !== undefined && (closedLater || deal.updatedAt > t)) {
    notes.stageFromCurrent += 1;
  }
  return copy;
}

function latestVisit(visits: Deal['stageHistory'] & object) {
  let best: (typeof visits)[number] | undefined;
  for (const v of visits) if (best === undefined || v.enteredAt >= best.enteredAt) best = v;
  return best;
}

function earliestVisit(visits: Deal['stageHistory'] & object) {
  let best: (typeof visits)[number] | undefined;
  for (const v of visits) if (best === undefined || v.enteredAt < best.enteredAt) best = v;
  return best;
}

export function activityAt(activity: Activity, t: number, notes: KnownAtNotes): Activity | undefined {
  if (activity.occurredAt <= t) return activity;
  if (activity.createdAt !== undefined && activity.createdAt <= t) {
    if (!activity.done) return activity;
    notes.activitiesPlanned += 1;
    return { ...activity, done: false };
  }
  notes.activitiesLater += 1;
  return undefined;
}

export function leadAt(lead: Lead, t: number, notes: KnownAtNotes): Lead | undefined {
  if (lead.createdAt > t) {
    notes.leadsLater += 1;
    return undefined;
  }
  const later = (x: number | undefined) => x !== undefined && x > t;
  if (!later(lead.mqlAt) && !later(lead.sqlAt) && !later(lead.convertedAt)) return lead;
  notes.leadsRewound += 1;
  const copy: Lead = { ...lead };
  if (later(lead.mqlAt)) delete copy.mqlAt;
  if (later(lead.sqlAt)) delete copy.sqlAt;
  if (later(lead.convertedAt)) {
    delete copy.convertedAt;
    delete copy.convertedDealId;
    delete copy.convertedCustomerId;
    copy.status = 'open';
  }
  return copy;
}

export function customerAt(customer: Customer, t: number, notes: KnownAtNotes): Customer | undefined {
  if (customer.acquiredAt !== undefined && customer.acquiredAt > t) {
    notes.customersLater += 1;
    return undefined;
  }
  if (customer.churnedAt === undefined || customer.churnedAt <= t) return customer;
  notes.customersUnchurned += 1;
  const copy: Customer = { ...customer };
  delete copy.churnedAt;
  delete copy.churnReason;
  return copy;
}

export function spendStarted(spend: Spend, t: number, zone: string): boolean {
  const start = localDateToInstant(`${spend.month}-01`, zone);
  return start === undefined || start <= t;
}
