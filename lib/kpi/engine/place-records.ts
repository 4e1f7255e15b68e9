/**
 * Puts deals, activities and leads into the windows of the scope slice and of each owner's slice,
 * reading only the records whose instants fall in a window's span (binary search on the prepared
 * columns), never every record. Each window is seen as of its own instant (PeriodInfo.at): a span ends
 * there, and the open deals are those open at PeriodInfo.openAt (the rules are ../shared/as-of.ts).
 */
import { collectColdNeeds, columnTableOf } from '../../columns/table';
import type { Activity, Deal, Lead } from '../../model';
import type { ActivityColumns, DealColumns, LeadColumns } from './columns';
import type { DealRows } from './columns';
import type { DealEvidence } from './evidence';
import type { Slice, Window, WindowSlot } from './types';
import type { ResolvedScope } from './scope';
import { lowerBound, rangeOf, type OwnerColumn, type TimeIndex } from './time-index';

const DEMO_SUBTYPES = new Set(['demo', 'trial']);

/** Which owner integers are in scope, and the owner slice of each (when owner slices are built). */
export type Placer = { inScope: (owner: number) => boolean; sliceOf: (owner: number) => Slice | undefined };

/**
 * The scope test and owner slice per owner integer of a column. An owner joins the view's members
 * (`seen`) once one of its records exists at `asOf` (`ownerSince`, evidence.ts).
 */
export function placer(
  column: OwnerColumn,
  scope: ResolvedScope,
  ownerSlice: (ownerId: string | undefined) => Slice | undefined,
  seen: Set<string>,
  ownerSince: ReadonlyMap<string, number>,
  asOf: number,
): Placer {
  const inScope = new Uint8Array(column.ids.size);
  const slices: (Slice | undefined)[] = new Array(column.ids.size);
  for (const [id, n] of column.ids) {
    if (!scope.includes(id)) continue;
    inScope[n] = 1;
    if ((ownerSince.get(id) ?? Infinity) <= asOf) seen.add(id);
    slices[n] = ownerSlice(id);
  }
  const unowned = scope.includes(undefined);
  return {
    inScope: (owner) => (owner < 0 ? unowned : inScope[owner] === 1),
    sliceOf: (owner) => (owner < 0 ? ownerSlice(undefined) : slices[owner]),
  };
}

const windowOf = (slice: Slice, slot: WindowSlot): Window => (slot === 0 ? slice.cur : slice.prev);

/** Calls `visit` with the in-scope record at position `i`, for the scope's window and its owner's. */
function visitBoth(scopeSlice: Slice, slot: WindowSlot, i: number, o: number, p: Placer, visit: (w: Window, i: number) => void): void {
  if (!p.inScope(o)) return;
  visit(windowOf(scopeSlice, slot), i);
  const own = p.sliceOf(o);
  if (own) visit(windowOf(own, slot), i);
}

/** Calls `visit` with each record position of `index` in the window's span, in time order. */
function eachInSpan(scopeSlice: Slice, slot: WindowSlot, index: TimeIndex, visit: (i: number) => void): void {
  const { start, end } = windowOf(scopeSlice, slot).info.span;
  const [lo, hi] = rangeOf(index, start, end);
  for (let k = lo; k < hi; k += 1) visit(index.order[k] as number);
}

/**
 * Calls `visit` with each in-scope record position of `index` in the window's span (that `keep` keeps),
 * for each slice it goes to.
 */
function eachInWindow(
  scopeSlice: Slice,
  slot: WindowSlot,
  index: TimeIndex,
  owners: Int32Array,
  p: Placer,
  visit: (w: Window, i: number) => void,
  keep?: (i: number) => boolean,
): void {
  eachInSpan(scopeSlice, slot, index, (i) => {
    if (!keep || keep(i)) visitBoth(scopeSlice, slot, i, owners[i] as number, p, visit);
  });
}

/** Born by `at` (a deal without any date has always existed). */
const bornBy = (ev: DealEvidence, i: number, at: number) => {
  const born = ev.born[i] as number;
  return Number.isNaN(born) || born <= at;
};

