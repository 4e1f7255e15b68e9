import { z } from '../../model/zod';

/**
 * The raw Bitrix24 REST shapes the mappers read, as the reference pages in
 * shared/contracts/bitrix24 document them. Bitrix24 sends numbers as strings
 * (`"OPPORTUNITY": "19999.99"`, `"ID": "37"`), dates as ISO 8601 with an offset,
 * flags as `"Y"` / `"N"`, and `"0"` or `""` for an empty reference. Unknown
 * fields are ignored; a field of the wrong type rejects its item with a reason.
 */

/** A record id: digits, as a string or a number. */
export const bxId = z
  .union([z.string().regex(/^\d{1,18}$/, 'expected a numeric id'), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform((v) => String(v));

/** An optional reference; `"0"`, `0` and `""` mean none. */
export const bxRef = z
  .union([z.string().max(200), z.number().int()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' || v === '0' || v === 0 ? undefined : String(v)));

/** An optional key where `"0"` is a real value (deal category 0 is the default pipeline). */
export const bxKey = z
  .union([z.string().max(200), z.number().int()])
  .nullish()
  .transform((v) => (v === null || v === undefined || v === '' ? undefined : String(v)));

const text = z.string().nullish();
const amount = z.union([z.string().max(100), z.number()]).nullish();
const time = z.string().max(64).nullish();

export const dealSchema = z.lazy(() =>
  z.object({
    ID: bxId,
    TITLE: text,
    STAGE_ID: text,
    /** S = won, F = lost, P = in progress. */
    STAGE_SEMANTIC_ID: text,
    CATEGORY_ID: bxKey,
    CLOSED: text,
    OPPORTUNITY: amount,
    CURRENCY_ID: text,
    OPPORTUNITY_ACCOUNT: amount,
    ACCOUNT_CURRENCY_ID: text,
    PROBABILITY: amount,
    ASSIGNED_BY_ID: bxRef,
    COMPANY_ID: bxRef,
    SOURCE_ID: text,
    DATE_CREATE: time,
    DATE_MODIFY: time,
    BEGINDATE: time,
    CLOSEDATE: time,
    MOVED_TIME: time,
    LAST_ACTIVITY_TIME: time,
  }),
);
export type RawDeal = z.infer<typeof dealSchema>;

export const leadSchema = z.lazy(() =>
  z.object({
    ID: bxId,
    TITLE: text,
    NAME: text,
    LAST_NAME: text,
    STATUS_ID: text,
    /** S = converted, F = junk (disqualified), P = in progress. */
    STATUS_SEMANTIC_ID: text,
    SOURCE_ID: text,
    ASSIGNED_BY_ID: bxRef,
    COMPANY_ID: bxRef,
    DATE_CREATE: time,
    DATE_MODIFY: time,
    DATE_CLOSED: time,
    ADDRESS_COUNTRY: text,
    ADDRESS_REGION: text,
  }),
);

export const activitySchema = z.lazy(() =>
  z.object({
    ID: bxId,
    /** 1 lead, 2 deal, 3 contact, 4 company. */
    OWNER_TYPE_ID: bxRef,
    OWNER_ID: bxRef,
    /** 1 meeting, 2 call, 3 task, 4 email, 6 an app's own kind (see PROVIDER_ID). */
    TYPE_ID: bxRef,
    PROVIDER_ID: text,
    PROVIDER_TYPE_ID: text,
    SUBJECT: text,
    CREATED: time,
    LAST_UPDATED: time,
    START_TIME: time,
    END_TIME: time,
    DEADLINE: time,
    COMPLETED: text,
    RESPONSIBLE_ID: bxRef,
    /** 1 incoming, 2 outgoing, 0 none. */
    DIRECTION: bxRef,
  }),
);

export const stageHistorySchema = z.lazy(() =>
  z.object({
    ID: bxId,
    OWNER_ID: bxId,
    CREATED_TIME: z.string().max(64),
    STAGE_ID: z.string().max(200).nullish(),
    STATUS_ID: z.string().max(200).nullish(),
  }),
);

export const categorySchema = z.lazy(() =>
  z.object({
    id: bxId,
    name: z.string(),
    sort: z.union([z.number(), z.string().max(20)]).nullish(),
  }),
);

export const statusSchema = z.lazy(() =>
  z.object({
    ENTITY_ID: z.string().max(100),
    STATUS_ID: z.string().min(1).max(200),
    NAME: z.string(),
    SORT: z.union([z.number(), z.string().max(20)]).nullish(),
    /** S = success, F = failure, null = in progress. */
    SEMANTICS: z.string().nullish(),
    CATEGORY_ID: bxKey,
  }),
);

export const userSchema = z.lazy(() =>
  z.object({
    ID: bxId,
    ACTIVE: z.union([z.boolean(), z.string().max(5)]).nullish(),
    NAME: text,
    LAST_NAME: text,
    EMAIL: text,
    /** Sometimes the portal's own date format, sometimes an empty object: read only when ISO. */
    TIMESTAMP_X: z.unknown().optional(),
    DATE_REGISTER: z.unknown().optional(),
  }),
);

export const companySchema = z.lazy(() =>
  z.object({
    ID: bxId,
    TITLE: text,
    ASSIGNED_BY_ID: bxRef,
    DATE_CREATE: time,
    DATE_MODIFY: time,
    ADDRESS_COUNTRY: text,
    ADDRESS_REGION: text,
  }),
);
