import { CrmError } from '../errors';
import { parseRetryAfter } from '../http';
import type { AdapterContext } from '../types';

const AUTH_CODES = new Set([
  'expired_token',
  'invalid_token',
  'NO_AUTH_FOUND',
  'INVALID_CREDENTIALS',
  'WRONG_AUTH_TYPE',
  'authorization_error',
  'invalid_grant',
  'user_access_error',
]);
const FORBIDDEN_CODES = new Set(['insufficient_scope', 'ACCESS_DENIED', 'allowed_only_intranet_user', 'PAYMENT_REQUIRED']);

/** Waiting after QUERY_LIMIT_EXCEEDED: the leaky bucket drains two requests a second, so a few seconds free room again. */
export const QUERY_LIMIT_WAIT_MS = 5_000;
/**
 * Waiting after OPERATION_TIME_LIMIT when Bitrix24 gave no reset time: its
 * baskets are one minute apart, so within a minute the oldest one expires.
 */
export const OPERATION_LIMIT_WAIT_MS = 60_000;
/** The longest wait for a reset time: the ten one-minute baskets (limits.md, Resource Intensity Limits). */
const MAX_OPERATION_WAIT_MS = 10 * 60_000;

/**
 * A Bitrix24 error. `operatingResetAt` (Unix seconds) is the `time.operating_reset_at`
 * of the latest successful answer, where the oldest basket of a method's time budget
 * expires: limits.md says to wait for it after OPERATION_TIME_LIMIT.
 */
export type BitrixFailure = { status: number; code: string; description: string; headers?: Headers; operatingResetAt?: number };

/** `time.operating_reset_at` of an answer (or of one batch command's `result_time`), in Unix seconds. */
export function operatingResetAt(time: unknown): number | undefined {
  const value = time && typeof time === 'object' ? (time as { operating_reset_at?: unknown }).operating_reset_at : undefined;
  const seconds = typeof value === 'string' ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function operatingWait(ctx: AdapterContext, resetAt: number | undefined): number {
  if (resetAt === undefined) return OPERATION_LIMIT_WAIT_MS;
  const wait = resetAt * 1000 - ctx.now();
  return wait > 0 ? Math.min(Math.ceil(wait / 1000) * 1000, MAX_OPERATION_WAIT_MS) : OPERATION_LIMIT_WAIT_MS;
}

function authAction(ctx: AdapterContext): string {
  return ctx.auth.kind === 'webhook'
    ? 'Bitrix24 no longer accepts the webhook: check it still exists (Developer resources → Inbound webhook) and paste its URL again in KPI Lens options.'
    : 'Your Bitrix24 session has ended: reload the Bitrix24 tab (sign in if asked), then sync.';
}

/**
 * Turns a Bitrix24 error (`{ "error": …, "error_description": … }`, with or
 * without an HTTP error status) into what the sync engine understands.
 */
export function bitrixError(ctx: AdapterContext, failure: BitrixFailure): CrmError {
  const { status, code, description } = failure;
  const what = `Bitrix24 answered ${code || `HTTP ${status}`}${description ? `: ${description.slice(0, 200)}` : ''}`;
  const retryAfter = failure.headers ? parseRetryAfter(failure.headers.get('retry-after'), ctx.now()) : undefined;
  if (code === 'QUERY_LIMIT_EXCEEDED' || (status === 429 && code !== 'OPERATION_TIME_LIMIT')) {
    return new CrmError('rate-limit', what, 'Nothing to do: the sync slows down and resumes.', retryAfter ?? QUERY_LIMIT_WAIT_MS, status);
  }
  if (code === 'OPERATION_TIME_LIMIT') {
    return new CrmError(
      'budget-exhausted',
      what,
      'Nothing to do: Bitrix24 limits how long a method may run; the sync resumes when that time frees up (within ten minutes).',
      retryAfter ?? operatingWait(ctx, failure.operatingResetAt),
      status,
    );
  }
  if (AUTH_CODES.has(code) || status === 401) return new CrmError('auth', what, authAction(ctx), undefined, status);
  if (FORBIDDEN_CODES.has(code) || /^access denied/i.test(description) || status === 403) {
    const action =
      code === 'insufficient_scope'
        ? 'The Bitrix24 webhook lacks a permission: give it the crm and user scopes, then sync again.'
        : 'Your Bitrix24 user cannot read this data; ask your Bitrix24 administrator for read access to the CRM.';
    return new CrmError('forbidden', what, action, undefined, status);
  }
  if (status >= 500) return new CrmError('transient', what, 'Nothing to do: KPI Lens retries later.', retryAfter, status);
  return new CrmError('bad-response', what, 'KPI Lens retries; if this repeats, the rest of the data still syncs.', undefined, status);
}

/** The `{ error, error_description }` of a response body, if it is one. */
export function errorOf(body: unknown): { code: string; description: string } | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('error' in body)) return undefined;
  const { error, error_description: description } = body as { error?: unknown; error_description?: unknown };
  if (error === undefined || error === null || error === false) return undefined;
  return { code: typeof error === 'string' ? error : String(error), description: typeof description === 'string' ? description : '' };
}
