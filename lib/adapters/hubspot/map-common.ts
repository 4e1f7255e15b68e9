import { describeIssues, type ContactMethod, type RecordType } from '../../model';
import { majorToMinor } from '../../money/minor';
import { parseTimestamp, type Mapped } from '../map';
import { crmObjectSchema, type CrmObject } from './schemas';

export type MapContext = {
  source: string;
  /** `https://app.hubspot.com` (or `app-eu1`). */
  appUrl: string;
  portalId?: string;
  timeZone: string;
  /** The account's company currency. */
  currency?: string;
};

/** A record's link: `https://app.hubspot.com/contacts/<portal>/<kind>/<id>`; none without a portal id. */
export function recordLink(ctx: MapContext, kind: string, id: string): string | undefined {
  return ctx.portalId ? `${ctx.appUrl}/contacts/${ctx.portalId}/${kind}/${id}` : undefined;
}

export function readObject(raw: unknown, type: RecordType, label: string): { ok: true; item: CrmObject } | { ok: false; mapped: Mapped } {
  const result = crmObjectSchema.safeParse(raw);
  if (result.success) return { ok: true, item: result.data };
  const rawId = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return {
    ok: false,
    mapped: {
      type,
      reject: `not a HubSpot ${label} as documented: ${describeIssues(result.error)}`,
      externalId: typeof rawId === 'string' ? rawId.slice(0, 200) : undefined,
    },
  };
}

/** A property's text, or undefined when absent or blank (HubSpot sends "" for cleared properties). */
export function text(o: CrmObject, name: string): string | undefined {
  const value = o.properties[name];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Date properties: HubSpot sends ISO instants, epoch milliseconds as a string in
 * some places, or `YYYY-MM-DD` for date-only properties (read as UTC midnight,
 * which is how HubSpot stores them).
 */
export function time(o: CrmObject, name: string): number | undefined {
  const value = text(o, name);
  if (value === undefined) return undefined;
  if (/^\d{10,15}$/.test(value)) return Number(value);
  return parseTimestamp(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
}

/** A numeric property; `undefined` when absent, `null` when present but not a number (the caller rejects). */
export function numeric(o: CrmObject, name: string): number | null | undefined {
  const value = text(o, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function flag(o: CrmObject, name: string): boolean | undefined {
  const value = text(o, name)?.toLowerCase();
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

export function toMoney(amount: number, currency: string | undefined): { minor: number; currency: string } | undefined {
  const code = currency?.trim().toUpperCase();
  if (!code || !/^[A-Z]{3}$/.test(code)) return undefined;
  const minor = majorToMinor(amount, code);
  return minor === undefined ? undefined : { minor, currency: code };
}

export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** HubSpot's original source (`hs_analytics_source`) as a contact method. */
export function analyticsChannel(raw: string | undefined): ContactMethod | undefined {
  switch (raw) {
    case 'ORGANIC_SEARCH':
    case 'PAID_SEARCH':
    case 'DIRECT_TRAFFIC':
      return 'inbound';
    case 'SOCIAL_MEDIA':
    case 'PAID_SOCIAL':
      return 'social';
    case 'EMAIL_MARKETING':
      return 'email';
    case 'REFERRALS':
      return 'referral';
    case 'OFFLINE':
    case 'OTHER_CAMPAIGNS':
    case 'AI_REFERRALS':
      return 'other';
    default:
      return undefined;
  }
}
