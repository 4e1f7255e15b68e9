/**
 * The data as it stood at an instant: what a CRM would have shown then, rebuilt from what it holds now.
 * The forecast, its back-test and the KPI engine's as-of tests all read the past through this one
 * function, so "only what was known then" means the same thing everywhere:
 * - a record created after the instant does not exist (deals, activities, leads, customers, MRR
 *   movements, spend of a month that had not started);
 * - a deal closed after the instant is open, without its close date and lost reason; its stage is the
 *   last one its stage history entered by then, else its current stage (counted in the notes, since the
 *   current stage may be a later one);
 * - an activity due or done after the instant is a planned (not done) activity if it had been booked
 *   by then, else absent; a lead converted, made MQL or SQL later is not yet; a customer churned later
 *   has not churned;
 * - a record without a creation date is kept (it cannot be shown to be later; nothing valid is
 *   dropped), and counted.
 * Fields whose history the CRM does not keep (amounts, expected close dates, probabilities, `updatedAt`)
 * stay as they are now. Configuration (owners, teams, pipelines, stages, products, quotas, targets) is
 * kept.
 * Records that did not change are the same objects, so the rewind is cheap when little is later.
 */
import type { Activity, Customer, Deal, Lead, Spend } from '../model';
import type { KpiData } from '../kpi';
import { localDateToInstant } from '../period';

export type KnownAtNotes = {
  /** Deals created after the instant, left out. */
  dealsNotYetCreated: number;
  /** Deals closed after the instant, open as of then. */
  dealsReopened: number;
  /** Deals without a created date, first contact or stage history date: kept, as if they had always existed. */
  dealsUndated: number;
  /**
   * Deals whose stage is today's although it may have changed since the instant (no stage history
   * covers it, and the deal closed or was edited after it).
   */
  stageFromCurrent: number;
  /** Deals whose stage was taken back to the one their stage history shows at the instant. */
  stageFromHistory: number;
  /** Closed deals without a close date: when they closed is unknown, so they are kept as they are. */
  closedUndated: number;
  activitiesLater: number;
  /** Activities done after the instant but booked before it: planned (not done) as of then. */
  activitiesPlanned: number;
  leadsLater: number;
  /** Leads whose conversion, MQL or SQL date is after the instant, with those steps taken back. */
  leadsRewound: number;
  customersLater: number;
  customersUnchurned: number;
  mrrMovementsLater: number;
  spendLater: number;
};

export type KnownAt = { data: KpiData; notes: KnownAtNotes };

export type KnownAtOptions = {
  /** Zone of local dates (a spend record's month starts at local midnight); UTC when absent. */
  timeZone?: string;
};

/** The data as it stood at `instant` (ms). See the module comment for the rules. */
export function knownAt(data: KpiData, instant: number, options: KnownAtOptions = {}): KpiData {
  return rewind(data, instant, options).data;
}

/** `knownAt` with counts of what the rewind took away or changed, for notes beside a result. */
export function rewind(data: KpiData, instant: number, options: KnownAtOptions = {}): KnownAt {
  if (!Number.isFinite(instant)) throw new Error(`Cannot rewind the data to a non-finite instant (${instant})`);
  const notes = emptyNotes();
  const deals = rewindList(data.deals, instant, notes, dealAt, dealsLatest, (n) => {
    const s = dealSummary(data.deals);
    n.dealsUndated = s.undated;
    n.closedUndated = s.closedUndated;
  });
  const activities = rewindList(data.activities, instant, notes, activityAt, (a) => a.occurredAt);
  const leads = rewindList(data.leads, instant, notes, leadAt, (l) => latest([l.createdAt, l.mqlAt, l.sqlAt, l.convertedAt]));
  const customers = rewindList(data.customers, instant, notes, customerAt, (c) => latest([c.acquiredAt, c.churnedAt]));
  const mrrMovements = rewindList(data.mrrMovements, instant, notes, (m, t, n) => (m.at <= t ? m : void (n.mrrMovementsLater += 1)), (m) => m.at);
  const zone = options.timeZone ?? 'UTC';
  const spend = data.spend.filter((s) => spendStarted(s, instant, zone));
  notes.spendLater = data.spend.length - spend.length;
  return { data: { ...data, deals, activities, leads, customers, mrrMovements, spend }, notes };
}

