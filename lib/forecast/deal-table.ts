/**
 * The deals of the rewound data as columns, with what the model reads about each of them at any
 * instant: age, days since the last activity, stage (from its stage history only: a current stage is
 * not what the deal showed at an earlier instant), owner, product and amount band. Built once per
 * forecast; every comparable span then reads it without touching the records again.
 */
import type { Activity, Deal } from '../model';
import type { CurrencyOptions } from '../money';
import { doneActivities, doneOnDealBy, type DoneActivities } from '../kpi';
import { addDeals, emptyDealRows, type DealRows } from './deal-rows';
import { amountProblem, canonicalPermutation, WON } from './table-helpers';

export type DealTable = {
  /** The deals' ids, in the table's order. */
  ids: readonly string[];
  /**
   * The deal at a position as it stood at the table's instant, made when asked for: the table keeps
   * columns, not records (over the column store a hundred thousand deal objects held the worker's heap).
   */
  dealAt: (i: number) => Deal;
  /** Created instant; NaN when absent. */
  created: Float64Array;
  /** First contact (as it stood); NaN when absent. */
  firstContact: Float64Array;
  /** The deal's own amount in reporting minor units (any sign); NaN when it cannot be converted, and why in `amountIssue`. */
  amount: Float64Array;
  amountIssue: ReadonlyMap<number, string>;
  /** Creation (or first sign of life); NaN when undated. */
  born: Float64Array;
  /** Close instant; +Infinity while open; NaN when closed without a date (left out of learning). */
  closed: Float64Array;
  won: Uint8Array;
  owner: Int32Array;
  ownerIds: string[];
  /** First line's product, -1 when none. */
  product: Int32Array;
  productIds: string[];
  /** Amount band 0–2 (terciles), -1 when unknown or when amounts are not used. */
  amountBand: Int32Array;
  amountEdges: readonly [number, number] | undefined;
  /** The deal's own amount in reporting minor units when above 0, else NaN. */
  own: Float64Array;
  /**
   * Done activities on each deal, sorted: deal i's are activityTimes[activityStart[i] .. activityStart[i + 1]).
   * One array for all deals: ten thousand small arrays would cost more to collect than to read.
   */
  activityTimes: Float64Array;
  activityStart: Int32Array;
  /** The CRM's own last-activity field, NaN when absent. */
  lastActivityField: Float64Array;
  /** Stage visits sorted by time, laid out like the activities; codes index `stageIds`. */
  stageTimes: Float64Array;
  stageCodes: Int32Array;
  stageStart: Int32Array;
  stageIds: string[];
  /**
   * Calls and meetings done by each owner, in record order and at any instant (the plan's conversion to
   * new deals counts those in its window up to the instant), and whether the data holds any activity
   * known by then at all (else calls are missing, not zero).
   */
  callTimes: ReadonlyMap<string, Float64Array>;
  meetingTimes: ReadonlyMap<string, Float64Array>;
  anyActivity: boolean;
  /** Whether any deal has a logged activity or a last-activity date; without it the idle band is left out. */
  hasActivity: boolean;
  hasStageHistory: boolean;
  /** Why amounts are not a feature, when they are not. */
  amountUnusedReason: string | undefined;
};

const tables = new WeakMap<readonly Deal[], WeakMap<readonly Activity[], Map<string, DealTable>>>();

/**
 * The table of these deals (as they stood at `asOf`) and the activities done by `asOf`, remembered per
 * pair of arrays, instant and currency: the sidebar asks again for the rep and the team over the same
 * arrays. Tables are never changed after they are built.
 */
export function dealTable(deals: readonly Deal[], activities: readonly Activity[], currency: CurrencyOptions, asOf: number): DealTable {
  let byActivities = tables.get(deals);
  if (!byActivities) tables.set(deals, (byActivities = new WeakMap()));
  let byCurrency = byActivities.get(activities);
  if (!byCurrency) byActivities.set(activities, (byCurrency = new Map()));
  const key = JSON.stringify([asOf, currency.reporting, Object.entries(currency.rates).sort()]);
  let table = byCurrency.get(key);
  if (!table) {
    if (byCurrency.size >= 4) byCurrency.delete(byCurrency.keys().next().value as string);
    byCurrency.set(key, (table = buildDealTable(deals, activities, currency, asOf)));
  }
  return table;
}

