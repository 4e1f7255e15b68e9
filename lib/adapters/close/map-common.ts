import { describeIssues, type RecordType } from '../../model';
import type { z } from '../../model/zod';
import { majorToMinor } from '../../money/minor';
import { localDateToInstant } from '../../period/local-date';
import type { Mapped } from '../map';

/** What every Close mapper needs besides the raw item. */
export type CloseMapContext = {
  source: string;
  /** `https://app.close.com`: record links start here. */
  appUrl: string;
  /** Date-only values (the won / expected close date) are midnight in this zone. */
  timeZone: string;
};

type Read<T> = { ok: true; item: T } | { ok: false; mapped: Mapped };

/** Parses a raw item against its documented shape; a mismatch becomes a Reject naming the fields. */
export function readItem<T>(schema: z.ZodType<T>, raw: unknown, type: RecordType, what: string): Read<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, item: result.data };
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return {
    ok: false,
    mapped: {
      type,
      reject: `not a Close ${what} as documented: ${describeIssues(result.error)}`,
      externalId: typeof id === 'string' ? id.slice(0, 200) : undefined,
    },
  };
}

const ISO_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Close timestamps: ISO 8601 with microseconds (`2013-02-01T00:54:51.337000+00:00`),
 * sometimes with no offset at all (`2019-11-04T11:04:13.014979`), which Close
 * means as UTC. JavaScript would read an offset-less time as local time, so the
 * offset is made explicit first. Undefined when unreadable.
 */
export function closeTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const match = ISO_TIME.exec(value.trim());
  if (!match) return undefined;
  const fraction = match[2] ? match[2].slice(0, 4) : '';
  const ms = Date.parse(`${match[1]}${fraction}${match[3] ?? 'Z'}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A Close date (`YYYY-MM-DD`, e.g. `date_won`) at midnight in the rep's zone. */
export function closeDate(value: string | null | undefined, timeZone: string): number | undefined {
  if (!value) return undefined;
  return localDateToInstant(value.trim().slice(0, 10), timeZone);
}

/**
 * Close keeps money as an integer of hundredths of the currency unit ("value in
 * cents"). It is turned back into a decimal amount digit by digit and then into
 * the currency's own minor units (cents for USD, yen for JPY). A reason comes
 * back when it cannot be read exactly.
 */
export function centsToMoney(cents: number | null | undefined, currency: string | null | undefined): { minor: number; currency: string } | string | undefined {
  if (cents === null || cents === undefined) return undefined;
  const code = currency?.trim().toUpperCase() ?? '';
  if (!/^[A-Z]{3}$/.test(code)) return `a value of ${cents} cents has no ISO currency (got ${String(currency).slice(0, 20)})`;
  if (!Number.isSafeInteger(cents)) return `the value ${cents} is not a whole number of cents`;
  const abs = Math.abs(cents);
  const decimal = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  const minor = majorToMinor(decimal, code);
  if (minor === undefined) return `the value ${decimal} ${code} is not a readable amount`;
  return { minor, currency: code };
}

/** Drops undefined values so optional fields stay absent. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Cuts a text to a schema limit rather than rejecting a record over a long title. */
export function clipText(text: string | null | undefined, max: number): string | undefined {
  if (text === null || text === undefined) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Close has no page per opportunity or activity: they open on their lead's page. */
export function leadUrl(ctx: CloseMapContext, leadId: string | null | undefined): string | undefined {
  return leadId ? `${ctx.appUrl}/lead/${encodeURIComponent(leadId)}/` : undefined;
}