/**
 * The latest instant each array mentions, remembered per array: when the rewind goes to or after it
 * (the live case, "as of now"), nothing changes and the same array is handed back, so caches keyed by
 * the array (the forecast's deal table) keep working.
 */
const latestCache = new WeakMap<readonly object[], number>();

function rewindList<T extends object>(
  list: readonly T[],
  t: number,
  notes: KnownAtNotes,
  at: (item: T, t: number, notes: KnownAtNotes) => T | undefined,
  latestOf: (item: T) => number,
  unchanged?: (notes: KnownAtNotes) => void,
): readonly T[] {
  let last = latestCache.get(list);
  if (last === undefined) {
    last = -Infinity;
    for (const item of list) last = Math.max(last, latestOf(item));
    latestCache.set(list, last);
  }
  if (t >= last) {
    unchanged?.(notes);
    return list;
  }
  const out: T[] = [];
  for (const item of list) {
    const known = at(item, t, notes);
    if (known) out.push(known);
  }
  return out;
}

function latest(values: readonly (number | undefined)[]): number {
  let max = -Infinity;
  for (const v of values) if (v !== undefined && v > max) max = v;
  return max;
}

/** Every instant a deal mentions, and its `updatedAt` (a deal edited later may show a later stage). */
function dealsLatest(deal: Deal): number {
  let max = latest([deal.createdAt, deal.closedAt, deal.firstContactAt, deal.lastActivityAt, deal.updatedAt]);
  for (const visit of deal.stageHistory ?? []) if (visit.enteredAt > max) max = visit.enteredAt;
  return max;
}

const summaries = new WeakMap<readonly Deal[], { undated: number; closedUndated: number }>();
function dealSummary(deals: readonly Deal[]) {
  let summary = summaries.get(deals);
  if (!summary) {
    summary = { undated: 0, closedUndated: 0 };
    for (const deal of deals) {
      if (dealBornAt(deal) === undefined) summary.undated += 1;
      if (deal.status !== 'open' && deal.closedAt === undefined) summary.closedUndated += 1;
    }
    summaries.set(deals, summary);
  }
  return summary;
}

export function emptyNotes(): KnownAtNotes {
  return {
    dealsNotYetCreated: 0,
    dealsReopened: 0,
    dealsUndated: 0,
    stageFromCurrent: 0,
    stageFromHistory: 0,
    closedUndated: 0,
    activitiesLater: 0,
    activitiesPlanned: 0,
    leadsLater: 0,
    leadsRewound: 0,
    customersLater: 0,
    customersUnchurned: 0,
    mrrMovementsLater: 0,
    spendLater: 0,
  };
}

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

function dealAt(deal: Deal, t: number, notes: KnownAtNotes): Deal | undefined {
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

function activityAt(activity: Activity, t: number, notes: KnownAtNotes): Activity | undefined {
  if (activity.occurredAt <= t) return activity;
  if (activity.createdAt !== undefined && activity.createdAt <= t) {
    if (!activity.done) return activity;
    notes.activitiesPlanned += 1;
    return { ...activity, done: false };
  }
  notes.activitiesLater += 1;
  return undefined;
}

function leadAt(lead: Lead, t: number, notes: KnownAtNotes): Lead | undefined {
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

function customerAt(customer: Customer, t: number, notes: KnownAtNotes): Customer | undefined {
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

function spendStarted(spend: Spend, t: number, zone: string): boolean {
  const start = localDateToInstant(`${spend.month}-01`, zone);
  return start === undefined || start <= t;
}
