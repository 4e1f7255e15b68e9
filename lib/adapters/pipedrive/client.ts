import { CrmError } from '../errors';
import { HttpError, parseRetryAfter, requestJson } from '../http';
import type { AdapterContext, ApiBudget } from '../types';
import { isDailyBudgetExhausted, nextUtcMidnight, readBudget } from './budget';

export const PIPEDRIVE_LABEL = 'Pipedrive';

/** Pipedrive needs nothing beyond the adapter context (its clock, `now`, dates budgets and Retry-After). */
export type PipedriveContext = AdapterContext;

export type QueryValue = string | number | boolean | null | undefined;
export type PipedriveResponse = { status: number; body: unknown; budget?: ApiBudget };

/** What the rep does when Pipedrive refuses the credentials, by how KPI Lens signs in. */
function authAction(ctx: AdapterContext): string {
  if (ctx.auth.kind === 'session') return 'Open your Pipedrive tab, sign in again and reload the page.';
  return 'Re-enter your Pipedrive API token in KPI Lens options (Pipedrive: Personal preferences → API).';
}

export function buildUrl(ctx: AdapterContext, version: 'v1' | 'v2', path: string, query: Record<string, QueryValue>): string {
  const base = ctx.baseUrl.replace(/\/+$/, '');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${base}/${version}${path}${search ? `?${search}` : ''}`;
}

function requestInit(ctx: AdapterContext): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  switch (ctx.auth.kind) {
    case 'session':
      // Same-origin calls from the rep's Pipedrive tab carry the session cookie.
      return { method: 'GET', headers, credentials: 'include' };
    case 'token':
      headers['x-api-token'] = ctx.auth.token;
      return { method: 'GET', headers, credentials: 'omit' };
    case 'bearer':
      headers.authorization = `Bearer ${ctx.auth.token}`;
      return { method: 'GET', headers, credentials: 'omit' };
    default:
      throw new CrmError('auth', `Pipedrive cannot be used with ${ctx.auth.kind} credentials`, 'Connect Pipedrive again from KPI Lens options.');
  }
}

/**
 * A 429 without Retry-After waits out the 2-second burst window Pipedrive
 * names in `x-ratelimit-reset` ("the remaining window before the rate limit
 * resets", Pipedrive's rate limiting docs), where it says.
 */
function burstReset(headers: Headers, _body: string, now: number): number | undefined {
  return parseRetryAfter(headers.get('x-ratelimit-reset'), now);
}

function errorText(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'string') return error.slice(0, 300);
  }
  return undefined;
}

/**
 * GET a Pipedrive endpoint. Turns Pipedrive's failures into CrmErrors: 401 →
 * auth (with the step the rep takes), 429 with the daily token count at zero →
 * budget-exhausted until midnight UTC, other 429 → rate-limit with Retry-After,
 * 402/404 (feature not in the plan, endpoint absent) → forbidden, other 4xx and
 * `success: false` → bad-response.
 */
export async function pipedriveGet(
  ctx: PipedriveContext,
  version: 'v1' | 'v2',
  path: string,
  query: Record<string, QueryValue> = {},
): Promise<PipedriveResponse> {
  const now = ctx.now();
  const url = buildUrl(ctx, version, path, query);
  let response;
  try {
    response = await requestJson(ctx, url, { ...requestInit(ctx), crmLabel: PIPEDRIVE_LABEL, now, retryAfter: burstReset });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 401) throw new CrmError('auth', error.message, authAction(ctx), undefined, error.status);
    if (error.kind === 'rate-limit' && isDailyBudgetExhausted(error.headers)) {
      const resetsAt = nextUtcMidnight(now);
      throw new CrmError(
        'budget-exhausted',
        'The Pipedrive daily API token budget is used up',
        'Nothing to do: the sync resumes after midnight UTC, when Pipedrive renews the budget.',
        resetsAt - now,
        429,
      );
    }
    throw error;
  }
  const { status, body, headers } = response;
  if (status === 402 || status === 404) {
    throw new CrmError(
      'forbidden',
      `Pipedrive has no ${path} for this account (HTTP ${status})`,
      'This Pipedrive plan or account does not offer this data; nothing to do.',
      undefined,
      status,
    );
  }
  if (status >= 400) {
    throw new CrmError(
      'bad-response',
      `Pipedrive rejected ${path} (HTTP ${status})${errorText(body) ? `: ${errorText(body)}` : ''}`,
      'If this repeats, report it to KPI Lens with the sync log.',
      undefined,
      status,
    );
  }
  // `success: false` is a failure when it says why or brings no data; a stray flag beside data is not.
  const failed = body && typeof body === 'object' && (body as { success?: unknown }).success === false && (errorText(body) !== undefined || !('data' in body));
  if (!body || typeof body !== 'object' || failed) {
    throw new CrmError(
      'bad-response',
      `Pipedrive answered ${path} without data${errorText(body) ? `: ${errorText(body)}` : ''}`,
      'If this repeats, open Pipedrive in a tab to check that it works.',
      undefined,
      status,
    );
  }
  return { status, body, budget: readBudget(headers, now) };
}
