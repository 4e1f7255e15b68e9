import { z } from './zod';

/** Milliseconds since the Unix epoch. Every instant in the model is one of these. */
export const instant = z.number({ error: 'expected a timestamp in milliseconds' }).int('expected a whole number of milliseconds').gte(-8.64e15).lte(8.64e15);

/** A calendar date without a time, `YYYY-MM-DD`; turned into instants in the user's time zone. */
export const localDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as YYYY-MM-DD');

/** A calendar month, `YYYY-MM`. */
export const localMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM');

/** An id in the source CRM's namespace (a reference to another record's externalId). */
export const refId = z.string().min(1, 'expected a non-empty id').max(200, 'id is longer than 200 characters');

export const shortText = (max = 200) => z.string().max(max, `text is longer than ${max} characters`);

/**
 * Only http(s) links to a record in the CRM: the sidebar renders these as links,
 * so `javascript:` or `data:` URLs from a hostile CRM response must never pass.
 */
export const recordUrl = z
  .string()
  .max(2048, 'URL is longer than 2048 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL');

/**
 * Fields every stored record carries. `[source+externalId]` is the database key,
 * so syncing the same record again updates it in place.
 */
export const recordBase = {
  /** Which CRM and account the record came from, e.g. `pipedrive:acme`, `demo`, `csv:deals-2017`. */
  source: z.string().min(1, 'expected a source').max(200),
  /** The record's id in its source. */
  externalId: refId,
  /** When the source last changed the record (ms); drives incremental sync. */
  updatedAt: instant,
  /** A link that opens the record in the CRM. */
  url: recordUrl.optional(),
};

export const CONTACT_METHODS = ['call', 'email', 'social', 'inbound', 'referral', 'event', 'other'] as const;
/** The channel of first contact, used by `salesByContactMethod` and per-channel spend. */
export const contactMethod = z.enum(CONTACT_METHODS);
export type ContactMethod = z.infer<typeof contactMethod>;