/**
 * `activities` may hold records after `asOf`: only those done by then count, which is what knownAt
 * leaves done (a later one is planned or absent), so the forecast need not rewind them one by one.
 */
export function buildDealTable(given: readonly Deal[], activities: readonly Activity[], currency: CurrencyOptions, asOf: number): DealTable {
  const rows = emptyDealRows();
  addDeals(rows, given, currency);
  return dealTableOfRows(rows, activities, asOf, { records: given });
}

/**
 * The table of deals gathered as rows (deal-rows.ts), in its canonical order. Each whole deal is the
 * record at its row (`records`), or made from its slot when shown (`at`: over the column store).
 */
export function dealTableOfRows(
  rows: DealRows,
  activities: readonly Activity[],
  asOf: number,
  whole: { records: readonly Deal[] } | { at: (slot: number) => Deal },
): DealTable {
  const bornKey = Float64Array.from(rows.created, (t) => (Number.isNaN(t) ? -Infinity : t)); // undated first, as canonicalPermutation reads it
  const order = canonicalPermutation(bornKey, Float64Array.from(rows.closedKey), rows.ids);
  const n = rows.length;
  const ids = Array.from(order, (row) => rows.ids[row] as string);
  const [created, firstContact, born, closed, lastActivityField, amount] = [
    rows.created,
    rows.firstContact,
    rows.born,
    rows.closed,
    rows.lastActivityField,
    rows.amount,
  ].map((column) => inOrder(column, order)) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const status = Uint8Array.from(inOrder(rows.status, order));
  const won = Uint8Array.from(status, (s) => (s === WON ? 1 : 0));
  const amountIssue = issuesInOrder(rows.amountIssue, order);
  // Codes again, in order of first sight in the canonical order (the model reads levels by code).
  const owner = recode(rows.owner, rows.owners.values, order);
  const product = recode(rows.product, rows.products.values, order);
  const { stageTimes, stageCodes, stageStart, stageIds } = stageColumns(rows, order);
  const amounts = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i += 1) if ((amount[i] as number) > 0) amounts[i] = amount[i] as number;
  const amountBand = new Int32Array(n).fill(-1); // Int32 like the other level columns: the model reads them through one array of columns
  let hasActivity = rows.anyLastActivity;

  // Activities by deal and calls and meetings by owner come from the index of done activities, built
  // once per activities array whatever the instant: here only each deal's part up to `asOf` is copied.
  const done = doneActivities(activities);
  const { activityTimes, activityStart } = activityColumns(ids, done, asOf);
  const anyActivity = done.firstAt <= asOf;
  if (activityTimes.length) hasActivity = true;

  const amountUnusedReason = amountProblem(status, amounts);
  let amountEdges: [number, number] | undefined;
  if (amountUnusedReason === undefined) {
    const positive = amounts.filter((v) => !Number.isNaN(v)).sort();
    amountEdges = [positive[Math.floor(positive.length / 3)] as number, positive[Math.floor((2 * positive.length) / 3)] as number];
    fillBands(amounts, amountEdges, amountBand);
  }

  return {
    ids,
    dealAt: 'records' in whole ? recordAt(whole.records, order) : wholeAt(rows, order, whole.at),
    created,
    firstContact,
    amount,
    amountIssue,
    born,
    closed,
    won,
    owner: owner.codes,
    ownerIds: owner.values,
    product: product.codes,
    productIds: product.values,
    amountBand,
    amountEdges,
    own: amounts,
    activityTimes,
    activityStart,
    lastActivityField,
    stageTimes,
    stageCodes,
    stageStart,
    stageIds,
    callTimes: done.calls,
    meetingTimes: done.meetings,
    anyActivity,
    hasActivity,
    hasStageHistory: stageTimes.length > 0,
    amountUnusedReason,
  };
}

/*
 * The table's columns, each filled by a function of its own with one loop: a table is built once per
 * data version, so V8 compiles each loop while it runs, and a loop that followed another in one function
 * started without type feedback and fell back to the interpreter on every new array.
 */

function inOrder(column: readonly number[], order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i += 1) out[i] = column[order[i] as number] as number;
  return out;
}

