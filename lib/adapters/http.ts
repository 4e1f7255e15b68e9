import { CrmError } from './errors';
import type { AdapterContext } from './types';

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

export type JsonResponse = { status: number; headers: Headers; body: unknown };

/**
 * GET/POST a JSON endpoint and turn HTTP failures into CrmErrors the sync engine
 * understands. `crmLabel` names the CRM in messages shown to the rep.
 */
export async function requestJson(
  ctx: AdapterContext,
  url: string,
  init: RequestInit & { crmLabel: string; now?: number },
): Promise<JsonResponse> {
  const { crmLabel, now = Date.now(), ...requestInit } = init;
  let response: Response;
  try {
    response = await ctx.fetch(url, requestInit);
  } catch (error) {
    throw new CrmError(
      'transient',
      `${crmLabel} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      'Check the network connection; KPI Lens retries by itself.',
    );
  }
  if (response.status === 429) {
    throw new CrmError(
      'rate-limit',
      `${crmLabel} asked to slow down (HTTP 429)`,
      'Nothing to do: the sync waits and resumes.',
      parseRetryAfter(response.headers.get('retry-after'), now) ?? 10_000,
      429,
    );
  }
  if (response.status === 401) {
    throw new CrmError('auth', `${crmLabel} refused the credentials (HTTP 401)`, `Sign in to ${crmLabel} again, or re-enter the API token in KPI Lens options.`, undefined, 401);
  }
  if (response.status === 403) {
    throw new CrmError('forbidden', `${crmLabel} denied access (HTTP 403)`, `Your ${crmLabel} user lacks access to this data; ask your ${crmLabel} admin.`, undefined, 403);
  }
  if (response.status >= 500) {
    throw new CrmError('transient', `${crmLabel} had a server error (HTTP ${response.status})`, 'Nothing to do: KPI Lens retries later.', parseRetryAfter(response.headers.get('retry-after'), now), response.status);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length ? JSON.parse(text) : null;
  } catch {
    throw new CrmError('bad-response', `${crmLabel} answered with something that is not JSON (HTTP ${response.status})`, 'If this repeats, the CRM may be down or behind a login page: open it in a tab.', undefined, response.status);
  }
  return { status: response.status, headers: response.headers, body };
}
