import { describeIssues, type RecordType } from '../../model';
import type { z } from '../../model/zod';
import { majorToMinor } from '../../money/minor';
import type { Mapped } from '../map';

/** What every amoCRM mapper needs besides the raw item. */
export type KommoMapContext = {
  source: string;
  /** `https://acme.amocrm.ru`: record links start here. */
  appUrl: string;
  /** The account currency (`/api/v4/account`): every lead price is in it. */
  currency?: string;
};

type Read<T> = { ok: true; item: T } | { ok: false; mapped: Mapped };

/** Parses a raw item against its documented shape; a mismatch becomes a Reject naming the fields. */
export function readItem<T>(schema: z.ZodType<T>, raw: unknown, type: RecordType, what: string): Read<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, item: result.data };
  return { ok: false, mapped: { type, reject: `not an amoCRM ${what} as documented: ${describeIssues(result.error)}`, externalId: rawId(raw) } };
}

function rawId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' || typeof id === 'string' ? String(id).slice(0, 200) : undefined;
}

/** amoCRM timestamps are Unix seconds; the model keeps milliseconds. */
export function fromUnix(seconds: number | null | undefined): number | undefined {
  return seconds === null || seconds === undefined ? undefined : seconds * 1000;
}

/** `0` is amoCRM's "nobody" for user references. */
export function userRef(id: string | null | undefined): string | undefined {
  return id === null || id === undefined || id === '0' ? undefined : id;
}

/**
 * A lead price (whole units of the account currency; a formatted string such as
 * `1 250 000,50` is read too) → Money, or a reason when it cannot be read.
 */
export function priceToMoney(
  price: number | string | null | undefined,
  currency: string | undefined,
): { minor: number; currency: string } | string | undefined {
  if (price === null || price === undefined || price === '') return undefined;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return `the price ${String(price).slice(0, 40)} has no account currency to be read in`;
  const minor = majorToMinor(price, currency);
  if (minor === undefined) return `the price ${String(price).slice(0, 40)} is not a readable amount`;
  return { minor, currency };
}

/** Drops undefined values so optional fields stay absent. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Cuts a text to a schema limit rather than rejecting a record over a long name. */
export function clipText(text: string | null | undefined, max: number): string | undefined {
  if (text === null || text === undefined) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Customers come from two amoCRM entities whose ids overlap, so each keeps its kind in the id. */
export const companyRef = (id: string) => `company:${id}`;
export const contactRef = (id: string) => `contact:${id}`;
/** Tasks and notes are both activities, and their id sequences overlap too. */
export const taskRef = (id: string) => `task:${id}`;
export const noteRef = (id: string) => `note:${id}`;
/**
 * The won (142) and lost (143) statuses exist, with the same ids, in every
 * pipeline, so a stage is known by its pipeline and status together.
 */
export const stageRef = (pipelineId: string, statusId: string) => `${pipelineId}:${statusId}`;

export const WON_STATUS_ID = '142';
export const LOST_STATUS_ID = '143';
