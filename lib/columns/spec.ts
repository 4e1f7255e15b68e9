/**
 * Which fields of the big record types (activities, deals, leads) the column store keeps, how each is
 * encoded, and in which tier. The `hot` tier is what the KPI engine indexes every record by (owner,
 * the instants a period selects by, status and kind): a cold worker reads all of it at once. The
 * `cold` tier holds the rest of what the KPI rules and the views read of a record; it is read chunk by
 * chunk, only for the records a query touches. Fields not listed are not in the column store: the
 * record table has them for drill-downs and exports (an activity's title outside meetings).
 */
import type { Activity, Deal, DealStatus, Lead } from '../model';
import { ACTIVITY_TYPES } from '../model/activity-types';

export const COLUMN_TYPES = ['activity', 'deal', 'lead'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
export type ColumnRecord = { activity: Activity; deal: Deal; lead: Lead };

export type Tier = 'hot' | 'cold' | 'extra';
export const TIERS: readonly Tier[] = ['hot', 'cold', 'extra'];

/**
 * - time: an instant (ms) as whole seconds since 2000 in a Uint32, with the instants that are not
 *   whole seconds in that range kept exactly beside it;
 * - number: a Float64; bool: 0 absent, 1 false, 2 true; enum: the index in `values` + 1 (0 absent);
 * - dict: a code into the chunk's own list of distinct strings (0 absent);
 * - text: strings joined, with end offsets; json: a value as JSON text;
 * - money: minor units (Float64) and a currency code into the chunk's list;
 * - flags: an object of optional booleans (email tracking), two bits a key, 0 when absent;
 * - byte: a number 0–255 derived from the record (`derive`), not a field of it: what the engine
 *   must know of every record without reading its cold columns (which optional inputs a deal has);
 *   a `number` may be derived too (a deal's latest stage move), read with `derivedValue` (lib/model/derived-fields.ts);
 * - link: the record's address in the CRM as a template of the chunk (its id put in), in the tier of
 *   `externalId`, which it needs.
 */
export type FieldKind = 'time' | 'number' | 'bool' | 'enum' | 'dict' | 'text' | 'json' | 'money' | 'flags' | 'byte' | 'link';

export type FieldSpec = {
  name: string;
  kind: FieldKind;
  tier: Tier;
  values?: readonly string[];
  keys?: readonly string[];
  /** A value computed from the record, stored but never put on a record made from the store (see `derivedValue`). */
  derive?: (record: Record<string, unknown>) => number;
};

/** Bits of a deal's `inputs` byte: which optional inputs it has, for the engine's "needs data" checks. */
export const DEAL_INPUTS = { region: 1, channel: 2, stageHistory: 4, directCost: 8, lineItems: 16, lineCosts: 32 } as const;

function dealInputs(record: Record<string, unknown>): number {
  const deal = record as unknown as Deal;
  let bits = 0;
  if (deal.region) bits |= DEAL_INPUTS.region;
  if (deal.channel) bits |= DEAL_INPUTS.channel;
  if (deal.stageHistory?.length) bits |= DEAL_INPUTS.stageHistory;
  if (deal.directCost) bits |= DEAL_INPUTS.directCost;
  if (deal.lineItems?.length) bits |= DEAL_INPUTS.lineItems;
  if (deal.lineItems?.some((line) => line.unitCost)) bits |= DEAL_INPUTS.lineCosts;
  return bits;
}

/**
 * A deal's latest stage entry (-Infinity without a stage history): a deal's stage as of an instant
 * after it is its current stage, so a query as of now finds every open deal's stage without reading
 * the histories (the extra tier, most of a deal's bytes). Schema v5 gave it to the chunks written
 * before it existed (lib/db/migrate-v5.ts); a chunk without it has its histories read
 * (lib/kpi/shared/as-of.ts dealStageAt).
 */
function lastStageMove(record: Record<string, unknown>): number {
  let last = -Infinity;
  for (const visit of (record as unknown as Deal).stageHistory ?? []) if (visit.enteredAt > last) last = visit.enteredAt;
  return last;
}

const EMAIL_KEYS = ['cold', 'opened', 'replied', 'converted'] as const;
// Here rather than from the model's schemas: the engine reads this file, and zod stays out of it.
const DEAL_STATUSES = ['open', 'won', 'lost'] as const satisfies readonly DealStatus[];

export const FIELD_SPECS: Record<ColumnType, readonly FieldSpec[]> = {
  activity: [
    { name: 'ownerId', kind: 'dict', tier: 'hot' },
    { name: 'occurredAt', kind: 'time', tier: 'hot' },
    { name: 'createdAt', kind: 'time', tier: 'hot' },
    { name: 'type', kind: 'enum', tier: 'hot', values: ACTIVITY_TYPES },
    { name: 'done', kind: 'bool', tier: 'hot' },
    { name: 'dealId', kind: 'dict', tier: 'hot' },
    { name: 'email', kind: 'flags', tier: 'hot', keys: EMAIL_KEYS },
    { name: 'externalId', kind: 'text', tier: 'cold' },
    { name: 'url', kind: 'link', tier: 'cold' },
    { name: 'updatedAt', kind: 'time', tier: 'cold' },
    { name: 'direction', kind: 'enum', tier: 'cold', values: ['outbound', 'inbound'] },
    { name: 'subtype', kind: 'dict', tier: 'cold' },
    { name: 'title', kind: 'text', tier: 'cold' },
    { name: 'leadId', kind: 'dict', tier: 'cold' },
    { name: 'customerId', kind: 'dict', tier: 'cold' },
    { name: 'durationSec', kind: 'number', tier: 'cold' },
  ],
  deal: [
    { name: 'ownerId', kind: 'dict', tier: 'hot' },
    { name: 'status', kind: 'enum', tier: 'hot', values: DEAL_STATUSES },
    { name: 'createdAt', kind: 'time', tier: 'hot' },
    { name: 'closedAt', kind: 'time', tier: 'hot' },
    // Amounts are hot: every query converts every won and open deal's amount, most never touch the rest.
    { name: 'amount', kind: 'money', tier: 'hot' },
    { name: 'convertedAmount', kind: 'money', tier: 'hot' },
    { name: 'inputs', kind: 'byte', tier: 'hot', derive: dealInputs },
    // Hot: which open deals' histories a query as of an earlier instant must read is known before any is read.
    { name: 'stageMovedAt', kind: 'number', tier: 'hot', derive: lastStageMove },
    { name: 'externalId', kind: 'text', tier: 'cold' },
    { name: 'url', kind: 'link', tier: 'cold' },
    { name: 'updatedAt', kind: 'time', tier: 'cold' },
    { name: 'title', kind: 'text', tier: 'cold' },
    { name: 'pipelineId', kind: 'dict', tier: 'cold' },
    { name: 'stageId', kind: 'dict', tier: 'cold' },
    { name: 'probability', kind: 'number', tier: 'cold' },
    { name: 'expectedCloseAt', kind: 'time', tier: 'cold' },
    { name: 'firstContactAt', kind: 'time', tier: 'cold' },
    { name: 'lostReason', kind: 'dict', tier: 'cold' },
    { name: 'channel', kind: 'dict', tier: 'cold' },
    { name: 'channelRaw', kind: 'dict', tier: 'cold' },
    { name: 'customerId', kind: 'dict', tier: 'cold' },
    { name: 'region', kind: 'dict', tier: 'cold' },
    { name: 'lineItems', kind: 'json', tier: 'extra' },
    { name: 'directCost', kind: 'money', tier: 'cold' },
    { name: 'mrr', kind: 'money', tier: 'cold' },
    { name: 'stageHistory', kind: 'json', tier: 'extra' },
    { name: 'lastActivityAt', kind: 'time', tier: 'cold' },
  ],
  lead: [
    { name: 'ownerId', kind: 'dict', tier: 'hot' },
    { name: 'createdAt', kind: 'time', tier: 'hot' },
    { name: 'convertedAt', kind: 'time', tier: 'hot' },
    { name: 'mqlAt', kind: 'time', tier: 'hot' },
    { name: 'sqlAt', kind: 'time', tier: 'hot' },
    { name: 'externalId', kind: 'text', tier: 'cold' },
    { name: 'url', kind: 'link', tier: 'cold' },
    { name: 'updatedAt', kind: 'time', tier: 'cold' },
    { name: 'name', kind: 'text', tier: 'cold' },
    { name: 'status', kind: 'enum', tier: 'cold', values: ['open', 'converted', 'disqualified'] },
    { name: 'channel', kind: 'dict', tier: 'cold' },
    { name: 'channelRaw', kind: 'dict', tier: 'cold' },
    { name: 'convertedDealId', kind: 'dict', tier: 'cold' },
    { name: 'convertedCustomerId', kind: 'dict', tier: 'cold' },
    { name: 'region', kind: 'dict', tier: 'cold' },
  ],
};

/**
 * Rows per chunk of each tier. Hot chunks are large (a cold worker reads them all, and IndexedDB
 * reads a few large values faster than many small ones); cold and extra chunks are small, as a query
 * reads only those of the records it touches. Every sync step rewrites the chunks its records are
 * in, so a chunk's size is also the work of one step: with 16,384-row hot and 4,096-row cold chunks a
 * 1,000-record step blocked its thread for up to 178 ms; with 8,192 and 1,024 no task passed 50 ms,
 * and a cold worker's first query stayed within the noise (bench, 100,000 activities).
 */
export const CHUNK_BITS: Record<Tier, number> = { hot: 13, cold: 10, extra: 10 };
export const chunkOf = (slot: number, tier: Tier) => slot >>> CHUNK_BITS[tier];
export const indexIn = (slot: number, tier: Tier) => slot & ((1 << CHUNK_BITS[tier]) - 1);
export const chunkRows = (tier: Tier) => 1 << CHUNK_BITS[tier];

export const isColumnType = (type: string): type is ColumnType => (COLUMN_TYPES as readonly string[]).includes(type);

/** The tiers a type has columns in. */
export function tiersOf(type: ColumnType): Tier[] {
  return TIERS.filter((tier) => FIELD_SPECS[type].some((spec) => spec.tier === tier));
}

/** What the column store keeps of a record (and so what a record made from it has): the listed fields, `source`. */
export function keptOf<T extends ColumnType>(type: T, record: ColumnRecord[T]): ColumnRecord[T] {
  const source = record as unknown as Record<string, unknown>;
  const kept: Record<string, unknown> = { source: source.source };
  for (const spec of FIELD_SPECS[type]) {
    if (spec.derive) continue;
    const value = source[spec.name];
    if (value !== undefined) kept[spec.name] = value;
  }
  return kept as ColumnRecord[T];
}
