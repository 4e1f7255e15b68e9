/**
 * The engine's prepared columns (columns.ts) made straight from a column table (lib/columns/table.ts:
 * the worker's records of a source, kept as typed arrays), without making one record object: the
 * same owner integers, time indexes, status lists and counts the record-array path builds. Records
 * are made later, only for the rows a query places in its windows.
 */
import { ACTIVITY_TYPES } from '../../model/activity-types';
import { toReporting } from '../../money/convert';
import type { CurrencyOptions } from '../../money/types';
import { DEAL_INPUTS } from '../../columns/spec';
import type { ColumnTable } from '../../columns/table';
import type { Deal } from '../../model';
import type { ActivityColumns, DealColumns, DealRows, LeadColumns } from './columns';
import type { DealRow } from './types';
import type { DoneActivities } from './done-activities';
import { sortTimes } from './time-index';

const STATUS = { open: 1, won: 2, lost: 3 } as const; // index in the deal statuses + 1
const TYPE = (type: (typeof ACTIVITY_TYPES)[number]) => ACTIVITY_TYPES.indexOf(type) + 1;
const TRUE = 2;

export function dealColumnsOf(table: ColumnTable<'deal'>): DealColumns {
  const n = table.length;
  const owners = table.codes('ownerId');
  const created = table.times('createdAt');
  const closed = table.times('closedAt');
  const status = table.bytes('status');
  const inputs = table.bytes('inputs');
  const open: number[] = [];
  const won: number[] = [];
  const wonAt = new Uint8Array(n);
  const perOwner = () => new Int32Array(owners.ids.size);
  const [withoutCreatedAt, closedWithoutCloseDate, wonWithoutCloseDate] = [perOwner(), perOwner(), perOwner()];
  let any = 0;
  for (let i = 0; i < n; i += 1) {
    const o = owners.of[i] as number;
    const s = status[i] as number;
    if (s === STATUS.open) {
      open.push(i);
      closed.has[i] = 0; // an open deal is never in the closed index, whatever date it carries
    } else {
      if (!closed.has[i]) closedWithoutCloseDate[o] = (closedWithoutCloseDate[o] as number) + 1;
      if (s === STATUS.won) {
        won.push(i);
        wonAt[i] = 1;
        if (!closed.has[i]) wonWithoutCloseDate[o] = (wonWithoutCloseDate[o] as number) + 1;
      }
    }
    if (!created.has[i]) withoutCreatedAt[o] = (withoutCreatedAt[o] as number) + 1;
    any |= inputs[i] as number;
  }
  return {
    owners,
    byCreated: table.sorted('createdAt', created, sortTimes),
    byClosed: table.sorted('closedAt', closed, sortTimes),
    open: Uint32Array.from(open),
    won: Uint32Array.from(won),
    wonAt,
    withoutCreatedAt,
    closedWithoutCloseDate,
    wonWithoutCloseDate,
    presence: {
      wonDeals: won.length > 0,
      openDeals: open.length > 0,
      regions: (any & DEAL_INPUTS.region) !== 0,
      channels: (any & DEAL_INPUTS.channel) !== 0,
      lineItems: (any & DEAL_INPUTS.lineItems) !== 0,
      stageHistory: (any & DEAL_INPUTS.stageHistory) !== 0,
      costs: (any & (DEAL_INPUTS.directCost | DEAL_INPUTS.lineCosts)) !== 0,
    },
    rows: new Map(),
  };
}

/**
 * A deal row whose amount came from the hot columns: the deal itself is made when a KPI first reads
 * it (`row.deal`), then kept; converting every won and open deal's amount makes no record.
 */
class TableDealRow implements DealRow {
  private made: Deal | undefined;
  constructor(
    private readonly deals: readonly Deal[],
    private readonly position: number,
    readonly minor: number | undefined,
    readonly issue: string | undefined,
  ) {}
  get deal(): Deal {
    return (this.made ??= this.deals[this.position] as Deal);
  }
}

export function tableDealRows(table: ColumnTable<'deal'>, deals: readonly Deal[], cache: (DealRow | undefined)[], currency: CurrencyOptions): DealRows {
  return {
    at(i) {
      let row = cache[i];
      if (row === undefined) {
        const c = toReporting(table.hotValue('amount', i) as Deal['amount'], table.hotValue('convertedAmount', i) as Deal['convertedAmount'], currency);
        row = c.ok ? new TableDealRow(deals, i, c.minor, undefined) : new TableDealRow(deals, i, undefined, c.reason);
        cache[i] = row;
      }
      return row;
    },
  };
}

