/**
 * The activities' and leads' evidence (evidence.ts: when each input and each owner's first record
 * exists) from a column table's hot columns, so that the worker, which keeps those records as
 * columns, makes no record object to learn it (a cold start over a million activities would make
 * them all). Same numbers as the record pass.
 * Deals likewise: their evidence needs only the hot columns, except a deal without a created date
 * (its birth is its first contact or stage entry: those deals' cold and extra chunks are read, no
 * others) and the first won deal of each customer (read from the cold columns when first asked for).
 */
import { ACTIVITY_TYPES } from '../../model/activity-types';
import { DEAL_INPUTS } from '../../columns/spec';
import type { ColumnTable } from '../../columns/table';
import type { StageVisit } from '../../model';
import type { ActivityEvidence, DealEvidence, LeadEvidence } from './evidence';

const EMAIL = ACTIVITY_TYPES.indexOf('email') + 1; // enum byte: index in the types + 1
const [OPEN, WON] = [1, 2]; // deal status bytes: index in open, won, lost + 1

/** Each owner's earliest time, from per-row owner codes (-1: none) and times. */
function ownerSinceOf(owners: { ids: Map<string, number>; of: Int32Array }, at: (i: number) => number, n: number): Map<string, number> {
  const first = new Float64Array(owners.ids.size).fill(Infinity);
  for (let i = 0; i < n; i += 1) {
    const o = owners.of[i] as number;
    if (o < 0) continue;
    const t = at(i);
    if (t < (first[o] as number)) first[o] = t;
  }
  const out = new Map<string, number>();
  for (const [id, o] of owners.ids) if ((first[o] as number) !== Infinity) out.set(id, first[o] as number);
  return out;
}

export function activityEvidenceOf(table: ColumnTable<'activity'>): ActivityEvidence {
  const n = table.length;
  const occurred = table.times('occurredAt');
  const created = table.times('createdAt');
  const type = table.bytes('type');
  const email = table.flags('email');
  // In the data once it happened or was booked (as-of.ts activityExistsAt).
  const at = (i: number) => (created.has[i] ? Math.min(created.raw[i] as number, occurred.raw[i] as number) : (occurred.raw[i] as number));
  const since = { activities: Infinity, emailTracking: Infinity };
  for (let i = 0; i < n; i += 1) {
    const t = at(i);
    if (t < since.activities) since.activities = t;
    // Two bits a key (cold, opened, replied, converted), 0 = absent: opened or replied recorded at all.
    const bits = email[i] as number;
    if (type[i] === EMAIL && ((bits >>> 2) & 3 || (bits >>> 4) & 3) && t < since.emailTracking) since.emailTracking = t;
  }
  return { since, ownerSince: ownerSinceOf(table.codes('ownerId'), at, n) };
}

export function leadEvidenceOf(table: ColumnTable<'lead'>): LeadEvidence {
  const n = table.length;
  const created = table.times('createdAt');
  const mql = table.times('mqlAt');
  const since = { leads: Infinity, leadLifecycle: Infinity };
  for (let i = 0; i < n; i += 1) {
    const t = created.raw[i] as number;
    if (t < since.leads) since.leads = t;
    if (mql.has[i]) since.leadLifecycle = Math.min(since.leadLifecycle, Math.max(t, mql.raw[i] as number));
  }
  return { since, ownerSince: ownerSinceOf(table.codes('ownerId'), (i) => created.raw[i] as number, n) };
}

/** The deal evidence's first instants before any deal is seen (the column pass and the record pass start here). */
export function noDealSinceYet(): DealEvidence['since'] {
  return {
    deals: Infinity,
    wonDeals: Infinity,
    openDeals: Infinity,
    regions: Infinity,
    channels: Infinity,
    lineItems: Infinity,
    stageHistory: Infinity,
    costs: Infinity,
  };
}

