/**
 * The deals of the rewound data as columns, with what the model reads about each of them at any
 * instant: age, days since the last activity, stage (from its stage history only: a current stage is
 * not what the deal showed at an earlier instant), owner, product and amount band. Built once per
 * forecast; every comparable span then reads it without touching the records again.
 */
import type { Activity, Deal, StageVisit } from '../model';
import type { CurrencyOptions } from '../money';
import { ownAmount } from './amounts';
import { doneActivities, doneOnDealBy, type DoneActivities } from '../kpi';
import { amountProblem, bornOf, canonicalOrder, Coder } from './table-helpers';

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
 * Where the whole deals are when the given ones are not (the column store: the table is built from
 * slim deals read from the columns, and a whole deal is made only for the few that are shown).
 */
export type WholeDeals = { slotOf: (deal: Deal) => number; at: (slot: number) => Deal };

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
export function buildDealTable(
  given: readonly Deal[],
  activities: readonly Activity[],
  currency: CurrencyOptions,
  asOf: number,
  whole?: WholeDeals,
): DealTable {
  const deals = canonicalOrder(given);
  const n = deals.length;
  const owners = new Coder();
  const products = new Coder();
  const stages = new Coder();
  const { born, closed, won, owner, product, lastActivityField, amounts, stageStart, anyLastActivity } = readDeals(deals, owners, products);
  const { ids, created, firstContact, amount, amountIssue } = readMore(deals, currency);
  for (let i = 0; i < n; i += 1) if ((amount[i] as number) > 0) amounts[i] = amount[i] as number;
  const amountBand = new Int32Array(n).fill(-1); // Int32 like the other level columns: the model reads them through one array of columns
  let hasActivity = anyLastActivity;
  const { stageTimes, stageCodes } = stageColumns(deals, stageStart, stages);

  // Activities by deal and calls and meetings by owner come from the index of done activities, built
  // once per activities array whatever the instant: here only each deal's part up to `asOf` is copied.
  const done = doneActivities(activities);
  const { activityTimes, activityStart } = activityColumns(deals, done, asOf);
  const anyActivity = done.firstAt <= asOf;
  if (activityTimes.length) hasActivity = true;

  const amountUnusedReason = amountProblem(deals, amounts);
  let amountEdges: [number, number] | undefined;
  if (amountUnusedReason === undefined) {
    const positive = amounts.filter((v) => !Number.isNaN(v)).sort();
    amountEdges = [positive[Math.floor(positive.length / 3)] as number, positive[Math.floor((2 * positive.length) / 3)] as number];
    fillBands(amounts, amountEdges, amountBand);
  }

  const dealAt = whole ? wholeAt(deals, whole) : (i: number) => deals[i] as Deal;
  return {
    ids,
    dealAt,
    created,
    firstContact,
    amount,
    amountIssue,
    born,
    closed,
    won,
    owner,
    ownerIds: owners.values,
    product,
    productIds: products.values,
    amountBand,
    amountEdges,
    own: amounts,
    activityTimes,
    activityStart,
    lastActivityField,
    stageTimes,
    stageCodes,
    stageStart,
    stageIds: stages.values,
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

function readDeals(deals: readonly Deal[], owners: Coder, products: Coder) {
  const n = deals.length;
  const born = new Float64Array(n);
  const closed = new Float64Array(n);
  const won = new Uint8Array(n);
  const owner = new Int32Array(n);
  const product = new Int32Array(n);
  const lastActivityField = new Float64Array(n);
  const stageStart = new Int32Array(n + 1);
  const amounts = new Float64Array(n).fill(Number.NaN);
  let anyLastActivity = false;
  for (let i = 0; i < n; i += 1) {
    const deal = deals[i] as Deal;
    born[i] = bornOf(deal);
    closed[i] = deal.status === 'open' ? Infinity : (deal.closedAt ?? Number.NaN);
    won[i] = deal.status === 'won' ? 1 : 0;
    owner[i] = owners.code(deal.ownerId);
    const line = deal.lineItems[0];
    const productId = line?.productId ?? line?.name;
    product[i] = productId === undefined ? -1 : products.code(productId);
    lastActivityField[i] = deal.lastActivityAt ?? Number.NaN;
    if (deal.lastActivityAt !== undefined) anyLastActivity = true;
    stageStart[i + 1] = (stageStart[i] as number) + (deal.stageHistory?.length ?? 0);
  }
  return { born, closed, won, owner, product, lastActivityField, amounts, stageStart, anyLastActivity };
}

/** The whole deal by position, made from its slot: a function of its own, so the closure does not hold the given deals. */
function wholeAt(deals: readonly Deal[], whole: WholeDeals): (i: number) => Deal {
  const slots = Int32Array.from(deals, (deal) => whole.slotOf(deal));
  return (i) => whole.at(slots[i] as number);
}

/** What the forecast's sums over every deal read (won so far, averages, the plan's rates), so they need no record. */
function readMore(deals: readonly Deal[], currency: CurrencyOptions) {
  const n = deals.length;
  const ids = new Array<string>(n);
  const created = new Float64Array(n);
  const firstContact = new Float64Array(n);
  const amount = new Float64Array(n);
  const amountIssue = new Map<number, string>();
  for (let i = 0; i < n; i += 1) {
    const deal = deals[i] as Deal;
    ids[i] = deal.externalId;
    created[i] = deal.createdAt ?? Number.NaN;
    firstContact[i] = deal.firstContactAt ?? Number.NaN;
    const own = ownAmount(deal, currency);
    if ('minor' in own) amount[i] = own.minor;
    else {
      amount[i] = Number.NaN;
      amountIssue.set(i, own.issue);
    }
  }
  return { ids, created, firstContact, amount, amountIssue };
}

/** Stage visits sorted by time, laid out like the activities. */
function stageColumns(deals: readonly Deal[], stageStart: Int32Array, stages: Coder) {
  const n = deals.length;
  const stageTimes = new Float64Array(stageStart[n] as number);
  const stageCodes = new Int32Array(stageStart[n] as number);
  for (let i = 0; i < n; i += 1) {
    const history = (deals[i] as Deal).stageHistory;
    if (!history?.length) continue;
    let inOrder = true;
    for (let k = 1; k < history.length && inOrder; k += 1) inOrder = (history[k - 1] as StageVisit).enteredAt <= (history[k] as StageVisit).enteredAt;
    const sorted = inOrder ? history : [...history].sort((a, b) => a.enteredAt - b.enteredAt);
    let at = stageStart[i] as number;
    for (const visit of sorted) {
      stageTimes[at] = visit.enteredAt;
      stageCodes[at] = stages.code(visit.stageId);
      at += 1;
    }
  }
  return { stageTimes, stageCodes };
}

/** Each deal's done activities up to `asOf`, copied from the index into one array. */
function activityColumns(deals: readonly Deal[], done: DoneActivities, asOf: number) {
  const n = deals.length;
  const activityStart = new Int32Array(n + 1);
  const slices = new Int32Array(2 * n);
  for (let i = 0; i < n; i += 1) {
    const [from, to] = doneOnDealBy(done, (deals[i] as Deal).externalId, asOf);
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
