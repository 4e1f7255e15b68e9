import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { columnTableOf } from '../columns/table';
import { activity, deal, expectAgreement, lead, SOURCE, T0, testDatabases } from './column-test-support';
import { createColumnBuilder } from './column-builder';
import { loadKpiData } from './load';
import { upsertRecords } from './records';
import { SCHEMA_VERSIONS } from './schema';
import { storedSourceStatus } from './status';

const open = testDatabases();
let counter = 0;

/** A version 2 database (before the column store) with 23 activities, 7 deals and 4 leads of SOURCE. */
async function versionTwoDatabase(name: string) {
  const v2 = open(name, SCHEMA_VERSIONS.slice(0, 2));
  await v2.activities.bulkPut(
    Array.from({ length: 23 }, (_, i) => activity(`a${String(i).padStart(2, '0')}`, { occurredAt: T0 - i * 3_600_000, ownerId: i % 2 ? 'u1' : 'u2' })),
  );
  await v2.deals.bulkPut(Array.from({ length: 7 }, (_, i) => deal(`d${i}`, { status: i % 3 === 0 ? 'won' : 'open', closedAt: i % 3 === 0 ? T0 : undefined })));
  await v2.leads.bulkPut(Array.from({ length: 4 }, (_, i) => lead(`l${i}`)));
  v2.close();
}

describe('the migration to the column store', () => {
  it('builds the columns of a version 2 database step by step, with progress in the status from 0 to all', async () => {
    const name = `builder-${++counter}`;
    await versionTwoDatabase(name);
    const db = open(name);
    await db.open();

    // Right after the upgrade the status knows the whole: 23 + 7 + 4 = 34 records to prepare.
    expect((await storedSourceStatus(db, SOURCE)).preparing).toEqual({ records: 0, total: 34 });

    const seen: ({ records: number; total: number } | undefined)[] = [];
    const ready: string[] = [];
    const builder = createColumnBuilder({
      db,
      step: 5,
      pause: async () => {},
      onProgress: async (source) => {
        seen.push((await storedSourceStatus(db, source)).preparing);
      },
      onReady: (source) => void ready.push(source),
    });
    await builder.run();

    // Steps of 5: activities 5, 10, 15, 20, 23 (5 steps), then deals 5, 7 (2 steps: 23 + 5, 23 + 7), then
    // the leads' only step, which ends the build: nothing left to prepare. The whole stays 34 throughout.
    expect(seen).toEqual([5, 10, 15, 20, 23, 28, 30].map((records) => ({ records, total: 34 })).concat([undefined as never]));
    expect(ready).toEqual([SOURCE]);

    const status = await storedSourceStatus(db, SOURCE);
    expect(status.preparing).toBeUndefined();
    expect(status.records).toBe(34);
    await expectAgreement(db, SOURCE);
    const data = await loadKpiData(db, SOURCE);
    expect(columnTableOf(data.activities)?.length).toBe(23);
  });

  it('keeps the bar growing when a sync writes during the build, and resumes after a restart', async () => {
    const name = `builder-${++counter}`;
    await versionTwoDatabase(name);
    const first = open(name);
    let steps = 0;
    // The worker stops after two steps (the builder's loop is cut at its pause).
    await createColumnBuilder({
      db: first,
      step: 5,
      pause: async () => {
        if (++steps === 2) throw new Error('worker stopped');
      },
    })
      .run()
      .catch((error: Error) => expect(error.message).toBe('worker stopped'));
    expect((await storedSourceStatus(first, SOURCE)).preparing).toEqual({ records: 10, total: 34 });
    await upsertRecords(first, { activity: [activity('a01', { ownerId: 'u9' }), activity('zz')] });
    first.close();

    const second = open(name);
    const seen: number[] = [];
    await createColumnBuilder({
      db: second,
      step: 5,
      pause: async () => {},
      onProgress: async (source) => {
        const preparing = (await storedSourceStatus(second, source)).preparing;
        if (preparing) seen.push(preparing.records);
      },
    }).run();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((records, i) => i === 0 || records > seen[i - 1]!)).toBe(true);
    expect(seen[0]).toBeGreaterThan(10);
    expect((await storedSourceStatus(second, SOURCE)).records).toBe(35); // 34 + 'zz'
    await expectAgreement(second, SOURCE);
  });
});
