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
    const error = await adapter.fetchPage(ctx, object, null, null).then(() => undefined, (e: unknown) => e);
    expect(isCrmError(error) && { kind: error.kind, wait: error.retryAfterMs }).toEqual({ kind: 'rate-limit', wait: 42_000 });
  });
});
