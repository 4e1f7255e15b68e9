import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnTableOf, withColumns } from '../columns/table';
import { derivedValue } from '../model/derived-fields';
import type { Deal } from '../model';
import { dealArb, SOURCE, testDatabases } from './column-test-support';
import { readMeta } from './columns';
import { loadKpiData } from './load';
import { deleteRecord, upsertRecords } from './records';
import { SCHEMA_VERSIONS } from './schema';

const open = testDatabases();
let counter = 0;

const lastMove = (deal: Deal) => Math.max(-Infinity, ...(deal.stageHistory ?? []).map((visit) => visit.enteredAt));

/** A database as schema v4 left it: the deals' hot chunks without their latest stage moves. */
async function v4Database(name: string, deals: Deal[], deleted: string[]): Promise<number> {
  const db = open(name, SCHEMA_VERSIONS.slice(0, 4));
  await upsertRecords(db, { deal: deals });
  for (const id of deleted) await deleteRecord(db, SOURCE, 'deal', id);
  const hot = await db.columns.where(':id').between([SOURCE, 'deal', 'hot', -Infinity], [SOURCE, 'deal', 'hot', Infinity]).toArray();
  for (const chunk of hot) {
    delete (chunk.cols as Record<string, unknown>).stageMovedAt;
    await db.columns.put(chunk);
  }
  const generation = (await readMeta(db, SOURCE, 'deal'))!.generation;
  db.close();
  return generation;
}

describe('schema v5: the deals’ latest stage moves', () => {
  it('gives every live deal of a v4 store its latest stage move, read back beside the record, and keeps the generation (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(dealArb, { selector: (deal) => deal.externalId, minLength: 1, maxLength: 12 }), fc.nat(), async (deals, pick) => {
        const name = `v5-${++counter}`;
        const deleted = [deals[pick % deals.length]!.externalId];
        const generation = await v4Database(name, deals, deleted);
        const db = open(name);
        const data = await loadKpiData(db, SOURCE);
        expect((await readMeta(db, SOURCE, 'deal'))!.generation).toBe(generation);
        const table = columnTableOf(data.deals)!;
        const live = deals.filter((deal) => !deleted.includes(deal.externalId));
        expect(table.numbers('stageMovedAt')).toHaveLength(live.length);
        const made = await withColumns(() => data.deals.map((deal) => [deal.externalId, derivedValue(deal, 'stageMovedAt')] as const));
        expect(new Map(made)).toEqual(new Map(live.map((deal) => [deal.externalId, lastMove(deal)])));
      }),
      { numRuns: 40 },
    );
  });
});
