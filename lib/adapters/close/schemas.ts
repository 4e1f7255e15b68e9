import { z } from '../../model/zod';

/**
 * The raw Close API v1 shapes the mappers read, as its reference documents
 * them. Ids are prefixed strings (`oppo_…`, `lead_…`, `user_…`); money is an
 * integer number of cents with an ISO currency; timestamps are ISO 8601, some
 * without an offset (Close means UTC). Unknown fields are ignored; a field of
 * the wrong type rejects its item with a reason.
 */
const id = z.string().min(1).max(200);
const time = z.string().max(64);

export const opportunitySchema = z.lazy(() =>
  z.object({
    id,
    lead_id: id.nullish(),
    lead_name: z.string().nullish(),
    note: z.string().nullish(),
    user_id: id.nullish(),
    status_id: id.nullish(),
    status_type: z.string(),
    pipeline_id: id.nullish(),
    /** Cents of `value_currency`. */
    value: z.number().int().nullish(),
    value_currency: z.string().nullish(),
    /** `one_time`, `monthly` or `annual`. */
    value_period: z.string().nullish(),
    /** The rep's win probability, 0–100. */
    confidence: z.number().nullish(),
    date_created: time.nullish(),
    date_updated: time,
    /** A date (`YYYY-MM-DD`): when it was won, or for an active opportunity the expected close date. */
    date_won: z.string().nullish(),
    date_lost: time.nullish(),
  }),
);

export const callSchema = z.lazy(() =>
  z.object({
    id,
    lead_id: id.nullish(),
    user_id: id.nullish(),
    direction: z.string().nullish(),
    /** Seconds. */
    duration: z.number().nullish(),
    status: z.string().nullish(),
    disposition: z.string().nullish(),
    activity_at: time.nullish(),
    date_created: time.nullish(),
    date_updated: time,
  }),
);

export const emailSchema = z.lazy(() =>
  z.object({
    id,
    lead_id: id.nullish(),
    user_id: id.nullish(),
    /** `outgoing` or `incoming`. */
    direction: z.string().nullish(),
    /** `inbox`, `draft`, `scheduled`, `outbox`, `sent` or `error`. */
    status: z.string().nullish(),
    subject: z.string().nullish(),
    opens: z.array(z.unknown()).nullish(),
    has_reply: z.boolean().nullish(),
    date_sent: time.nullish(),
    activity_at: time.nullish(),
    date_created: time.nullish(),
    date_updated: time,
  }),
);

export const meetingSchema = z.lazy(() =>
  z.object({
    id,
    lead_id: id.nullish(),
    user_id: id.nullish(),
    title: z.string().nullish(),
    /** `upcoming`, `in-progress`, `completed`, `canceled`, `declined-by-lead`, `declined-by-org`. */
    status: z.string().nullish(),
    starts_at: time.nullish(),
    activity_at: time.nullish(),
    duration: z.number().nullish(),
    actual_duration: z.number().nullish(),
    date_created: time.nullish(),
    date_updated: time,
  }),
);

export const userSchema = z.lazy(() =>
  z.object({
    id,
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string().nullish(),
    date_updated: time.nullish(),
  }),
);

export const leadSchema = z.lazy(() =>
  z.object({
    id,
    display_name: z.string().nullish(),
    name: z.string().nullish(),
    html_url: z.string().nullish(),
    date_created: time.nullish(),
    date_updated: time,
    addresses: z.array(z.object({ country: z.string().nullish(), state: z.string().nullish() })).nullish(),
  }),
);

export const pipelineSchema = z.lazy(() =>
  z.object({
    id,
    name: z.string(),
    date_updated: time.nullish(),
    statuses: z.array(z.unknown()).nullish(),
  }),
);

export const statusSchema = z.lazy(() => z.object({ id, label: z.string(), type: z.string() }));

/** Every list endpoint: `data` plus `has_more`. */
export const listSchema = z.lazy(() => z.object({ data: z.array(z.unknown()), has_more: z.boolean().nullish(), total_results: z.number().nullish() }));

export const meSchema = z.lazy(() => z.object({ id, first_name: z.string().nullish(), last_name: z.string().nullish(), email: z.string().nullish() }));

/**
 * One event of Close's event log (`/event/`). For a `deleted` event `data` is
 * null; only the object it names matters here.
 */
export const eventSchema = z.lazy(() =>
  z.object({ id: id.nullish(), object_type: z.string(), object_id: id, action: z.string(), date_updated: time.nullish() }),
);

/** An event log page: `data` plus `cursor_next` (null on the last page); the event log has no `has_more`. */
export const eventListSchema = z.lazy(() => z.object({ data: z.array(z.unknown()), cursor_next: z.string().max(4000).nullish() }));
