import { CrmError, type CrmErrorKind } from './errors';
import type { AdapterContext, FetchLike } from './types';

const MAX_RETRY_AFTER_MS = 15 * 60_000;

/**
 * Parses a `Retry-After` header: seconds, or an HTTP date relative to `now`.
 * Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(Math.round(Number(trimmed) * 1000), MAX_RETRY_AFTER_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/** Same-origin redirects a request follows before it is refused as a loop. */
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A request that was refused because it would have followed a redirect to
 * another origin (or to an address it cannot see). Its kind is `auth`: every
 * request of the connection would meet it, so the run stops and the rep is told.
 */
export class RedirectRefused extends CrmError {}

function originOf(url: string): string {
  return new URL(url).origin;
}

function refuse(crmLabel: string, status: number, target: string | undefined): RedirectRefused {
  const message = target
    ? `${crmLabel} redirected the request to ${target}${status ? ` (HTTP ${status})` : ''}; KPI Lens does not send your credentials to another address`
    : `${crmLabel} redirected the request to an address the browser keeps hidden; KPI Lens does not send your credentials where it cannot check`;
  return new RedirectRefused(
    'auth',
    message,
    `Check the API address of this connection in KPI Lens options → Connections; if it is right, the ${crmLabel} account may have moved: connect it again.`,
    undefined,
    status || undefined,
  );
}

/**
 * Every request an adapter makes goes through here, because every one of them
 * carries a credential: a header (`x-api-token`, `Authorization`), a secret in
 * the URL (a Bitrix24 webhook) or in the body (an OAuth code or refresh token).
 * Browsers and Node drop `Authorization` on a cross-origin redirect but keep
 * custom headers, and repeat a POST body on 307/308, so redirects are never
 * left to `fetch`: the request is made with `redirect: 'manual'`, a redirect to
 * the same origin is followed here (a few hops at most), and one to another
 * origin, or one the browser hides (an opaque redirect, whose target cannot be
 * checked), is refused before anything is sent there.
 */
export async function credentialFetch(fetch: FetchLike, url: string, init: RequestInit, crmLabel: string): Promise<Response> {
  const origin = originOf(url);
  let current = url;
  let request: RequestInit = { ...init, redirect: 'manual' };
  for (let hop = 0; ; hop += 1) {
    const response = await fetch(current, request);
    // A fetch that followed anyway (an injected one that ignores `redirect`): its answer is not used.
    if (response.redirected && response.url && originOf(response.url) !== origin) throw refuse(crmLabel, 0, new URL(response.url).host);
    if (response.type === 'opaqueredirect') throw refuse(crmLabel, 0, undefined);
    if (!REDIRECTS.has(response.status)) return response;
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    let target: URL | undefined;
    try {
      target = location ? new URL(location, current) : undefined;
    } catch {
      target = undefined;
    }
    if (!target || target.origin !== origin) throw refuse(crmLabel, response.status, target?.host);
    if (hop + 1 > MAX_REDIRECTS) {
      throw new CrmError(
        'bad-response',
        `${crmLabel} redirected the request more than ${MAX_REDIRECTS} times`,
        'If this repeats, open the CRM in a tab to check that it works.',
        undefined,
        response.status,
      );
    }
    // 303, and 301/302 after a POST, continue as a GET without the body (as browsers do); 307/308 repeat the request.
    const method = (request.method ?? 'GET').toUpperCase();
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST'))
      request = { ...request, method: 'GET', body: undefined };
    current = target.href;
  }
}

/** A CRM's HTTP failure, with what the CRM said, so an adapter can tell a daily budget from a burst limit. */
export class HttpError extends CrmError {
  constructor(
    kind: CrmErrorKind,
    message: string,
    userAction: string,
    retryAfterMs: number | undefined,
    status: number,
    readonly headers: Headers,
    readonly bodyText: string,
  ) {
    super(kind, message, userAction, retryAfterMs, status);
  }
}

/** An error answer's body is read for its error code; more than this is never needed. */
const ERROR_BODY_CAP = 64 * 1024;

export type JsonResponse = { status: number; headers: Headers; body: unknown };

export type RequestOptions = RequestInit & {
  crmLabel: string;
  now?: number;
  /** How long a 429 asks to wait, where the CRM says it elsewhere than in `Retry-After`. */
  retryAfter?: (headers: Headers, bodyText: string, now: number) => number | undefined;
};

/**
 * GET/POST a JSON endpoint (through `credentialFetch`) and turn HTTP failures
 * into CrmErrors the sync engine understands; 401, 403, 429 and 5xx become
 * HttpErrors carrying the answer's headers and body. `crmLabel` names the CRM
 * in messages shown to the rep.
 */
export async function requestJson(ctx: AdapterContext, url: string, init: RequestOptions): Promise<JsonResponse> {
  const { crmLabel, now = ctx.now(), retryAfter, ...requestInit } = init;
  let response: Response;
  try {
    response = await credentialFetch(ctx.fetch, url, requestInit, crmLabel);
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw new CrmError(
      'transient',
      `${crmLabel} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      'Check the network connection; KPI Lens retries by itself.',
    );
  }
  const { status, headers } = response;
  if (status === 429 || status === 401 || status === 403 || status >= 500) {
    const bodyText = (await response.text().catch(() => '')).slice(0, ERROR_BODY_CAP);
    const fail = (kind: CrmErrorKind, message: string, userAction: string, wait?: number) =>
      new HttpError(kind, message, userAction, wait, status, headers, bodyText);
    if (status === 429) {
      const wait = parseRetryAfter(headers.get('retry-after'), now) ?? retryAfter?.(headers, bodyText, now) ?? 10_000;
      throw fail('rate-limit', `${crmLabel} asked to slow down (HTTP 429)`, 'Nothing to do: the sync waits and resumes.', wait);
    }
    if (status === 401)
      throw fail('auth', `${crmLabel} refused the credentials (HTTP 401)`, `Sign in to ${crmLabel} again, or re-enter the API token in KPI Lens options.`);
    if (status === 403)
      throw fail('forbidden', `${crmLabel} denied access (HTTP 403)`, `Your ${crmLabel} user lacks access to this data; ask your ${crmLabel} admin.`);
    throw fail(
      'transient',
      `${crmLabel} had a server error (HTTP ${status})`,
      'Nothing to do: KPI Lens retries later.',
      parseRetryAfter(headers.get('retry-after'), now),
    );
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length ? JSON.parse(text) : null;
  } catch {
    throw new CrmError(
      'bad-response',
      `${crmLabel} answered with something that is not JSON (HTTP ${status})`,
      'If this repeats, the CRM may be down or behind a login page: open it in a tab.',
      undefined,
      status,
    );
  }
  return { status, headers, body };
}
