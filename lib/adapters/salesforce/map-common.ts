import { describeIssues, type ContactMethod, type RecordType } from '../../model';
import type { z } from '../../model/zod';
import { majorToMinor } from '../../money/minor';
import { localDateToInstant } from '../../period/local-date';
import type { Mapped } from '../map';
import type { QuotaPeriod } from './quotas';

export type MapContext = {
  source: string;
  /** `https://acme.lightning.force.com`: record links open in Lightning. */
  appUrl: string;
  timeZone: string;
  /** The org's currency, for amounts of a single-currency org. */
  currency?: string;
  multiCurrency: boolean;
  /** The length of a quota whose Period is unknown (see quotas.ts). */
  forecastPeriod: 'month' | 'quarter';
  /** Where the page collects stage-history rows it could not read (one counted note per page). */
  unreadableHistory?: unknown[];
  /** The Periods of the quotas on the page, by PeriodId. */
  periods?: ReadonlyMap<string, QuotaPeriod>;
};

export function recordLink(ctx: MapContext, sobject: string, id: string): string {
  return `${ctx.appUrl}/lightning/r/${sobject}/${id}/view`;
}

export function readItem<T>(schema: z.ZodType<T>, raw: unknown, type: RecordType, sobject: string): { ok: true; item: T } | { ok: false; mapped: Mapped } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, item: result.data };
  const rawId = raw && typeof raw === 'object' ? (raw as { Id?: unknown }).Id : undefined;
  return {
    ok: false,
    mapped: {
      type,
      reject: `not a Salesforce ${sobject} as documented: ${describeIssues(result.error)}`,
      externalId: typeof rawId === 'string' ? rawId.slice(0, 200) : undefined,
    },
  };
}

/** A Salesforce date (`YYYY-MM-DD`) as midnight in the rep's zone. */
export function dateAt(value: string | null | undefined, timeZone: string): number | undefined {
  return value ? localDateToInstant(value, timeZone) : undefined;
}

/**
 * The currency of an amount: the record's CurrencyIsoCode in a multi-currency
 * org, else the org's currency. Undefined when neither is known, so the caller
 * rejects rather than guesses.
 */
export function currencyOf(ctx: MapContext, recordCurrency: string | null | undefined): string | undefined {
  const code = (ctx.multiCurrency ? recordCurrency : ctx.currency)?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

export function money(amount: number, currency: string): { minor: number; currency: string } | undefined {
  const minor = majorToMinor(amount, currency);
  return minor === undefined ? undefined : { minor, currency };
}

export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Salesforce's standard LeadSource values (Web, Phone Inquiry, Partner Referral,
 * Purchased List, Other, plus common additions) as contact methods; the raw
 * value is always kept beside it.
 */
export function leadSourceChannel(raw: string | null | undefined): ContactMethod | undefined {
  if (!raw) return undefined;
  const text = raw.toLowerCase();
  if (/web|inbound|chat|organic|seo|advertis/.test(text)) return 'inbound';
  if (/referr?al|partner/.test(text)) return 'referral';
  if (/phone|call/.test(text)) return 'call';
  if (/e-?mail/.test(text)) return 'email';
  if (/social|linkedin|facebook|twitter/.test(text)) return 'social';
  if (/trade ?show|seminar|webinar|event|conference/.test(text)) return 'event';
  if (/other|purchased list/.test(text)) return 'other';
  return undefined;
}
