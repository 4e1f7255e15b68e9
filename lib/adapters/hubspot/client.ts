import { CrmError } from '../errors';
import { HttpError, requestJson } from '../http';
import type { AdapterContext, ApiBudget } from '../types';

export const HUBSPOT_LABEL = 'HubSpot';

/**
 * The adapter context plus HubSpot account facts: `portalId` for record links,
 * `currency` (the account's company currency) for deals without
 * `deal_currency_code`. `readAccountInfo` in account.ts reads both.
 */
export type HubspotContext = AdapterContext & { portalId?: string; currency?: string };

const TOKEN_ACTION = 'Paste a valid HubSpot private app token (with the CRM read scopes) in KPI Lens options.';

function header(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  const n = value === null || value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** `X-HubSpot-RateLimit-Daily(-Remaining)`: the account's daily request allocation, where HubSpot sends it. */
export function readBudget(headers: Headers): ApiBudget | undefined {
  const limit = header(headers, 'x-hubspot-ratelimit-daily');
  const remaining = header(headers, 'x-hubspot-ratelimit-daily-remaining');
  if (limit === undefined && remaining === undefined) return undefined;
  return { label: 'API requests (day)', remaining, limit };
}

function bodyField(text: string | undefined, field: 'policyName' | 'category' | 'message'): string | undefined {
  try {
    const value = (JSON.parse(text ?? '') as Record<string, unknown>)[field];
    return typeof value === 'string' ? value.slice(0, 300) : undefined;
  } catch {
    return undefined;
  }
}

const HOUR = 3_600_000;

/**
 * When to ask again after HubSpot's DAILY 429. "The daily limits reset at
 * midnight based on the time zone setting of the HubSpot account"
 * (developers.hubspot.com/apisbytier; API usage guidelines, Rate limits), a zone
 * the token does not tell: the sync asks again at the next whole hour, so it
 * resumes within an hour of the account's midnight whatever the zone (waiting
 * for UTC midnight was up to a day late for accounts east of UTC). Each try costs
 * one refused request.
 */
export function dailyRetryMs(now: number): number {
  return Math.floor(now / HOUR) * HOUR + HOUR - now;
}

/**
 * A HubSpot API request with the private app token as a Bearer token. 401 →
 * auth; 429 whose policy is DAILY → budget-exhausted (the day's allocation is
 * gone), other 429 → rate-limit with Retry-After or HubSpot's 10-second window;
 * 403 (missing scopes) → forbidden; other 4xx → bad-response.
 */
export async function hubspotRequest(
  ctx: HubspotContext,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ body: unknown; budget?: ApiBudget }> {
  if (ctx.auth.kind !== 'bearer') throw new CrmError('auth', 'HubSpot needs a private app token', TOKEN_ACTION);
  const now = ctx.now();
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${ctx.auth.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const url = `${ctx.baseUrl.replace(/\/+$/, '')}${path}`;
  try {
    const response = await requestJson(ctx, url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      crmLabel: HUBSPOT_LABEL,
      now,
    });
    if (response.status >= 400) {
      const message = bodyField(JSON.stringify(response.body), 'message');
      throw new CrmError(
        'bad-response',
        `HubSpot rejected ${path.split('?')[0]} (HTTP ${response.status})${message ? `: ${message}` : ''}`,
        'If this repeats, report it to KPI Lens with the sync log.',
        undefined,
        response.status,
      );
    }
    return { body: response.body, budget: readBudget(response.headers) };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const text = error.bodyText;
    if (error.status === 401) throw new CrmError('auth', error.message, TOKEN_ACTION, undefined, 401);
    if (error.kind === 'rate-limit' && bodyField(text, 'policyName') === 'DAILY') {
      throw new CrmError(
        'budget-exhausted',
        'The HubSpot daily API limit is used up',
        'Nothing to do: the sync resumes when HubSpot renews the limit at midnight in the account’s time zone.',
        dailyRetryMs(now),
        429,
      );
    }
    if (error.kind === 'forbidden') {
      const message = bodyField(text, 'message');
      throw new CrmError(
        'forbidden',
        `HubSpot denied ${path.split('?')[0]}${message ? `: ${message}` : ''}`,
        'Give the private app the read scope for this data in HubSpot (Settings → Integrations → Private apps).',
        undefined,
        403,
      );
    }
    throw error;
  }
}