export function dealEvidenceOf(table: ColumnTable<'deal'>): DealEvidence {
  const n = table.length;
  const created = table.times('createdAt');
  const closed = table.times('closedAt');
  const status = table.bytes('status');
  const inputs = table.bytes('inputs');
  const owners = table.codes('ownerId');
  const undated: number[] = [];
  for (let i = 0; i < n; i += 1) if (!created.has[i]) undated.push(i);
  // A deal without a created date was born at its first contact or stage entry (as-of.ts dealBornAt).
  if (undated.length) {
    table.need('cold', undated);
    table.need('extra', undated);
  }
  const born = new Float64Array(n);
  for (let i = 0; i < n; i += 1) born[i] = created.has[i] ? (created.raw[i] as number) : Number.NaN;
  for (const i of undated) born[i] = bornWithoutCreatedAt(table, i);
  const since = noDealSinceYet();
  const ownerFirst = new Float64Array(owners.ids.size + 1).fill(Infinity); // the last: deals without an owner
  const ownerSeen = new Uint8Array(owners.ids.size + 1);
  const closedUndated: number[] = [];
  const won: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const b = born[i] as number;
    const t = b === b ? b : -Infinity;
    if (t < since.deals) since.deals = t;
    if (t < since.openDeals) since.openDeals = t;
    const o = (owners.of[i] as number) < 0 ? owners.ids.size : (owners.of[i] as number);
    ownerSeen[o] = 1;
    if (t < (ownerFirst[o] as number)) ownerFirst[o] = t;
    const s = status[i] as number;
    if (s !== OPEN && !closed.has[i]) closedUndated.push(i);
    if (s === WON) {
      won.push(i);
      const wonSince = Math.max(t, closed.has[i] ? (closed.raw[i] as number) : -Infinity);
      if (wonSince < since.wonDeals) since.wonDeals = wonSince;
    }
    const bits = inputs[i] as number;
    if (bits & DEAL_INPUTS.region && t < since.regions) since.regions = t;
    if (bits & DEAL_INPUTS.channel && t < since.channels) since.channels = t;
    if (bits & DEAL_INPUTS.stageHistory && t < since.stageHistory) since.stageHistory = t;
    if (bits & (DEAL_INPUTS.directCost | DEAL_INPUTS.lineCosts) && t < since.costs) since.costs = t;
    if (bits & DEAL_INPUTS.lineItems && t < since.lineItems) since.lineItems = t;
  }
  // Every owner with a deal, as the record pass has them (it is read by id, never iterated).
  const ownerSince = new Map<string, number>();
  for (const [id, o] of owners.ids) if (ownerSeen[o]) ownerSince.set(id, ownerFirst[o] as number);
  if (ownerSeen[owners.ids.size]) ownerSince.set(undefined as unknown as string, ownerFirst[owners.ids.size] as number);
  let firstWon: Map<string, number> | undefined;
  return {
    born,
    since,
    ownerSince,
    firstWon: () => (firstWon ??= firstWonOf(table, won, born, closed)),
    undated: Uint32Array.from(undated),
    closedUndated: Uint32Array.from(closedUndated),
  };
}

function bornWithoutCreatedAt(table: ColumnTable<'deal'>, i: number): number {
  let first = table.value('firstContactAt', i) as number | undefined;
  for (const visit of (table.value('stageHistory', i) as StageVisit[] | undefined) ?? [])
    if (first === undefined || visit.enteredAt < first) first = visit.enteredAt;
  return first ?? Number.NaN;
}

/** Per customer: when its first won deal exists (born and won); the customers' ids are cold, read for won deals only. */
function firstWonOf(
  table: ColumnTable<'deal'>,
  won: readonly number[],
  born: Float64Array,
  closed: { raw: Float64Array; has: Uint8Array },
): Map<string, number> {
  table.need('cold', won);
  const first = new Map<string, number>();
  for (const i of won) {
    const customer = table.value('customerId', i) as string | undefined;
    if (customer === undefined) continue;
    const b = born[i] as number;
    const wonSince = Math.max(b === b ? b : -Infinity, closed.has[i] ? (closed.raw[i] as number) : -Infinity);
    const current = first.get(customer);
    if (current === undefined || wonSince < current) first.set(customer, wonSince);
  }
  return first;
}