/** Deals open at `openAt`: open now, or closed after it (dealStatusAt), and born by then. */
function eachOpenAt(dc: DealColumns, ev: DealEvidence, openAt: number, visit: (i: number) => void): void {
  for (const i of dc.open) if (bornBy(ev, i, openAt)) visit(i);
  for (let k = lowerBound(dc.byClosed.times, openAt + 1); k < dc.byClosed.order.length; k += 1) {
    const i = dc.byClosed.order[k] as number;
    if (bornBy(ev, i, openAt)) visit(i);
  }
}

/**
 * Over the column store: the chunks of the deals each window places, asked for up front and exactly
 * (see needWindows). Created, won and lost in its span, or open at its instant: the rules read their
 * ids and amounts, and the open ones' stages. The stage history of an open deal that moved stage
 * after the instant is read too (dealStageAt); the store keeps each deal's latest move in its hot
 * chunk, so only those histories are asked for (and those of deals whose chunk predates that column).
 * Met one record at a time, the first miss read the whole tier: at team scale, 100,000 deals'
 * histories and line items (26 MB) for the few hundred that moved.
 */
function needWindowDeals(scopeSlice: Slice, dc: DealColumns, ev: DealEvidence, deals: readonly Deal[], p: Placer): void {
  const table = columnTableOf(deals);
  if (!table) return;
  const owners = dc.owners.of;
  const moved = table.numbers('stageMovedAt');
  const cold: number[] = [];
  const extra: number[] = [];
  const inScope = (i: number) => p.inScope(owners[i] as number);
  for (const slot of [0, 1] as const) {
    const { at, openAt } = windowOf(scopeSlice, slot).info;
    eachInSpan(scopeSlice, slot, dc.byCreated, (i) => {
      if (inScope(i)) cold.push(i);
    });
    eachInSpan(scopeSlice, slot, dc.byClosed, (i) => {
      if (inScope(i) && bornBy(ev, i, at)) cold.push(i);
    });
    eachOpenAt(dc, ev, openAt, (i) => {
      if (!inScope(i)) return;
      cold.push(i);
      // NaN (a chunk written before the column): dealStageAt reads the history to know.
      if (!((moved[i] as number) <= openAt)) extra.push(i);
    });
  }
  const needs = collectColdNeeds();
  needs.attempt(() => table.need('cold', cold));
  needs.attempt(() => table.need('extra', extra));
  needs.settle();
}

/**
 * Deals created in each window's span, closed in it (won or lost), and open at its `openAt`: open now
 * or closed after it, and born by then. Deals that exist at `asOf` (the query's instant) make the
 * lifetime list (CLV) and the counts of deals no period can place.
 */
export function placeDeals(scopeSlice: Slice, dc: DealColumns, ev: DealEvidence, deals: readonly Deal[], rows: DealRows, p: Placer, asOf: number): void {
  const owners = dc.owners.of;
  needWindowDeals(scopeSlice, dc, ev, deals, p);
  for (const slot of [0, 1] as const) {
    const { at, openAt } = windowOf(scopeSlice, slot).info;
    eachInWindow(scopeSlice, slot, dc.byCreated, owners, p, (w, i) => w.created.push(rows.at(i)));
    eachInWindow(
      scopeSlice,
      slot,
      dc.byClosed,
      owners,
      p,
      // The closed index holds won and lost deals only (status from the columns: no record is made).
      (w, i) => (dc.wonAt[i] ? w.won : w.lost).push(rows.at(i)),
      (i) => bornBy(ev, i, at),
    );
    const open = (w: Window, i: number) => w.open.push(rows.at(i));
    eachOpenAt(dc, ev, openAt, (i) => visitBoth(scopeSlice, slot, i, owners[i] as number, p, open));
  }
  const forSlices = (i: number, add: (slice: Slice) => void) => {
    const o = owners[i] as number;
    if (!p.inScope(o) || !bornBy(ev, i, asOf)) return;
    add(scopeSlice);
    const own = p.sliceOf(o);
    if (own) add(own);
  };
  for (const i of dc.won) forSlices(i, (slice) => slice.wonAll.push(rows.at(i)));
  for (const i of ev.undated) forSlices(i, (slice) => (slice.dealsWithoutCreatedAt += 1));
  for (const i of ev.closedUndated) {
    const won = (deals[i] as Deal).status === 'won';
    forSlices(i, (slice) => {
      slice.closedWithoutCloseDate += 1;
      if (won) slice.wonWithoutCloseDate += 1;
    });
  }
}

