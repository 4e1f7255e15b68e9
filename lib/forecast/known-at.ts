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
import type { Deal } from '../model';
import type { KpiData } from '../kpi';
import { activityAt, customerAt, dealAt, dealBornAt, leadAt, spendStarted } from './known-at-rules';

export { dealBornAt };

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
  const mrrMovements = rewindList(
    data.mrrMovements,
    instant,
    notes,
    (m, t, n) => (m.at <= t ? m : void (n.mrrMovementsLater += 1)),
    (m) => m.at,
  );
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

/** Adds the counts of `more` to `notes` (a rewind taken a batch of records at a time). */
export function addNotes(notes: KnownAtNotes, more: KnownAtNotes): void {
  for (const key of Object.keys(notes) as (keyof KnownAtNotes)[]) notes[key] += more[key];
}
