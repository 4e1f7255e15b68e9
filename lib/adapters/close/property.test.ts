import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecord, RECORD_TYPES } from '../../model';
import { fakeFetch } from '../kommo/fake-fetch';
import { itemArbitrary, itemsJson } from '../kommo/hostile';
import type { AdapterContext } from '../types';
import { callItem, CLOSE_BASE, leadItem, meetingItem, opportunity, outgoingEmail, pipelinesPage, usersPage, wonOpportunity } from './fixtures';
import { closeAdapter } from './index';

const cases: [string, Record<string, unknown>[]][] = [
  ['opportunities', [opportunity(), wonOpportunity]],
  ['calls', [callItem]],
  ['emails', [outgoingEmail]],
  ['meetings', [meetingItem]],
  ['users', usersPage.data],
  ['leads', [leadItem]],
  ['pipelines', pipelinesPage.data],
];

describe('close mapping never throws on arbitrary input', () => {
  it('every item becomes a valid record or a reject with a reason (1,000 runs over all objects)', async () => {
    const pageOf = fc.constantFrom(...cases).chain(([object, documented]) => fc.tuple(fc.constant(object), fc.array(itemArbitrary(documented), { maxLength: 6 })));
    await fc.assert(
      fc.asyncProperty(pageOf, async ([object, items]) => {
        const { fetch } = fakeFetch(() => ({ text: `{"data":${itemsJson(items)},"has_more":false}` }));
        const ctx: AdapterContext = { fetch, baseUrl: CLOSE_BASE, auth: { kind: 'basic', username: 'k', password: '' }, source: 'close:x', timeZone: 'Europe/Berlin' };
        const page = await closeAdapter.fetchPage(ctx, object, null, null);
        let records = 0;
        for (const type of RECORD_TYPES) {
          for (const record of page.records[type] ?? []) {
            expect(parseRecord(type, record).ok).toBe(true);
            records += 1;
          }
        }
        expect(records + page.rejects.length).toBeGreaterThanOrEqual(items.length);
        expect(page.rejects.every((r) => r.reason.length > 0)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