export function activityColumnsOf(table: ColumnTable<'activity'>): ActivityColumns {
  const n = table.length;
  const occurred = table.times('occurredAt');
  const created = table.times('createdAt');
  const type = table.bytes('type');
  const email = table.flags('email');
  const booked = { raw: new Float64Array(n), has: new Uint8Array(n) };
  let emailTracking = false;
  const meeting = TYPE('meeting');
  const mail = TYPE('email');
  for (let i = 0; i < n; i += 1) {
    const t = type[i] as number;
    if (t === meeting) {
      const at = created.has[i] ? created : occurred;
      booked.raw[i] = at.raw[i] as number;
      booked.has[i] = at.has[i] as number;
    } else if (!emailTracking && t === mail) {
      // Two bits a key (cold, opened, replied, converted): opened or replied recorded at all.
      const bits = email[i] as number;
      if (bits !== 0 && ((bits >>> 2) & 3 || (bits >>> 4) & 3)) emailTracking = true;
    }
  }
  return {
    owners: table.codes('ownerId'),
    byOccurred: table.sorted('occurredAt', occurred, sortTimes),
    meetingsByBooked: table.sorted('booked', booked, sortTimes),
    demoVerdicts: new Map(),
    emailTracking,
  };
}

/**
 * The done-activities index (done-activities.ts) from the hot columns: the same deal slices and
 * per-owner call and meeting times, read from typed arrays instead of one record object per row.
 */
export function doneActivitiesOf(table: ColumnTable<'activity'>): DoneActivities {
  const n = table.length;
  const deal = table.codes('dealId');
  const owner = table.codes('ownerId');
  const done = table.bytes('done');
  const type = table.bytes('type');
  const occurred = table.times('occurredAt').raw;
  const [call, meeting] = [TYPE('call'), TYPE('meeting')];
  const dealCount = deal.ids.size;
  const counts = new Int32Array(dealCount);
  const ownerCalls = new Int32Array(owner.ids.size);
  const ownerMeetings = new Int32Array(owner.ids.size);
  let firstAt = Infinity;
  for (let i = 0; i < n; i += 1) {
    const at = occurred[i] as number;
    if (at < firstAt) firstAt = at;
    if (done[i] !== TRUE) continue;
    const d = deal.of[i] as number;
    if (d >= 0) counts[d] = (counts[d] as number) + 1;
    const t = type[i];
    const o = owner.of[i] as number;
    if (t === call) ownerCalls[o] = (ownerCalls[o] as number) + 1;
    else if (t === meeting) ownerMeetings[o] = (ownerMeetings[o] as number) + 1;
  }
  // Deal codes: only deals with a done activity, numbered in order of the column's codes.
  const dealCode = new Map<string, number>();
  const codeOfDeal = new Int32Array(dealCount).fill(-1);
  const starts: number[] = [0];
  for (const [id, d] of deal.ids) {
    if (counts[d] === 0) continue;
    codeOfDeal[d] = dealCode.size;
    dealCode.set(id, dealCode.size);
    starts.push((starts[starts.length - 1] as number) + (counts[d] as number));
  }
  const start = Int32Array.from(starts);
  const times = new Float64Array(start[start.length - 1] as number);
  const fill = start.slice(0, dealCode.size);
  const byOwner = (perOwner: Int32Array) =>
    [...owner.ids].filter(([, o]) => (perOwner[o] as number) > 0).map(([id, o]) => [id, o, new Float64Array(perOwner[o] as number)] as const);
  const callLists = byOwner(ownerCalls);
  const meetingLists = byOwner(ownerMeetings);
  const callOf = new Array<Float64Array | undefined>(owner.ids.size);
  const meetingOf = new Array<Float64Array | undefined>(owner.ids.size);
  for (const [, o, list] of callLists) callOf[o] = list;
  for (const [, o, list] of meetingLists) meetingOf[o] = list;
  ownerCalls.fill(0);
  ownerMeetings.fill(0);
  for (let i = 0; i < n; i += 1) {
    if (done[i] !== TRUE) continue;
    const at = occurred[i] as number;
    const d = deal.of[i] as number;
    if (d >= 0) {
      const c = codeOfDeal[d] as number;
      times[fill[c] as number] = at;
      fill[c] = (fill[c] as number) + 1;
    }
    const t = type[i];
    const o = owner.of[i] as number;
    if (t === call) (callOf[o] as Float64Array)[(ownerCalls[o] = (ownerCalls[o] as number) + 1) - 1] = at;
    else if (t === meeting) (meetingOf[o] as Float64Array)[(ownerMeetings[o] = (ownerMeetings[o] as number) + 1) - 1] = at;
  }
  for (let c = 0; c < dealCode.size; c += 1) {
    const from = start[c] as number;
    const to = start[c + 1] as number;
    if (to - from > 1) times.subarray(from, to).sort();
  }
  // Calls and meetings stay in row order, as from the records (done-activities.ts: their reader counts a window).
  const inRowOrder = (lists: typeof callLists) => new Map(lists.map(([id, , list]) => [id, list]));
  return { dealCode, start, times, calls: inRowOrder(callLists), meetings: inRowOrder(meetingLists), firstAt };
}

export function leadColumnsOf(table: ColumnTable<'lead'>): LeadColumns {
  const mql = table.times('mqlAt');
  return {
    owners: table.codes('ownerId'),
    byCreated: table.sorted('createdAt', table.times('createdAt'), sortTimes),
    byConverted: table.sorted('convertedAt', table.times('convertedAt'), sortTimes),
    byMql: table.sorted('mqlAt', mql, sortTimes),
    bySql: table.sorted('sqlAt', table.times('sqlAt'), sortTimes),
    lifecycle: mql.has.includes(1),
  };
}
