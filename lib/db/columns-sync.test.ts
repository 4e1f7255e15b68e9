import 'fake-indexeddb/auto';
import type { DBCoreMutateRequest } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COLUMN_TYPES, type ColumnType } from '../columns/spec';
import type { Activity, CanonicalRecord, Deal, Lead } from '../model';
import { dexieSyncStore } from '../sync/dexie-store';
import type { SyncStepWrite } from '../sync/store';
import { activityArb, byId, dealArb, expectAgreement, ids, leadArb, SOURCE, T0, withLink } from './column-test-support';
import { KpiLensDb } from './db';
import { recordTable } from './records';
import { readWholeSource } from './whole-records';
import { SCHEMA_VERSIONS } from './schema';

/**
 * A database whose writes can be cut off: armed with n, the n-th write request of the next
 * transaction aborts that transaction (what a killed worker or a closed browser does to a sync step
 * in flight: IndexedDB commits nothing of it). n past the step's last write: the step completes.
 */
function killableDb(name: string) {
  const db = new KpiLensDb(name, SCHEMA_VERSIONS);
  const kill = { countdown: 0, killed: false };
  db.use({
    stack: 'dbcore',
    name: 'kill-switch',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (kill.countdown > 0 && --kill.countdown === 0) {
              kill.killed = true;
              (request.trans as unknown as IDBTransaction).abort();
            }
            return table.mutate(request);
          },
        };
      },
    }),
  });
  return { db, kill };
}

const opened: KpiLensDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

type Step = {
  batch: { activity: Activity[]; deal: Deal[]; lead: Lead[] };
  deleted: { [K in ColumnType]: string[] };
  /** The write request at which the worker dies (undefined: it lives). */
  killAt: number | undefined;
};
const stepArb: fc.Arbitrary<Step> = fc.record({
  batch: fc.record({
    activity: fc.array(withLink(activityArb), { maxLength: 6 }),
    deal: fc.array(withLink(dealArb), { maxLength: 4 }),
    lead: fc.array(withLink(leadArb), { maxLength: 3 }),
  }),
  deleted: fc.record({ activity: fc.array(ids, { maxLength: 3 }), deal: fc.array(ids, { maxLength: 2 }), lead: fc.array(ids, { maxLength: 2 }) }),
  // A step writes up to ~12 requests (chunks per tier, meta, records, deletions, quarantine, cursor).
  killAt: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
});

function writeOf(step: Step, n: number): SyncStepWrite {
  return {
    state: {
      key: `${SOURCE}/all`,
      source: SOURCE,
      object: 'all',
      cursor: String(n),
      runSince: null,
      highWater: null,
      phase: 'running',
      recordsThisRun: n,
      rejectsThisRun: 0,
      runStartedAt: T0,
      attempts: 0,
      updatedAt: T0,
    },
    batch: step.batch,
    deleted: step.deleted,
    quarantine: [],
  };
}

/** What the records table must hold: a completed step's upserts, then its deletions (the store's order). */
function applyToModel(model: Map<string, CanonicalRecord>, step: Step) {
  for (const type of COLUMN_TYPES) for (const record of step.batch[type]) model.set(`${type}\u0000${record.externalId}`, record);
  for (const type of COLUMN_TYPES) for (const id of step.deleted[type]) model.delete(`${type}\u0000${id}`);
}

async function snapshot(db: KpiLensDb) {
  return { columns: await db.columns.toArray(), meta: await db.columnMeta.toArray(), cursor: (await db.syncState.get(`${SOURCE}/all`))?.cursor };
}

describe('the column store under sync steps', () => {
  it('agrees with the records after any sequence of sync steps, deletions and kills mid-step (property)', async () => {
    const seen = { killed: 0, committed: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 7 }), async (steps) => {
        const { db, kill } = killableDb(`columns-sync-${++counter}`);
        opened.push(db);
        const store = dexieSyncStore(db);
        const model = new Map<string, CanonicalRecord>();
        for (const [n, step] of steps.entries()) {
          const before = await snapshot(db);
          kill.countdown = step.killAt ?? 0;
          kill.killed = false;
          const committed = await store.commitStep(writeOf(step, n)).then(
            () => true,
            () => false,
          );
          kill.countdown = 0;
          // A step dies exactly when the kill came before its last write; a dead step leaves nothing.
          expect(committed).toBe(!kill.killed);
          seen[committed ? 'committed' : 'killed'] += 1;
          if (committed) applyToModel(model, step);
          else expect(await snapshot(db)).toEqual(before);

          for (const type of COLUMN_TYPES) {
            const stored = await db.transaction('r', [recordTable(db, type), db.columns, db.columnMeta], async () => readWholeSource(db, SOURCE, type));
            const expected = [...model.entries()].filter(([key]) => key.startsWith(`${type}\u0000`)).map(([, record]) => record);
            expect(stored.sort(byId), type).toEqual(expected.sort(byId));
          }
          await expectAgreement(db, SOURCE);
        }
        db.close();
      }),
      { numRuns: 40 },
    );
    // The runs met both kinds of step (a property that never killed would prove nothing about kills).
    expect(seen.killed).toBeGreaterThan(10);
    expect(seen.committed).toBeGreaterThan(10);
  });
});
