/**
 * The activities', deals' and leads' evidence (evidence.ts: when each input and each owner's first
 * record exists) from a column table's hot columns, so that the worker, which keeps those records as
 * columns, makes no record object to learn it (a cold start over a million activities would make
 * them all). Same numbers as the record pass.
 */
import { ACTIVITY_TYPES } from '../../model/activity-types';
import type { Deal } from '../../model';
import { DEAL_INPUTS } from '../../columns/spec';
import type { ColumnTable } from '../../columns/table';
import { dealBornAt } from '../shared/as-of';
import type { ActivityEvidence, DealEvidence, LeadEvidence } from './evidence';

const EMAIL = ACTIVITY_TYPES.indexOf('email') + 1; // enum byte: index in the types + 1

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

// Enum bytes: the index in the spec's values (open, won, lost) + 1.
const OPEN = 1;
const WON = 2;

/**
 * The deals' evidence from the hot columns: which optional inputs a deal has is its `inputs` byte
 * (the same tests as the record pass, made when it was written); a won deal's customer is read from
 * its cold column. Records are made only for the deals whose birth needs more than their created
 * date (none of it: first contact, stage history); on a cold worker this was a record for every deal
 * (half the first pinned query's time at 10,000 deals).
 */
export function dealEvidenceOf(table: ColumnTable<'deal'>, deals: readonly Deal[]): DealEvidence {
  const n = table.length;
  const created = table.times('createdAt');
  const closed = table.times('closedAt');
  const status = table.bytes('status');
  const inputs = table.bytes('inputs');
  const born = new Float64Array(n);
  const since = {
    deals: Infinity,
    wonDeals: Infinity,
    openDeals: Infinity,
    regions: Infinity,
    channels: Infinity,
    lineItems: Infinity,
    stageHistory: Infinity,
    costs: Infinity,
  };
  const firstWon = new Map<string, number>();
  const undated: number[] = [];
  const closedUndated: number[] = [];
  const at = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const b = created.has[i] ? (created.raw[i] as number) : dealBornAt(deals[i] as Deal);
    born[i] = b ?? Number.NaN;
    const t = b ?? -Infinity;
    at[i] = t;
    if (t < since.deals) since.deals = t;
    if (!created.has[i]) undated.push(i);
    const s = status[i] as number;
    if (s !== OPEN && !closed.has[i]) closedUndated.push(i);
    if (s === WON) {
      const wonSince = Math.max(t, closed.has[i] ? (closed.raw[i] as number) : -Infinity);
      if (wonSince < since.wonDeals) since.wonDeals = wonSince;
      const customer = table.lazyValue('customerId', i) as string | undefined;
      if (customer !== undefined) {
        const current = firstWon.get(customer);
        if (current === undefined || wonSince < current) firstWon.set(customer, wonSince);
      }
    }
    const bits = inputs[i] as number;
    if (bits & DEAL_INPUTS.region && t < since.regions) since.regions = t;
    if (bits & DEAL_INPUTS.channel && t < since.channels) since.channels = t;
    if (bits & DEAL_INPUTS.stageHistory && t < since.stageHistory) since.stageHistory = t;
    if (bits & (DEAL_INPUTS.directCost | DEAL_INPUTS.lineCosts) && t < since.costs) since.costs = t;
    if (bits & DEAL_INPUTS.lineItems && t < since.lineItems) since.lineItems = t;
  }
  since.openDeals = since.deals;
  return {
    born,
    since,
    ownerSince: ownerSinceOf(table.codes('ownerId'), (i) => at[i] as number, n),
    firstWon,
    undated: Uint32Array.from(undated),
    closedUndated: Uint32Array.from(closedUndated),
  };
}
