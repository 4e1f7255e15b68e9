import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecord, RECORD_TYPES } from '../../model';
import type { AdapterContext, FetchedPage } from '../types';
import { fakeFetch } from './fake-fetch';
import { accountResponse, callNoteItem, companyItem, KOMMO_BASE, lead, pipelinesResponse, taskItem, userResponse } from './fixtures';
import { itemArbitrary, itemsJson } from './hostile';
import { kommoAdapter } from './index';

const cases: [object: string, key: string, documented: Record<string, unknown>[]][] = [
  ['leads', 'leads', [lead(), lead({ status_id: 143, price: '1 250 000,50' })]],
  ['companies', 'companies', [companyItem]],
  ['tasks', 'tasks', [taskItem]],
  ['calls', 'notes', [callNoteItem]],
  ['users', 'users', [userResponse]],
  ['pipelines', 'pipelines', pipelinesResponse._embedded.pipelines],
];

function assertSound(page: FetchedPage, itemCount: number) {
  let records = 0;
  for (const type of RECORD_TYPES) {
    for (const record of page.records[type] ?? []) {
      expect(parseRecord(type, record).ok).toBe(true);
      records += 1;
    }
  }
  const deleted = Object.values(page.deleted ?? {}).reduce((n, ids) => n + (ids?.length ?? 0), 0);
  // Every raw item ends somewhere: a record (a pipeline may give several), a reject or a deletion.
  expect(records + page.rejects.length + deleted).toBeGreaterThanOrEqual(itemCount);
  for (const reject of page.rejects) expect(reject.reason.length).toBeGreaterThan(0);
  // `__proto__` keys in a response must not reach the prototype of every object.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).status_id).toBeUndefined();
}

describe('kommo mapping never throws on arbitrary input', () => {
  it('every item of every object becomes a valid record, a reject or a deletion (1,000 runs over all objects)', async () => {
    const pageOf = fc.constantFrom(...cases).chain(([object, key, documented]) => fc.tuple(fc.constant(object), fc.constant(key), fc.array(itemArbitrary(documented), { maxLength: 6 })));
    await fc.assert(
      fc.asyncProperty(pageOf, async ([object, key, items]) => {
        const text = `{"_page":1,"_links":{},"_embedded":{"${key}":${itemsJson(items)}}}`;
        const { fetch } = fakeFetch((url) => (url.pathname.endsWith('/account') ? { body: accountResponse } : { text }));
        const ctx: AdapterContext = { fetch, baseUrl: KOMMO_BASE, auth: { kind: 'bearer', token: 't' }, source: 'kommo:x', timeZone: 'Europe/Moscow' };
        const page = await kommoAdapter.fetchPage(ctx, object, null, null);
        assertSound(page, items.length);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('an arbitrary body is a page or a bad-response, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(itemArbitrary([]), async (body) => {
        const { fetch } = fakeFetch((url) => (url.pathname.endsWith('/account') ? { body: accountResponse } : { text: itemsJson([body]).slice(1, -1) }));
        const ctx: AdapterContext = { fetch, baseUrl: KOMMO_BASE, auth: { kind: 'bearer', token: 't' }, source: 'kommo:x', timeZone: 'Europe/Moscow' };
        await kommoAdapter.fetchPage(ctx, 'leads', null, null).then(
          (page) => assertSound(page, 0),
          (error: unknown) => expect(error).toMatchObject({ name: 'CrmError', kind: 'bad-response' }),
        );
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
