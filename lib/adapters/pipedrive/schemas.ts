import { z } from '../../model/zod';

/**
 * Raw Pipedrive shapes the mappers read (API v2 for deals, activities,
 * organizations, pipelines, stages, products; v1 for users, leads, goals, call
 * logs). Lenient about optional fields and nulls, as Pipedrive is; strict
 * about ids, statuses, amounts and flags, where a wrong type would give a wrong
 * number. Unknown keys are dropped.
 */
const id = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, 'expected a numeric id')]).transform(String);
const optId = id.nullish();
const text = z.string().nullish();
const amount = z.union([z.number(), z.string()]).nullish();
const flag = z.boolean().nullish();

export const v2ListSchema = z.lazy(() =>
  z.object({
    data: z.array(z.unknown()).nullish(),
    additional_data: z.object({ next_cursor: z.string().nullish() }).nullish(),
  }),
);

export const v1ListSchema = z.lazy(() =>
  z.object({
    data: z.array(z.unknown()).nullish(),
    additional_data: z
      .object({
        pagination: z.object({ more_items_in_collection: flag, next_start: z.number().int().nullish(), start: z.number().int().nullish() }).nullish(),
      })
      .nullish(),
  }),
);

export const dealSchema = z.lazy(() =>
  z.object({
    id,
    title: text,
    owner_id: id,
    org_id: optId,
    pipeline_id: optId,
    stage_id: optId,
    value: amount,
    currency: text,
    status: z.enum(['open', 'won', 'lost', 'deleted']),
    add_time: text,
    update_time: text,
    stage_change_time: text,
    won_time: text,
    lost_time: text,
    close_time: text,
    expected_close_date: text,
    probability: z.number().min(0).max(100).nullish(),
    lost_reason: text,
    origin: text,
    channel: z.union([z.number(), z.string()]).nullish(),
    channel_id: text,
    mrr: z.number().nullish(),
    is_deleted: flag,
  }),
);
export type RawDeal = z.infer<typeof dealSchema>;

export const dealProductSchema = z.lazy(() =>
  z.object({
    id: optId,
    deal_id: id,
    product_id: optId,
    name: text,
    quantity: z.number(),
    item_price: amount,
    currency: text,
    discount: z.number().nullish(),
    discount_type: z.enum(['percentage', 'amount']).nullish(),
    is_enabled: flag,
  }),
);
export type RawDealProduct = z.infer<typeof dealProductSchema>;

export const activitySchema = z.lazy(() =>
  z.object({
    id,
    subject: text,
    type: text,
    owner_id: id,
    is_deleted: flag,
    add_time: text,
    update_time: text,
    deal_id: optId,
    lead_id: text,
    org_id: optId,
    due_date: text,
    due_time: text,
    duration: text,
    done: z.boolean(),
    marked_as_done_time: text,
  }),
);
export type RawActivity = z.infer<typeof activitySchema>;

export const callLogSchema = z.lazy(() =>
  z.object({
    id: z.string().min(1).or(id),
    activity_id: optId,
    deal_id: optId,
    org_id: optId,
    user_id: id,
    subject: text,
    duration: z.union([z.number(), z.string()]).nullish(),
    outcome: text,
    start_time: text,
    end_time: text,
  }),
);
export type RawCallLog = z.infer<typeof callLogSchema>;

export const userSchema = z.lazy(() =>
  z.object({
    id,
    name: text,
    email: text,
    active_flag: flag,
    is_deleted: flag,
    created: text,
    modified: text,
    access: z.array(z.object({ app: text, admin: flag })).nullish(),
  }),
);

const address = z.lazy(() => z.object({ country: text, admin_area_level_1: text }).nullish());

export const organizationSchema = z.lazy(() =>
  z.object({
    id,
    name: text,
    owner_id: optId,
    add_time: text,
    update_time: text,
    is_deleted: flag,
    address: z.union([address, z.string()]).nullish(),
  }),
);

export const pipelineSchema = z.lazy(() =>
  z.object({ id, name: text, order_nr: z.number().int().nullish(), add_time: text, update_time: text, is_deleted: flag }),
);

export const stageSchema = z.lazy(() =>
  z.object({
    id,
    name: text,
    pipeline_id: id,
    order_nr: z.number().int().nullish(),
    deal_probability: z.number().nullish(),
    add_time: text,
    update_time: text,
    is_deleted: flag,
  }),
);

export const productSchema = z.lazy(() =>
  z.object({
    id,
    name: text,
    code: text,
    category: z.union([z.string(), z.number()]).nullish(),
    add_time: text,
    update_time: text,
    is_deleted: flag,
    prices: z.array(z.object({ price: amount, currency: text, cost: amount })).nullish(),
  }),
);

export const leadSchema = z.lazy(() =>
  z.object({
    id: z.string().min(1),
    title: text,
    owner_id: optId,
    organization_id: optId,
    source_name: text,
    origin: text,
    is_archived: flag,
    add_time: text,
    update_time: text,
  }),
);

export const goalSchema = z.lazy(() =>
  z.object({
    id: z.string().min(1).or(id),
    title: text,
    type: z.object({ name: z.string() }),
    assignee: z.object({ id, type: z.string() }),
    interval: z.string(),
    duration: z.object({ start: z.string(), end: text }),
    expected_outcome: z.object({
      target: z.number().positive(),
      tracking_metric: z.string(),
      currency_id: z.number().int().nullish(),
    }),
    is_active: flag,
  }),
);
export type RawGoal = z.infer<typeof goalSchema>;

export const currencySchema = z.lazy(() => z.object({ id: z.number().int(), code: z.string() }));
export const meSchema = z.lazy(() => z.object({ data: z.object({ id, name: text, default_currency: text }) }));
