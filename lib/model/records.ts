import { activitySchema, type Activity } from './activity';
import { customerSchema, mrrMovementSchema, type Customer, type MrrMovement } from './customer';
import { dealSchema, type Deal } from './deal';
import { leadSchema, type Lead } from './lead';
import { ownerSchema, teamSchema, type Owner, type Team } from './people';
import { pipelineSchema, productSchema, stageSchema, type Pipeline, type Product, type Stage } from './pipeline';
import { quotaSchema, spendSchema, targetSchema, type Quota, type Spend, type Target } from './plan';
import type { z } from './zod';

/** Every kind of canonical record, in the order a sync fetches them (references first). */
export const RECORD_TYPES = [
  'owner',
  'team',
  'pipeline',
  'stage',
  'product',
  'customer',
  'deal',
  'activity',
  'lead',
  'mrrMovement',
  'spend',
  'quota',
  'target',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export type RecordByType = {
  owner: Owner;
  team: Team;
  pipeline: Pipeline;
  stage: Stage;
  product: Product;
  customer: Customer;
  deal: Deal;
  activity: Activity;
  lead: Lead;
  mrrMovement: MrrMovement;
  spend: Spend;
  quota: Quota;
  target: Target;
};
export type CanonicalRecord = RecordByType[RecordType];

export const recordSchemas: { [K in RecordType]: z.ZodType<RecordByType[K]> } = {
  owner: ownerSchema,
  team: teamSchema,
  pipeline: pipelineSchema,
  stage: stageSchema,
  product: productSchema,
  customer: customerSchema,
  deal: dealSchema,
  activity: activitySchema,
  lead: leadSchema,
  mrrMovement: mrrMovementSchema,
  spend: spendSchema,
  quota: quotaSchema,
  target: targetSchema,
};

export type ParseResult<T> = { ok: true; record: T } | { ok: false; reason: string };

/** Turns zod issues into one line a person can act on: `amount.minor: expected an integer; ownerId: ...`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'record'}: ${issue.message}`)
    .join('; ');
}

/** Validates a candidate record of a type; never throws. */
export function parseRecord<K extends RecordType>(type: K, raw: unknown): ParseResult<RecordByType[K]> {
  const result = recordSchemas[type].safeParse(raw);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, reason: `${type} ${describeIssues(result.error)}` };
}

export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (RECORD_TYPES as readonly string[]).includes(value);
}
