import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { columnTableOf, withColumns } from '../../columns/table';
import { KpiLensDb } from '../../db/db';
import { loadKpiData } from '../../db/load';
import { upsertRecords } from '../../db/records';
import { recordsAtSlots } from '../../db/whole-records';
import { liveSlots, readIdRows } from '../../db/slot-index';
import { SCHEMA_VERSIONS } from '../../db/schema';
import type { Deal } from '../../model';
import { dataArb } from '../test-arbitraries';
import { dealEvidence } from './evidence';

const opened: KpiLensDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** The deals as the worker reads them (a column table) and as plain records made from the same slots, in slot order. */
async function dealsBothWays(deals: readonly Deal[]): Promise<{ columns: readonly Deal[]; records: Deal[] }> {
  const db = new KpiLensDb(`deal-evidence-${++counter}`, SCHEMA_VERSIONS);
  opened.push(db);
  await upsertRecords(db, { deal: [...deals] });
  const columns = (await loadKpiData(db, 'test')).deals;
  const records = (await db.transaction('r', [db.columns], async () =>
    recordsAtSlots(
      db.columns,
      'test',
      'deal',
      liveSlots(await readIdRows(db.columns, 'test', 'deal')).map(([slot]) => slot),
    ),
  )) as Deal[];
  return { columns, records };
}

describe('deal evidence from the column store', () => {
  it('is the record pass’s evidence, from the hot columns and the `inputs` byte (property)', async () => {
    await fc.assert(
      fc.asyncProperty(dataArb, async (data) => {
        const { columns, records } = await dealsBothWays(data.deals);
        if (data.deals.length) expect(columnTableOf(columns)).toBeDefined();
        const fromColumns = await withColumns(() => dealEvidence(columns));
        const fromRecords = dealEvidence(records);
        expect({ ...fromColumns, born: [...fromColumns.born] }).toEqual({ ...fromRecords, born: [...fromRecords.born] });
      }),
      { numRuns: 150 },
    );
  });

  it('makes records only for deals without a created date', async () => {
    const data = fc.sample(
      dataArb.filter((d) => d.deals.some((deal) => deal.status === 'won' && deal.customerId !== undefined && deal.createdAt !== undefined)),
      { numRuns: 1, seed: 7 },
    )[0]!;
    const { columns } = await dealsBothWays(data.deals);
    const table = columnTableOf(columns)!;
    await withColumns(() => dealEvidence(columns));
    const made = (table as unknown as { made: (Deal | undefined)[] }).made;
    const needed = data.deals.filter((deal) => deal.createdAt === undefined).length;
    expect(made.filter(Boolean).length).toBe(needed);
    expect(needed).toBeLessThan(data.deals.length);
  });
});
