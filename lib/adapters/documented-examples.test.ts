import { describe, expect, it } from 'vitest';
import * as CloseDocs from '../../test/contracts/documented/close';
import * as HubspotDocs from '../../test/contracts/documented/hubspot';
import * as KommoDocs from '../../test/contracts/documented/kommo';
import * as SalesforceDocs from '../../test/contracts/documented/salesforce';
import { answer, type DocumentedExample } from '../../test/contracts/documented/types';
import { hsContext } from '../../test/contracts/hubspot';
import { sfContext } from '../../test/contracts/salesforce';
import { closeAdapter } from './close';
import { isCrmError, type CrmError } from './errors';
import { hubspotAdapter } from './hubspot';
import { kommoAdapter } from './kommo';
import { salesforceAdapter } from './salesforce';
import type { AdapterContext, FetchLike } from './types';

/**
 * Every vendor-documented response in test/contracts/documented, served to its
 * adapter: what it maps to, or the error and wait it becomes. (Bitrix24's
 * reference examples are read straight from its pages in bitrix24/contract.test.ts;
 * Pipedrive's from its OpenAPI specs in pipedrive/contract-*.test.ts.)
 */
const NOW = Date.UTC(2024, 4, 1, 12, 20);
const serve =
  (example: DocumentedExample): FetchLike =>
  async () =>
    answer(example);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => (isCrmError(error) ? error : Promise.reject(error)),
  ) as Promise<CrmError>;

function closeContext(fetch: FetchLike): AdapterContext {
  return {
    fetch,
    now: () => NOW,
    baseUrl: 'https://api.close.com/api/v1',
    auth: { kind: 'basic', username: 'k', password: '' },
    source: 'close:app.close.com',
    timeZone: 'America/New_York',
  };
}

describe('Close: the API reference examples', () => {
  it(`opportunities (${CloseDocs.OPPORTUNITY_LIST.source})`, async () => {
    const page = await closeAdapter.fetchPage(closeContext(serve(CloseDocs.OPPORTUNITY_LIST)), 'opportunities', null, null);
    expect(page.rejects).toEqual([]);
    expect(page.totalEstimate).toBe(3);
    expect(page.records.deal?.map((d) => [d.externalId.slice(0, 9), d.status, d.amount, d.mrr, d.probability, d.customerId?.slice(0, 9)])).toEqual([
      ['oppo_KXyJ', 'open', { minor: 300000, currency: 'USD' }, undefined, 75, 'lead_s6vH'], // one_time 300000 cents = $3,000
      ['oppo_8eB7', 'open', { minor: 50000, currency: 'USD' }, { minor: 4167, currency: 'USD' }, 75, 'lead_IIDH'], // annual $500 → 50000/12 = 4166.67 → 4167 cents a month
      ['oppo_klaj', 'open', { minor: 5000, currency: 'USD' }, { minor: 5000, currency: 'USD' }, 50, 'lead_IIDH'], // monthly $50
    ]);
    // The example's last two share one date_created to the microsecond: ties Close's date windows must read again, not lose.
    expect(page.records.deal?.map((d) => d.createdAt)).toEqual([
      Date.UTC(2013, 1, 1, 0, 54, 51, 321),
      Date.UTC(2013, 1, 1, 0, 54, 51, 337),
      Date.UTC(2013, 1, 1, 0, 54, 51, 337),
    ]);
  });

  it(`calls (${CloseDocs.CALL_LIST.source})`, async () => {
    const page = await closeAdapter.fetchPage(closeContext(serve(CloseDocs.CALL_LIST)), 'calls', null, null);
    expect(page.records.activity).toEqual([
      expect.objectContaining({
        externalId: 'acti_Ay0QqN91HKAHVQUesISYV8QlhDobGfWb1Ui3TE75pJR',
        type: 'call',
        direction: 'outbound',
        subtype: 'answered',
        done: true, // status completed
        durationSec: 10,
        occurredAt: Date.UTC(2013, 1, 1, 0, 51, 33), // activity_at
        createdAt: Date.UTC(2013, 1, 20, 6, 34, 33, 637),
        ownerId: 'user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA',
      }),
    ]);
    expect(page.nextCursor).toBeNull();
  });

  it(`a skip past the maximum (${CloseDocs.SKIP_PAST_MAXIMUM.source})`, async () => {
    // Leads cannot be windowed by date: the chain stops with Close's words and the maximum it named.
    const error = await failure(
      closeAdapter.fetchPage(closeContext(serve(CloseDocs.SKIP_PAST_MAXIMUM)), 'leads', JSON.stringify({ skip: 250_100, since: null }), null),
    );
    expect([error.kind, (error as CrmError & { maxSkip?: number }).maxSkip, error.message]).toEqual([
      'bad-response',
      250_000,
      expect.stringContaining('max_skip = 250000'),
    ]);
  });
});

describe('HubSpot: the usage guidelines example', () => {
  it(`the DAILY 429 (${HubspotDocs.DAILY_LIMIT.source})`, async () => {
    const error = await failure(hubspotAdapter.fetchPage(hsContext(serve(HubspotDocs.DAILY_LIMIT), { now: () => NOW }), 'pipelines', null, null));
    // Renewed at midnight in the account's zone, unknown here: asked again at the next whole hour, 12:20 → 13:00.
    expect([error.kind, error.retryAfterMs]).toEqual(['budget-exhausted', 40 * 60_000]);
  });
});

describe('Salesforce: REQUEST_LIMIT_EXCEEDED, both limits', () => {
  it(`the 24-hour allocation (${SalesforceDocs.TOTAL_REQUESTS.source})`, async () => {
    const error = await failure(salesforceAdapter.fetchPage(sfContext(serve(SalesforceDocs.TOTAL_REQUESTS)), 'accounts', null, null));
    expect([error.kind, error.retryAfterMs]).toEqual(['budget-exhausted', 3_600_000]);
  });

  it(`concurrent long-running requests (${SalesforceDocs.CONCURRENT_REQUESTS.source})`, async () => {
    const error = await failure(salesforceAdapter.fetchPage(sfContext(serve(SalesforceDocs.CONCURRENT_REQUESTS)), 'accounts', null, null));
    expect([error.kind, error.retryAfterMs]).toEqual(['rate-limit', 30_000]);
  });
});

describe('Kommo: the leads reference', () => {
  it(`deleted leads (${KommoDocs.DELETED_LEADS.source})`, async () => {
    const ctx: AdapterContext = {
      fetch: serve(KommoDocs.DELETED_LEADS),
      now: () => NOW,
      baseUrl: 'https://example.kommo.com/api/v4',
      auth: { kind: 'bearer', token: 't' },
      source: 'kommo:example',
      timeZone: 'UTC',
    };
    const page = await kommoAdapter.fetchPage(ctx, 'deleted-leads', null, null);
    expect([page.deleted, page.records, page.rejects, page.nextCursor]).toEqual([{ deal: ['3912171', '3912172'] }, {}, [], null]);
  });
});
