import { CrmError, type CrmErrorKind } from '../errors';
import { HttpError, requestJson } from '../http';
import type { AdapterContext, ApiBudget } from '../types';
import { readLimitInfo } from './budget';

export const SALESFORCE_LABEL = 'Salesforce';
export const API_VERSION = 'v60.0';

/**
 * The adapter context plus what the org's settings decide:
 * `currency` is the org's (corporate) currency, used for amounts when the org is
 * not multi-currency; `multiCurrency` makes every amount carry its own
 * `CurrencyIsoCode`. `forecastPeriod` is the length of a ForecastingQuota
 * (Collaborative Forecasts: monthly by default, quarterly when so configured).
 * `readOrgSettings` in org.ts reads all three once per connection.
 */
export type SalesforceContext = AdapterContext & {
  currency?: string;
  multiCurrency?: boolean;
  forecastPeriod?: 'month' | 'quarter';
};

/** A CrmError that also carries Salesforce's `errorCode` (INVALID_TYPE, INVALID_QUERY_LOCATOR...). */
export class SalesforceError extends CrmError {
  constructor(
    kind: CrmErrorKind,
    message: string,
    userAction: string,
    readonly errorCode: string | undefined,
    status?: number,
    retryAfterMs?: number,
  ) {
    super(kind, message, userAction, retryAfterMs, status);
  }
}

const RELOAD =
  'Reload your Salesforce tab (sign in again if asked), then sync again. If your org lets only approved connected apps use the API, connect with OAuth instead.';
const API_ACTION =
  'Ask your Salesforce admin for the "API Enabled" permission. Where the org allows the API only to approved connected apps (API Access Control), or you open Salesforce through a security proxy, connect with OAuth through a connected app the admin approves.';

/**
 * REQUEST_LIMIT_EXCEEDED names two limits (Salesforce App Limits Cheatsheet, API
 * Request Limits and Allocations): the org's rolling 24-hour allocation
 * ("TotalRequests Limit exceeded."), and the concurrent requests of 20 seconds
 * or longer ("ConcurrentRequests (Concurrent API Requests) Limit exceeded.",
 * "ConcurrentPerOrgLongTxn Limit exceeded."), which frees as those requests end.
 */
export const CONCURRENT_LIMIT_WAIT_MS = 30_000;

/** Salesforce errors are `[{ "message": "...", "errorCode": "..." }]`. */
export function readApiError(body: unknown): { code?: string; message?: string } {
  const first: unknown = Array.isArray(body) ? body[0] : body;
  if (!first || typeof first !== 'object') return {};
  const { errorCode, message } = first as { errorCode?: unknown; message?: unknown };
  return {
    code: typeof errorCode === 'string' ? errorCode.slice(0, 100) : undefined,
    message: typeof message === 'string' ? message.slice(0, 300) : undefined,
  };
}

function fromCode(code: string | undefined, message: string | undefined, status: number): SalesforceError {
  const detail = `${code ?? `HTTP ${status}`}${message ? `: ${message}` : ''}`;
  if (code === 'INVALID_SESSION_ID' || status === 401) return new SalesforceError('auth', `Salesforce refused the session (${detail})`, RELOAD, code, status);
  if (code === 'REQUEST_LIMIT_EXCEEDED' && /concurrent/i.test(message ?? '')) {
    // Too many of the org's requests run 20 s or longer at once (25 in production): new ones go through as those end.
    return new SalesforceError(
      'rate-limit',
      `Salesforce is busy with the org's long-running requests (${detail})`,
      'Nothing to do: the sync waits a little and resumes.',
      code,
      status,
      CONCURRENT_LIMIT_WAIT_MS,
    );
  }
  if (code === 'REQUEST_LIMIT_EXCEEDED') {
    // The allocation is a rolling 24 hours: check again in an hour.
    return new SalesforceError(
      'budget-exhausted',
      `The Salesforce org's API request limit is used up (${detail})`,
      'Nothing to do: the sync resumes when the org has API requests left.',
      code,
      status,
      3_600_000,
    );
  }
  if (code === 'API_DISABLED_FOR_ORG' || code === 'API_CURRENTLY_DISABLED') {
    // Every request meets it: stop the run and say what the admin can change.
    return new SalesforceError('auth', `Salesforce does not let this sign-in use its API (${detail})`, API_ACTION, code, status);
  }
  if (code === 'INVALID_TYPE' || code === 'INSUFFICIENT_ACCESS' || status === 403 || status === 404) {
    return new SalesforceError(
      'forbidden',
      `Salesforce denied this data (${detail})`,
      'Your Salesforce user or edition lacks access to this data; ask your Salesforce admin.',
      code,
      status,
    );
  }
  return new SalesforceError(
    'bad-response',
    `Salesforce rejected the request (${detail})`,
    'If this repeats, report it to KPI Lens with the sync log.',
    code,
    status,
  );
}

/**
 * GET a Salesforce REST path (`/services/data/...`) with the session id or
 * OAuth token as a Bearer token. Returns the body and the API allocation from
 * `Sforce-Limit-Info`; failures become SalesforceErrors the engine understands.
 */
export async function salesforceGet(ctx: SalesforceContext, path: string): Promise<{ body: unknown; budget?: ApiBudget }> {
  if (!path.startsWith('/services/data/'))
    throw new SalesforceError('bad-response', 'Salesforce pointed outside its REST API', 'Report this to KPI Lens.', undefined);
  if (ctx.auth.kind !== 'bearer')
    throw new SalesforceError(
      'auth',
      'Salesforce needs a session id or OAuth token',
      'Open Salesforce in a tab, or connect it with OAuth in KPI Lens options.',
      undefined,
    );
  const now = ctx.now();
  const url = `${ctx.baseUrl.replace(/\/+$/, '')}${path}`;
  const init = {
    method: 'GET',
    headers: { accept: 'application/json', authorization: `Bearer ${ctx.auth.token}` },
    credentials: 'omit' as const,
    crmLabel: SALESFORCE_LABEL,
    now,
  };
  try {
    const { status, body, headers } = await requestJson(ctx, url, init);
    if (status >= 400) {
      const { code, message } = readApiError(body);
      throw fromCode(code, message, status);
    }
    return { body, budget: readLimitInfo(headers.get('sforce-limit-info')) };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    if (error.status === 401 || error.status === 403) {
      let body: unknown;
      try {
        body = JSON.parse(error.bodyText);
      } catch {
        body = undefined;
      }
      const { code, message } = readApiError(body);
      throw fromCode(code, message, error.status);
    }
    throw error;
  }
}