/** The amount issues by position in the table, from their rows. */
function issuesInOrder(byRow: ReadonlyMap<number, string>, order: Int32Array): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < order.length; i += 1) {
    const issue = byRow.get(order[i] as number);
    if (issue !== undefined) out.set(i, issue);
  }
  return out;
}

/** Codes (−1: none) renumbered in order of first sight along `order`, with their values. */
function recode(codes: ArrayLike<number>, values: readonly string[], order: Int32Array): { codes: Int32Array; values: string[] } {
  const renumbered = new Int32Array(values.length).fill(-1);
  const out = new Int32Array(order.length);
  const seen: string[] = [];
  for (let i = 0; i < order.length; i += 1) {
    const code = codes[order[i] as number] as number;
    if (code < 0) {
      out[i] = -1;
      continue;
    }
    if ((renumbered[code] as number) < 0) {
      renumbered[code] = seen.length;
      seen.push(values[code] as string);
    }
    out[i] = renumbered[code] as number;
  }
  return { codes: out, values: seen };
}

/** The record at each position: functions of their own, so the closures hold only what they read. */
function recordAt(records: readonly Deal[], order: Int32Array): (i: number) => Deal {
  return (i) => records[order[i] as number] as Deal;
}

function wholeAt(rows: DealRows, order: Int32Array, at: (slot: number) => Deal): (i: number) => Deal {
  // A loop, not a mapping closure: a closure over `rows` here would keep every row alive with the table.
  const slots = new Int32Array(order.length);
  for (let i = 0; i < order.length; i += 1) slots[i] = rows.slots[order[i] as number] as number;
  return (i) => at(slots[i] as number);
}

/** Stage visits sorted by time (deal-rows.ts sorted each deal's), laid out like the activities, stages coded along `order`. */
function stageColumns(rows: DealRows, order: Int32Array) {
  const n = order.length;
  const stageStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    const row = order[i] as number;
    stageStart[i + 1] = (stageStart[i] as number) + (rows.stageStart[row + 1] as number) - (rows.stageStart[row] as number);
  }
  const stageTimes = new Float64Array(stageStart[n] as number);
  const rowCodes = new Int32Array(stageStart[n] as number);
  for (let i = 0; i < n; i += 1) {
    const row = order[i] as number;
    let at = stageStart[i] as number;
    for (let k = rows.stageStart[row] as number; k < (rows.stageStart[row + 1] as number); k += 1) {
      stageTimes[at] = rows.stageTimes[k] as number;
      rowCodes[at] = rows.stageCodes[k] as number;
      at += 1;
    }
  }
  // Visits are already in the table's order, so coding along the identity renumbers by first sight.
  const coded = recode(rowCodes, rows.stages.values, Int32Array.from(rowCodes.keys()));
  return { stageTimes, stageCodes: coded.codes, stageStart, stageIds: coded.values };
}

/** Each deal's done activities up to `asOf`, copied from the index into one array. */
function activityColumns(ids: readonly string[], done: DoneActivities, asOf: number) {
  const n = ids.length;
  const activityStart = new Int32Array(n + 1);
  const slices = new Int32Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    const [from, to] = doneOnDealBy(done, ids[i] as string, asOf);
    slices[2 * i] = from;
    slices[2 * i + 1] = to;
    activityStart[i + 1] = (activityStart[i] as number) + to - from;
  }
  const activityTimes = new Float64Array(activityStart[n] as number);
  copySlices(done.times, slices, activityStart, activityTimes);
  return { activityTimes, activityStart };
}

function copySlices(times: Float64Array, slices: Int32Array, activityStart: Int32Array, out: Float64Array): void {
  for (let i = 0; i < activityStart.length - 1; i += 1) {
    let at = activityStart[i] as number;
    for (let k = slices[2 * i] as number; k < (slices[2 * i + 1] as number); k += 1) out[at++] = times[k] as number;
  }
}

function fillBands(amounts: Float64Array, [low, high]: readonly [number, number], band: Int32Array): void {
  for (let i = 0; i < amounts.length; i += 1) {
    const v = amounts[i] as number;
    if (!Number.isNaN(v)) band[i] = v < low ? 0 : v < high ? 1 : 2;
  }
}
