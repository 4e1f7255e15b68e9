import { describeIssues, type ContactMethod, type RecordType } from '../../model';
import type { z } from '../../model/zod';
import { majorToMinor } from '../../money/minor';
import { localDateToInstant } from '../../period/local-date';
import type { Mapped } from '../map';

/** What every Bitrix24 mapper needs besides the raw item. */
export type BitrixMapContext = {
  source: string;
  /** `https://acme.bitrix24.ru`: record links start here. */
  appUrl: string;
  /** Date-only fields (CLOSEDATE, BEGINDATE) become midnight in this zone. */
  timeZone: string;
  /** The portal's base currency, for amounts sent without CURRENCY_ID. */
  baseCurrency?: string;
};

type Read<T> = { ok: true; item: T } | { ok: false; mapped: Mapped };

export function readItem<T>(schema: z.ZodType<T>, raw: unknown, type: RecordType, what: string): Read<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, item: result.data };
  const id = typeof raw === 'object' && raw !== null ? ((raw as { ID?: unknown; id?: unknown }).ID ?? (raw as { id?: unknown }).id) : undefined;
  const externalId = typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : undefined;
  return { ok: false, mapped: { type, reject: `not a Bitrix24 ${what} as documented: ${describeIssues(result.error)}`, externalId } };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A Bitrix24 date-time (`2024-04-24T10:38:55+03:00`) in ms; undefined when absent or without an offset. */
export function bxTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO.test(value.trim())) return undefined;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * A Bitrix24 date field (CLOSEDATE, BEGINDATE): a calendar day, sent as that
 * day's midnight in the portal's zone (`2024-09-30T00:00:00+03:00`) or as
 * `2024-09-30`. The day as written becomes midnight in the rep's zone.
 */
export function bxDate(value: unknown, timeZone: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const day = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(value.trim())?.[1];
  return day ? localDateToInstant(day, timeZone) : undefined;
}

/** An amount (a string such as `"19999.99"` or `"1 250 000,50"`) and currency → Money, or a reason. */
export function bxMoney(
  value: string | number | null | undefined,
  currency: string | null | undefined,
  fallback?: string,
): { minor: number; currency: string } | string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const code = (currency?.trim() || fallback || '').toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return `the amount ${String(value).slice(0, 40)} has no currency (CURRENCY_ID ${String(currency ?? 'missing').slice(0, 20)})`;
  const minor = majorToMinor(value, code);
  if (minor === undefined) return `the amount ${String(value).slice(0, 40)} ${code} is not a readable number`;
  return { minor, currency: code };
}

const SOURCES: Record<string, ContactMethod> = {
  CALL: 'call',
  CALLBACK: 'inbound',
  EMAIL: 'email',
  WEB: 'inbound',
  WEBFORM: 'inbound',
  STORE: 'inbound',
  ADVERTISING: 'other',
  PARTNER: 'referral',
  RECOMMENDATION: 'referral',
  TRADE_SHOW: 'event',
  RC_GENERATOR: 'other',
  REPEAT_SALE: 'other',
  OTHER: 'other',
};

/**
 * Bitrix24's built-in sources (SOURCE_ID) → the channel of first contact. Open
 * Lines sources (chats: Telegram, VK, WhatsApp…) are social. A portal's own
 * sources (`UC_…`, numbers) have no channel; their id is kept as the raw value.
 */
export function bxChannel(sourceId: string | null | undefined): { channel?: ContactMethod; channelRaw?: string } {
  if (!sourceId) return {};
  const raw = sourceId.slice(0, 200);
  const known = SOURCES[sourceId.toUpperCase()];
  if (known) return { channel: known, channelRaw: raw };
  if (/OPENLINE|TELEGRAM|WHATSAPP|VIBER|VK|FACEBOOK|INSTAGRAM|AVITO/i.test(sourceId)) return { channel: 'social', channelRaw: raw };
  return { channelRaw: raw };
}

export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function clipText(text: string | null | undefined, max: number): string | undefined {
  if (text === null || text === undefined) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const ENTITY_PATH: Record<string, string> = { '1': 'lead', '2': 'deal', '3': 'contact', '4': 'company' };

/** The portal page of a CRM entity: `/crm/deal/details/37/`. */
export function entityUrl(ctx: BitrixMapContext, ownerTypeId: string | undefined, id: string | undefined): string | undefined {
  const kind = ownerTypeId ? ENTITY_PATH[ownerTypeId] : undefined;
  return kind && id ? `${ctx.appUrl}/crm/${kind}/details/${encodeURIComponent(id)}/` : undefined;
}

/**
 * Bitrix24 stages carry no win probability. Success is 100 %, failure 0 %, and
 * an in-progress stage its position among the pipeline's in-progress stages,
 * evenly spread: with four, 20, 40, 60 and 80 %. A deal's own PROBABILITY,
 * where filled in, overrides it.
 */
export function positionalProbability(index: number, openCount: number): number {
  return Math.round((100 * (index + 1)) / (openCount + 1));
}
