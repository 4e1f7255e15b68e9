import { describe, expect, it } from 'vitest';
import { bitrix24Adapter } from './bitrix24';
import { closeAdapter } from './close';
import { isCrmError } from './errors';
import { hubspotAdapter } from './hubspot';
import { kommoAdapter } from './kommo';
import { pipedriveAdapter } from './pipedrive';
import { salesforceAdapter } from './salesforce';
import type { AdapterAuth, AdapterContext, CrmAdapter } from './types';

/**
 * Adapters read no clock of their own (issue 18): a Retry-After given as an
 * HTTP date is measured against the context's `now`. The clock here is years
 * away from the real one, so an adapter that read the machine's time would wait
 * zero (or fifteen minutes), never the 42 seconds the date says.
 */
const NOW = Date.UTC(2031, 5, 1, 12, 0, 0);
const RETRY_AT = new Date(NOW + 42_000).toUTCString();

const cases: [CrmAdapter, string, AdapterAuth][] = [
  [pipedriveAdapter, 'https://acme.pipedrive.com/api', { kind: 'token', token: 't' }],
  [salesforceAdapter, 'https://acme.my.salesforce.com', { kind: 'bearer', token: 't' }],
  [hubspotAdapter, 'https://api.hubapi.com', { kind: 'bearer', token: 't' }],
  [kommoAdapter, 'https://acme.kommo.com', { kind: 'bearer', token: 't' }],
  [closeAdapter, 'https://api.close.com/api/v1', { kind: 'basic', username: 'k', password: '' }],
  [bitrix24Adapter, 'https://acme.bitrix24.com/rest/1/abcdef0123456789/', { kind: 'webhook' }],
];

describe('a Retry-After date is measured on the clock the adapter is given', () => {
  it.each(cases)('%s', async (adapter, baseUrl, auth) => {
    const ctx: AdapterContext = {
      fetch: async () => new Response('{}', { status: 429, headers: { 'retry-after': RETRY_AT, 'content-type': 'application/json' } }),
      now: () => NOW,
      baseUrl,
      auth,
      source: `${adapter.id}:acme`,
      timeZone: 'UTC',
    };
    const object = adapter.objects.find((spec) => spec.incremental)!.name;
    const error = await adapter.fetchPage(ctx, object, null, null).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCrmError(error) && { kind: error.kind, wait: error.retryAfterMs }).toEqual({ kind: 'rate-limit', wait: 42_000 });
  });
});

/**
 * 429 and 503, with and without Retry-After, through every adapter: a 429 is a
 * rate limit waited out (Retry-After when given, else what the CRM documents:
 * Bitrix24's leaky bucket drains in seconds, HubSpot's and the others' windows
 * are ten seconds); a 503 is a server error retried with backoff, after its
 * Retry-After when given. Bitrix24 sends its rate limit as a 503 with
 * QUERY_LIMIT_EXCEEDED (limits.md), which is a rate limit, not a server error.
 */
describe('429 and 503 answers, with and without Retry-After', () => {
  const reply =
    (status: number, headers: Record<string, string>, body = '{}') =>
    async () =>
      new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  const outcome = async (adapter: CrmAdapter, baseUrl: string, auth: AdapterAuth, fetch: AdapterContext['fetch']) => {
    const ctx: AdapterContext = { fetch, now: () => NOW, baseUrl, auth, source: `${adapter.id}:acme`, timeZone: 'UTC' };
    const object = adapter.objects.find((spec) => spec.incremental)!.name;
    const error = await adapter.fetchPage(ctx, object, null, null).then(
      () => undefined,
      (e: unknown) => e,
    );
    return isCrmError(error) ? [error.kind, error.retryAfterMs] : error;
  };

  it.each(cases)('%s', async (adapter, baseUrl, auth) => {
    expect(await outcome(adapter, baseUrl, auth, reply(429, { 'retry-after': '3' }))).toEqual(['rate-limit', 3_000]);
    expect(await outcome(adapter, baseUrl, auth, reply(503, { 'retry-after': '7' }))).toEqual(['transient', 7_000]);
    expect(await outcome(adapter, baseUrl, auth, reply(503, {}))).toEqual(['transient', undefined]);
    const bare429 = await outcome(adapter, baseUrl, auth, reply(429, {}));
    expect(bare429).toEqual(['rate-limit', adapter.id === 'bitrix24' ? 5_000 : 10_000]);
  });

  it('Bitrix24: QUERY_LIMIT_EXCEEDED comes as a 503 and is a rate limit', async () => {
    const [, baseUrl, auth] = cases.find(([adapter]) => adapter.id === 'bitrix24')!;
    const limited = reply(503, {}, JSON.stringify({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' }));
    expect(await outcome(bitrix24Adapter, baseUrl, auth, limited)).toEqual(['rate-limit', 5_000]);
  });
});
