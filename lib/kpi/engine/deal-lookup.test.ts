import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ColumnTable, columnTableOf, withColumns } from '../../columns/table';
import { KpiLensDb } from '../../db/db';
import { loadKpiData } from '../../db/load';
import { upsertRecords } from '../../db/records';
import { SCHEMA_VERSIONS } from '../../db/schema';
import type { Deal } from '../../model';
import { existingDealById } from './deal-lookup';

const opened: KpiLensDb[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of opened.splice(0)) db.close();
});

const deal = (id: string, createdAt: number): Deal => ({
  source: 'test',
  externalId: id,
  updatedAt: 1,
  title: id,
  ownerId: 'u',
  status: 'open',
  createdAt,
  lineItems: [],
});

describe('deals looked up by id', () => {
  it('over the column store, reads no deal id until a lookup, then finds the deals that exist at the instant', async () => {
    const db = new KpiLensDb('deal-lookup', SCHEMA_VERSIONS);
    opened.push(db);
    await upsertRecords(db, { deal: [deal('d1', 100), deal('d2', 500)] });
    const { deals } = await loadKpiData(db, 'test');
    expect(columnTableOf(deals)).toBeDefined();
    const idReads = vi.spyOn(ColumnTable.prototype, 'fieldsOfAll');

    // A query's context holds a lookup; most KPIs never use it, and indexing every id (from the deals'
    // cold chunks, read for it alone) cost a team's first query.
    existingDealById(deals, 300);
    expect(idReads).not.toHaveBeenCalled();
    // The ids are in the cold chunks: read on the first lookup, as any query over the store does (withColumns).
    const found = await withColumns(async () => {
      const lookup = existingDealById(deals, 300);
      return [lookup('d1')?.externalId, lookup('d2'), lookup('unknown')];
    });
    expect(found).toEqual(['d1', undefined, undefined]); // d2 was created at 500, after the instant 300
    expect(idReads).toHaveBeenCalled();
  });

  it('over records, the same answers', () => {
    const lookup = existingDealById([deal('d1', 100), deal('d2', 500)], 300);
    expect([lookup('d1')?.externalId, lookup('d2'), lookup('unknown')]).toEqual(['d1', undefined, undefined]);
  });
});
