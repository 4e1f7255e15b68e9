import { decodeCursor as decodeStoredCursor, encodeCursor as encodeStoredCursor } from '../cursor';
import { CrmError } from '../errors';
import { HttpError, parseRetryAfter, requestJson } from '../http';
import { noProgress } from '../pager';
import { z } from '../../model/zod';
import type { AdapterContext } from '../types';
import { listSchema } from './schemas';
import { skipLimitOf, windowSchema } from './window';

export const CLOSE_LABEL = 'Close';
/**
 * Close does not publish one fixed rate: it limits per endpoint group and per
 * API key (its example: 20 requests per second per key, three times that per
 * organization). KPI Lens stays well below, and honours 429s on top.
 */
export const CLOSE_REQUESTS_PER_SECOND = 8;
/** The most items Close returns per page. */
export const CLOSE_MAX_LIMIT = 100;

const AUTH_ACTION = 'Close refused the API key: create a new one in Close (Settings → Developer → API Keys) and paste it in KPI Lens options.';

function authHeader(ctx: AdapterContext): string {
  if (ctx.auth.kind === 'bearer') return `Bearer ${ctx.auth.token}`;
  if (ctx.auth.kind === 'basic') {
    try {
      // The API key is the user name; the password stays empty.
      return `Basic ${btoa(`${ctx.auth.username}:${ctx.auth.password}`)}`;
    } catch {
      throw new CrmError('auth', 'the Close API key has characters an API key cannot have', AUTH_ACTION);
    }
  }
  throw new CrmError('auth', `Close cannot be read with ${ctx.auth.kind} credentials`, 'Paste a Close API key in KPI Lens options.');
}

/**
 * How long Close asks to wait after a 429: `Retry-After`, else the `reset` of
 * the `RateLimit` header (`limit=…, remaining=0, reset=5`, seconds), else the
 * deprecated `rate_reset` of the error body. Undefined when none says.
 */
export function closeRetryAfterMs(headers: Headers, body: unknown, now: number): number | undefined {
  const header = parseRetryAfter(headers.get('retry-after'), now);
  if (header !== undefined) return header;
  const reset = /(?:^|[;,\s])reset=(\d+(?:\.\d+)?)/.exec(headers.get('ratelimit') ?? '')?.[1];
  if (reset !== undefined) return parseRetryAfter(reset, now);
  const legacy = (body as { error?: { rate_reset?: unknown } } | null)?.error?.rate_reset;
  return typeof legacy === 'number' && Number.isFinite(legacy) && legacy >= 0 ? parseRetryAfter(String(legacy), now) : undefined;
}

function closeRetryAfter(headers: Headers, bodyText: string, now: number): number | undefined {
  let body: unknown = null;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = null;
  }
  const wait = closeRetryAfterMs(headers, body, now);
  // Close counts its windows in whole seconds: wait until the window has surely reset.
  return wait === undefined ? undefined : Math.ceil(wait / 1000) * 1000;
}

export type Params = Record<string, string | number>;

/** GETs a Close API v1 path; HTTP failures become CrmErrors with what the rep should do. */
export async function closeGet(ctx: AdapterContext, path: string, params: Params = {}): Promise<unknown> {
  const url = new URL(`${ctx.baseUrl.replace(/\/+$/, '')}${path}`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
  const init = { headers: { Accept: 'application/json', Authorization: authHeader(ctx) }, crmLabel: CLOSE_LABEL, retryAfter: closeRetryAfter };
  let response: Awaited<ReturnType<typeof requestJson>>;
  try {
    response = await requestJson(ctx, url.toString(), init);
  } catch (error) {
    if (error instanceof HttpError && error.status === 401) throw new CrmError('auth', error.message, AUTH_ACTION, undefined, error.status);
    throw error;
  }
  if (response.status !== 200) {
    const said = errorText(response.body);
    const limit = response.status === 400 && said ? skipLimitOf(said) : undefined;
    if (limit) throw new CloseSkipLimit(`Close will not page ${path} further: ${said}`, limit.maxSkip);
    throw new CrmError(
      'bad-response',
      `Close answered HTTP ${response.status} for ${path}${said ? `: ${said}` : ''}`,
      'KPI Lens retries; if this repeats, the rest of the data still syncs.',
      undefined,
      response.status,
    );
  }
  return response.body;
}

/** Close's error answers carry `error` (a string, or an object with `message`); a short piece of it names the problem. */
function errorText(body: unknown): string | undefined {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  const text = typeof error === 'string' ? error : error && typeof error === 'object' ? (error as { message?: unknown }).message : undefined;
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, 300) : undefined;
}

/**
 * Close refused a `_skip` past the resource's maximum (HTTP 400). A chain that
 * reads by date windows narrows its window and goes on; any other stops here
 * and says so.
 */
export class CloseSkipLimit extends CrmError {
  constructor(
    message: string,
    readonly maxSkip: number | undefined,
  ) {
    super('bad-response', message, 'KPI Lens reads the rest by date next time; if this repeats, report it to KPI Lens with the sync log.', undefined, 400);
  }
}

/** A list page; one that says `has_more` but holds nothing cannot move `_skip` forward, so it stops the chain. */
export function readList(body: unknown, what: string): { items: unknown[]; hasMore: boolean; total?: number } {
  const list = listSchema.safeParse(body);
  if (!list.success)
    throw new CrmError(
      'bad-response',
      `Close sent a ${what} page without its data list`,
      'KPI Lens retries; if this repeats, the rest of the data still syncs.',
    );
  const hasMore = list.data.has_more === true;
  if (hasMore && list.data.data.length === 0) throw noProgress(CLOSE_LABEL, what, 'said more items follow (has_more) but held none');
  return { items: list.data.data, hasMore, total: list.data.total_results ?? undefined };
}

/**
 * The position inside one object's changed-records pass: how many items to
 * skip, the `since` the chain started with, and for lists read by date windows
 * the window being paged (window.ts).
 */
const changedCursorSchema = z.lazy(() =>
  z.object({ skip: z.number().int().nonnegative(), since: z.number().int().nullable(), window: windowSchema.optional() }),
);
export type CloseCursor = z.infer<typeof changedCursorSchema>;

/**
 * The position inside one object's deleted pass (the event log since the
 * run's `since`): Close's own `cursor_next`, null before the first page.
 */
const deletedCursorSchema = z.lazy(() => z.object({ pass: z.literal('deleted'), since: z.number().int(), events: z.string().max(4000).nullable() }));
export type CloseDeletedCursor = z.infer<typeof deletedCursorSchema>;

/** A cursor without `pass` is a changed-records pass (the only shape older versions stored). */
const cursorSchema = z.lazy(() => z.union([deletedCursorSchema, changedCursorSchema.unwrap().strict()]));

export function decodeCursor(cursor: string | null): CloseCursor | CloseDeletedCursor | null {
  return decodeStoredCursor(cursor, cursorSchema, 'Close');
}

export const encodeCursor = (cursor: CloseCursor | CloseDeletedCursor): string => encodeStoredCursor(cursor);

export function pageParams(ctx: AdapterContext, cursor: CloseCursor): Params {
  return { _skip: cursor.skip, _limit: Math.max(1, Math.min(ctx.pageSize ?? CLOSE_MAX_LIMIT, CLOSE_MAX_LIMIT)) };
}

/** Close's filters take ISO 8601 instants. */
export const isoInstant = (ms: number): string => new Date(ms).toISOString();