/**
 * Over the column store: asks for the cold chunks of exactly the in-scope rows the windows will read
 * (ColdRowsNeeded names them, and only they are read) before any record is made, instead of meeting
 * them one by one (the first miss read a source's whole cold tier: a million activities' worth).
 */
function needWindows(records: readonly unknown[], scopeSlice: Slice, indexes: readonly TimeIndex[], owners: Int32Array, p: Placer): void {
  const table = columnTableOf(records);
  if (!table) return;
  const positions: number[] = [];
  for (const index of indexes)
    for (const slot of [0, 1] as const)
      eachInSpan(scopeSlice, slot, index, (i) => {
        if (p.inScope(owners[i] as number)) positions.push(i);
      });
  table.need('cold', positions);
}

/** `lists`: which of the two a query reads (placements.ts): the done and planned activities, the demos. */
export function placeActivities(
  scopeSlice: Slice,
  ac: ActivityColumns,
  activities: readonly Activity[],
  keywords: readonly string[],
  p: Placer,
  lists: { activities: boolean; demos: boolean },
): void {
  const owners = ac.owners.of;
  needWindows(activities, scopeSlice, [...(lists.activities ? [ac.byOccurred] : []), ...(lists.demos ? [ac.meetingsByBooked] : [])], owners, p);
  const key = keywords.join('\u0000');
  let verdicts = ac.demoVerdicts.get(key);
  if (!verdicts) {
    if (ac.demoVerdicts.size >= 4) ac.demoVerdicts.clear();
    ac.demoVerdicts.set(key, (verdicts = new Map()));
  }
  const known = verdicts;
  const isDemo = (i: number) => {
    let verdict = known.get(i);
    if (verdict === undefined) known.set(i, (verdict = demoMeeting(activities[i] as Activity, keywords)));
    return verdict;
  };
  for (const slot of [0, 1] as const) {
    if (lists.activities)
      eachInWindow(scopeSlice, slot, ac.byOccurred, owners, p, (w, i) => {
        const a = activities[i] as Activity;
        if (a.done) w.activities.push(a);
        else w.planned += 1;
      });
    if (lists.demos)
      eachInWindow(scopeSlice, slot, ac.meetingsByBooked, owners, p, (w, i) => {
        if (isDemo(i)) w.demos.push(activities[i] as Activity);
      });
  }
}

/** A meeting is a demo when its subtype is demo/trial or its subtype or title holds a keyword (any case). */
function demoMeeting(meeting: Activity, keywords: readonly string[]): boolean {
  const subtype = meeting.subtype?.toLowerCase();
  if (subtype !== undefined && DEMO_SUBTYPES.has(subtype)) return true;
  const title = meeting.title?.toLowerCase();
  return keywords.some((k) => subtype?.includes(k) || title?.includes(k));
}

/** Leads by each dated step in the span; a step of a lead created after the window's instant does not exist. */
export function placeLeads(scopeSlice: Slice, lc: LeadColumns, leads: readonly Lead[], p: Placer): void {
  const owners = lc.owners.of;
  needWindows(leads, scopeSlice, [lc.byCreated, lc.byConverted, lc.byMql, lc.bySql], owners, p);
  const lead = (i: number) => leads[i] as Lead;
  for (const slot of [0, 1] as const) {
    const { at } = windowOf(scopeSlice, slot).info;
    const exists = (i: number) => lead(i).createdAt <= at;
    eachInWindow(scopeSlice, slot, lc.byCreated, owners, p, (w, i) => w.leadsCreated.push(lead(i)));
    eachInWindow(scopeSlice, slot, lc.byConverted, owners, p, (w, i) => w.leadsConverted.push(lead(i)), exists);
    eachInWindow(scopeSlice, slot, lc.byMql, owners, p, (w, i) => w.leadsMql.push(lead(i)), exists);
    eachInWindow(scopeSlice, slot, lc.bySql, owners, p, (w, i) => w.leadsSql.push(lead(i)), exists);
  }
}
