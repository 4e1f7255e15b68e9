/**
 * Puts deals, activities and leads into the period windows of the scope slice and of each owner's
 * slice, reading only the records whose instants fall in a window (binary search on the prepared
 * columns), never every record.
 */
import type { Activity, Lead } from '../../model';
import type { ActivityColumns, DealColumns, LeadColumns } from './columns';
import type { DealRows } from './columns';
import type { DealRow, Slice, Window, WindowSlot } from './types';
import type { ResolvedScope } from './scope';
import { rangeOf, type OwnerColumn, type TimeIndex } from './time-index';

const DEMO_SUBTYPES = new Set(['demo', 'trial']);

/** Which owner integers are in scope, and the owner slice of each (when owner slices are built). */
export type Placer = { inScope: (owner: number) => boolean; sliceOf: (owner: number) => Slice | undefined };

export function placer(
  column: OwnerColumn,
  scope: ResolvedScope,
  ownerSlice: (ownerId: string | undefined) => Slice | undefined,
  seen: Set<string>,
): Placer {
  const inScope = new Uint8Array(column.ids.size);
  const slices: (Slice | undefined)[] = new Array(column.ids.size);
  for (const [id, n] of column.ids) {
    if (!scope.includes(id)) continue;
    inScope[n] = 1;
    seen.add(id);
    slices[n] = ownerSlice(id);
  }
  const unowned = scope.includes(undefined);
  return {
    inScope: (owner) => (owner < 0 ? unowned : inScope[owner] === 1),
    sliceOf: (owner) => (owner < 0 ? ownerSlice(undefined) : slices[owner]),
  };
}

const windowOf = (slice: Slice, slot: WindowSlot): Window => (slot === 0 ? slice.cur : slice.prev);

/** Calls `visit` with each in-scope record position of `index` in the window's period, for each slice it goes to. */
function eachInWindow(scopeSlice: Slice, slot: WindowSlot, index: TimeIndex, owners: Int32Array, p: Placer, visit: (w: Window, i: number) => void): void {
  const { start, end } = windowOf(scopeSlice, slot).info.period;
  const [lo, hi] = rangeOf(index, start, end);
  const scopeWindow = windowOf(scopeSlice, slot);
  for (let k = lo; k < hi; k += 1) {
    const i = index.order[k] as number;
    const o = owners[i] as number;
    if (!p.inScope(o)) continue;
    visit(scopeWindow, i);
    const own = p.sliceOf(o);
    if (own) visit(windowOf(own, slot), i);
  }
}

export function placeDeals(scopeSlice: Slice, dc: DealColumns, rows: DealRows, p: Placer): void {
  const owners = dc.owners.of;
  for (const slot of [0, 1] as const) {
    eachInWindow(scopeSlice, slot, dc.byCreated, owners, p, (w, i) => w.created.push(rows.at(i)));
    eachInWindow(scopeSlice, slot, dc.byClosed, owners, p, (w, i) => {
      const row = rows.at(i);
      (row.deal.status === 'won' ? w.won : w.lost).push(row);
    });
  }
  const each = (list: Uint32Array, add: (slice: Slice, row: DealRow) => void) => {
    for (const i of list) {
      const o = owners[i] as number;
      if (!p.inScope(o)) continue;
      const row = rows.at(i);
      add(scopeSlice, row);
      const own = p.sliceOf(o);
      if (own) add(own, row);
    }
  };
  each(dc.open, (slice, row) => slice.open.push(row));
  each(dc.won, (slice, row) => slice.wonAll.push(row));
  for (const n of dc.owners.ids.values()) {
    if (!p.inScope(n)) continue;
    for (const slice of [scopeSlice, p.sliceOf(n)]) {
      if (!slice) continue;
      slice.dealsWithoutCreatedAt += dc.withoutCreatedAt[n] as number;
      slice.closedWithoutCloseDate += dc.closedWithoutCloseDate[n] as number;
      slice.wonWithoutCloseDate += dc.wonWithoutCloseDate[n] as number;
    }
  }
}

export function placeActivities(scopeSlice: Slice, ac: ActivityColumns, activities: readonly Activity[], keywords: readonly string[], p: Placer): void {
  const owners = ac.owners.of;
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
    eachInWindow(scopeSlice, slot, ac.byOccurred, owners, p, (w, i) => {
      const a = activities[i] as Activity;
      if (a.done) w.activities.push(a);
      else w.planned += 1;
    });
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

export function placeLeads(scopeSlice: Slice, lc: LeadColumns, leads: readonly Lead[], p: Placer): void {
  const owners = lc.owners.of;
  const lead = (i: number) => leads[i] as Lead;
  for (const slot of [0, 1] as const) {
    eachInWindow(scopeSlice, slot, lc.byCreated, owners, p, (w, i) => w.leadsCreated.push(lead(i)));
    eachInWindow(scopeSlice, slot, lc.byConverted, owners, p, (w, i) => w.leadsConverted.push(lead(i)));
    eachInWindow(scopeSlice, slot, lc.byMql, owners, p, (w, i) => w.leadsMql.push(lead(i)));
    eachInWindow(scopeSlice, slot, lc.bySql, owners, p, (w, i) => w.leadsSql.push(lead(i)));
  }
}
