import { decodeCursor as decodeStoredCursor, encodeCursor as encodeStoredCursor } from '../cursor';
import { CrmError } from '../errors';
import { HttpError, requestJson } from '../http';
import { noProgress } from '../pager';
import { z } from '../../model/zod';
import type { AdapterContext } from '../types';
import { kommoLabel } from './detect';
import { listPageSchema } from './schemas';

/**
 * amoCRM/Kommo allows "not more than 7 requests per second" (developers.kommo.com,
 * Limitations → Requests and IP block) for the account, every integration together;
 * past it come 429s and, if they go on, a block of the IP address. KPI Lens keeps
 * to 5, leaving the account's other integrations room.
 */
export const KOMMO_REQUESTS_PER_SECOND = 5;
/** The most items amoCRM returns per page. */
export const KOMMO_MAX_LIMIT = 250;

type Params = Record<string, string | number | readonly string[]>;

function authInit(ctx: AdapterContext, label: string): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  switch (ctx.auth.kind) {
    case 'bearer':
      return { headers: { ...headers, Authorization: `Bearer ${ctx.auth.token}` } };
    case 'session':
      // Same-origin calls from the rep's own account pages: the session cookie
      // goes along, and amoCRM expects the XHR marker its web app sends.
      return { credentials: 'include', headers: { ...headers, 'X-Requested-With': 'XMLHttpRequest' } };
    default:
      throw new CrmError(
        'auth',
        `${label} cannot be read with ${ctx.auth.kind} credentials`,
        `Open your ${label} account in a tab, or paste a long-lived token in KPI Lens options.`,
      );
  }
}

function authAction(ctx: AdapterContext, label: string): string {
  return ctx.auth.kind === 'bearer'
    ? `The ${label} long-lived token was revoked or has expired: create a new one (Settings → Integrations) and paste it in KPI Lens options.`
    : `Sign in to ${label} again in a tab, then sync.`;
}

/** How long the sync waits after amoCRM refuses this IP address before it asks again. */
export const IP_BLOCK_WAIT_MS = 60 * 60_000;

/**
 * amoCRM's error code 113 (HTTP 403): "access to this account is prohibited
 * from your IP address", when the account's security settings keep an IP
 * allow-list for the API. Read from wherever the answer puts it.
 */
export function isIpBlocked(bodyText: string): boolean {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return false;
  }
  const record = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const top = record(body);
  const codes = [top.code, top.error_code, record(top.response).error_code, record(top.response).code, record(top.detail).code];
  return codes.some((code) => code === 113 || code === '113');
}

/**
 * GETs one API v4 resource. Returns null for 204 No Content, which amoCRM sends
 * for an empty list or a page past the end. HTTP failures become CrmErrors with
 * what the rep should do.
 */
export async function kommoGet(ctx: AdapterContext, path: string, params: Params = {}): Promise<unknown> {
  const label = kommoLabel(ctx.baseUrl);
  const url = new URL(`${ctx.baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
    else url.searchParams.set(key, String(value));
  }
  let response: Awaited<ReturnType<typeof requestJson>>;
  try {
    response = await requestJson(ctx, url.toString(), { ...authInit(ctx, label), crmLabel: label });
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) throw new CrmError('auth', error.message, authAction(ctx, label), undefined, error.status);
    if (error instanceof HttpError && error.status === 403 && isIpBlocked(error.bodyText)) {
      // Every request from this address meets it: the whole sync waits, and says why, instead of skipping object after object.
      throw new CrmError(
        'budget-exhausted',
        `${label} refuses API requests from this computer's IP address (code 113: the account keeps an IP allow-list)`,
        `Ask your ${label} admin to add this network's IP address to the API allow-list (Settings → Security), or sync from an allowed network. KPI Lens tries again in an hour.`,
        IP_BLOCK_WAIT_MS,
        403,
      );
    }
    throw error;
  }
  const { status, body } = response;
  if (status === 204) return null;
  if (status === 402) {
    throw new CrmError(
      'forbidden',
      `${label} closed the API for this account (HTTP 402: the subscription is unpaid)`,
      `Ask your ${label} admin to renew the subscription.`,
      undefined,
      402,
    );
  }
  if (status !== 200) {
    throw new CrmError(
      'bad-response',
      `${label} answered HTTP ${status} for ${path}`,
      'KPI Lens retries; if this repeats, the rest of the data still syncs.',
      undefined,
      status,
    );
  }
  return body;
}

export type ListPage = { items: unknown[]; hasNext: boolean };

/** Reads `_embedded.<key>` and `_links.next` of a list page; null (204) is an empty last page. */
export function readListPage(body: unknown, key: string, label: string, what: string): ListPage {
  if (body === null) return { items: [], hasNext: false };
  const page = listPageSchema.safeParse(body);
  const items = page.success ? page.data._embedded[key] : undefined;
  if (!page.success || !Array.isArray(items)) {
    throw new CrmError(
      'bad-response',
      `${label} sent a ${what} page without _embedded.${key}`,
      'KPI Lens retries; if this repeats, the rest of the data still syncs.',
    );
  }
  const hasNext = Boolean(page.data._links?.next);
  // A page number only moves on: a "next" link on an empty page would page forever.
  if (hasNext && items.length === 0) throw noProgress(label, what, 'linked a next page but held nothing');
  return { items, hasNext };
}

/**
 * The sync position inside one object: the page to ask for, the `since` the
 * chain started with (so every page asks the same question), the account
 * currency once read, and for call notes which entity's notes are being read.
 */
export const cursorSchema = z.lazy(() =>
  z.object({
    page: z.number().int().min(1),
    since: z.number().int().nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    entity: z.enum(['leads', 'contacts', 'companies']).optional(),
  }),
);
export type KommoCursor = z.infer<typeof cursorSchema>;

export function decodeCursor(cursor: string | null, label: string): KommoCursor | null {
  return decodeStoredCursor(cursor, cursorSchema, label);
}

export const encodeCursor = (cursor: KommoCursor): string => encodeStoredCursor(cursor);

/**
 * Query parameters for one page of a list: `limit` (≤ 250), `page`, and for an
 * incremental chain `filter[updated_at][from]` in Unix seconds. Pages are in id
 * order: a record edited while the chain pages does not move, so no record is
 * skipped (sorting by `updated_at` would move it to the end and shift the
 * others one place back across a page boundary).
 */
export function listParams(ctx: AdapterContext, cursor: KommoCursor): Params {
  const limit = Math.max(1, Math.min(ctx.pageSize ?? KOMMO_MAX_LIMIT, KOMMO_MAX_LIMIT));
  const params: Params = { page: cursor.page, limit, 'order[id]': 'asc' };
  if (cursor.since !== null) params['filter[updated_at][from]'] = Math.floor(cursor.since / 1000);
  return params;
}
