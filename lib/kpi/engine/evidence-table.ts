/**
 * The activities' and leads' evidence (evidence.ts: when each input and each owner's first record
 * exists) from a column table's hot columns, so that the worker, which keeps those records as
 * columns, makes no record object to learn it (a cold start over a million activities would make
 * them all). Same numbers as the record pass.
 */
import { ACTIVITY_TYPES } from '../../model/activity-types';
import type { ColumnTable } from '../../columns/table';
import type { ActivityEvidence, LeadEvidence } from './evidence';

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
