import { z } from '../../model/zod';

/**
 * The raw amoCRM / Kommo API v4 shapes the mappers read (HAL: lists live in
 * `_embedded.<name>`, paging in `_links.next`). Only the fields KPI Lens uses
 * are declared; anything else in a response is ignored. A field of the wrong
 * type rejects its item with a reason instead of being guessed at.
 */

/** amoCRM ids are integers; a numeric string is accepted too. Kept as strings, as every canonical reference is. */
export const kommoId = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,16}$/, 'expected a numeric id')])
  .transform((value) => String(value));

/** Unix seconds, as amoCRM sends every timestamp. */
export const unixSeconds = z.number().int().nonnegative().max(253_402_300_799, 'timestamp past the year 9999');

const refShape = { id: kommoId };
const ref = z.lazy(() => z.object(refShape));

export const leadSchema = z.lazy(() =>
  z.object({
    id: kommoId,
    name: z.string().nullish(),
    /** The deal value in whole units of the account currency: the fraction is cut off (100.50 → 100). */
    price: z.union([z.number().finite(), z.string().max(100)]).nullish(),
    /** The deal value with its fraction (100.50), where the account sends it; preferred over `price`. */
    price_with_minor_units: z.union([z.number().finite(), z.string().max(100)]).nullish(),
    responsible_user_id: kommoId.nullish(),
    status_id: kommoId,
    pipeline_id: kommoId,
    created_at: unixSeconds.nullish(),
    updated_at: unixSeconds,
    closed_at: unixSeconds.nullish(),
    is_deleted: z.boolean().nullish(),
    _embedded: z
      .object({
        companies: z.array(ref).nullish(),
        contacts: z.array(z.object({ ...refShape, is_main: z.boolean().nullish() })).nullish(),
        loss_reason: z.array(z.object({ name: z.string().nullish() })).nullish(),
      })
      .nullish(),
  }),
);
export type RawLead = z.infer<typeof leadSchema>;

/** What `with=only_deleted` returns for a lead in the recycle bin. */
export const deletedLeadSchema = z.lazy(() => z.object({ id: kommoId, is_deleted: z.literal(true) }));

export const statusSchema = z.lazy(() =>
  z.object({
    id: kommoId,
    name: z.string(),
    sort: z.number().int(),
    /** 1 = the "unsorted" intake column, 0 = an ordinary stage. */
    type: z.number().int().nullish(),
  }),
);

export const pipelineSchema = z.lazy(() =>
  z.object({
    id: kommoId,
    name: z.string(),
    sort: z.number().int().nullish(),
    is_archive: z.boolean().nullish(),
    _embedded: z.object({ statuses: z.array(z.unknown()) }).nullish(),
  }),
);

/** Contacts and companies share these fields. */
export const partySchema = z.lazy(() =>
  z.object({
    id: kommoId,
    name: z.string().nullish(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    responsible_user_id: kommoId.nullish(),
    created_at: unixSeconds.nullish(),
    updated_at: unixSeconds,
    is_deleted: z.boolean().nullish(),
  }),
);

export const taskSchema = z.lazy(() =>
  z.object({
    id: kommoId,
    responsible_user_id: kommoId.nullish(),
    created_by: kommoId.nullish(),
    entity_id: kommoId.nullish(),
    entity_type: z.string().nullish(),
    is_completed: z.boolean(),
    /** 1 = call ("Связаться"), 2 = meeting ("Встреча"); other ids are the account's own task types. */
    task_type_id: kommoId,
    text: z.string().nullish(),
    created_at: unixSeconds.nullish(),
    updated_at: unixSeconds,
    complete_till: unixSeconds.nullish(),
  }),
);

export const noteSchema = z.lazy(() =>
  z.object({
    id: kommoId,
    entity_id: kommoId.nullish(),
    responsible_user_id: kommoId.nullish(),
    created_by: kommoId.nullish(),
    note_type: z.string(),
    created_at: unixSeconds.nullish(),
    updated_at: unixSeconds,
    params: z
      .object({
        duration: z.union([z.number(), z.string().max(20)]).nullish(),
        phone: z.string().nullish(),
        source: z.string().nullish(),
        call_status: z.union([z.number(), z.string().max(20)]).nullish(),
      })
      .nullish(),
  }),
);

export const userSchema = z.lazy(() =>
  z.object({
    id: kommoId,
    name: z.string().nullish(),
    email: z.string().nullish(),
    rights: z
      .object({
        is_admin: z.boolean().nullish(),
        is_active: z.boolean().nullish(),
        group_id: kommoId.nullish(),
      })
      .nullish(),
  }),
);

export const groupSchema = z.lazy(() => z.object({ id: kommoId, name: z.string().nullish() }));

export const accountSchema = z.lazy(() =>
  z.object({
    id: kommoId.nullish(),
    current_user_id: kommoId,
    currency: z.string().nullish(),
    created_at: unixSeconds.nullish(),
    updated_at: unixSeconds.nullish(),
    _embedded: z.object({ users_groups: z.array(z.unknown()).nullish() }).nullish(),
  }),
);
export type RawAccount = z.infer<typeof accountSchema>;

/** A list page: items under `_embedded.<key>`, the next page under `_links.next`. */
export const listPageSchema = z.lazy(() =>
  z.object({
    _page: z.number().nullish(),
    _links: z.object({ next: z.object({ href: z.string() }).nullish() }).nullish(),
    _embedded: z.record(z.string(), z.unknown()),
  }),
);
