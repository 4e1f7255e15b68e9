import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deal } from '../model';
import { KpiLensDb } from './db';
import { upsertRecords } from './records';
import { SCHEMA_VERSIONS } from './schema';
import { countByType, latestBudget, objectStatuses, summariseStates } from './status';
import type { SyncObjectState } from './types';

const opened: KpiLensDb[] = [];
let counter = 0;
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
function open() {
  const db = new KpiLensDb(`status-test-${++counter}`, SCHEMA_VERSIONS);
  opened.push(db);
  return db;
}

const state = (object: string, patch: Partial<SyncObjectState> = {}): SyncObjectState => ({
  key: `crm/${object}`,
  source: 'crm',
  object,
  cursor: null,
  runSince: null,
  highWater: null,
  runStartedAt: 1,
  phase: 'done',
  recordsThisRun: 0,
  rejectsThisRun: 0,
  attempts: 0,
  updatedAt: 1,
  ...patch,
});
const problem = (kind: string, at: number, message = kind) => ({ kind, message, userAction: `do something about ${kind}`, at });

describe('source status', () => {
  it('a run waiting on the CRM (rate limit, no tab open) is syncing and shows why', () => {
    const summary = summariseStates([
      state('users', { recordsThisRun: 4 }),
      state('deals', { phase: 'waiting', recordsThisRun: 10, error: problem('rate-limit', 5, 'No Pipedrive tab is open') }),
      state('activities', { phase: 'running' }),
    ]);
    expect(summary).toMatchObject({ syncing: true, problem: { message: 'No Pipedrive tab is open' } });
    // 4 + 10 + 0 records this run; two of three objects still active, so the current is the second
    expect(summary.progress).toEqual({ object: 'deals', records: 14, totalEstimate: undefined, objectRecords: 10, objectIndex: 1, objectCount: 3 });
  });

  it('says how many of the CRM’s total are in and how long the rest takes at the pace so far', () => {
    // 1,000 s into the run, 2,000 users + 48,000 activities written: 50 records a second. The CRM has
    // 1,000,000 activities: 952,000 to go take 19,040 s at that pace.
    const states = [
      state('users', { recordsThisRun: 2_000, runStartedAt: 0 }),
      state('activities', { phase: 'running', recordsThisRun: 48_000, totalEstimate: 1_000_000, runStartedAt: 0 }),
    ];
    expect(summariseStates(states, 1_000_000).progress).toMatchObject({
      object: 'activities',
      records: 50_000,
      objectRecords: 48_000,
      totalEstimate: 1_000_000,
      timeLeftMs: 19_040_000,
    });
    // Without the time or the CRM's total there is no estimate.
    expect(summariseStates(states).progress?.timeLeftMs).toBeUndefined();
    expect(summariseStates([state('activities', { phase: 'running', recordsThisRun: 10, runStartedAt: 0 })], 1_000).progress?.timeLeftMs).toBeUndefined();
  });

  it('a run stopped on the credentials is not "syncing": it waits for the rep, who sees what to do', () => {
    const summary = summariseStates([
      state('users', { phase: 'error', error: problem('auth', 9, 'Salesforce refused the session (INVALID_SESSION_ID)') }),
      state('deals', { phase: 'running' }),
    ]);
    expect(summary).toMatchObject({
      syncing: false,
      progress: undefined,
      problem: { message: 'Salesforce refused the session (INVALID_SESSION_ID)', userAction: 'do something about auth' },
    });
  });

  it('shows the newest problem, not the first object’s', () => {
    const summary = summariseStates([
      state('a', { phase: 'error', error: problem('bad-response', 3, 'old') }),
      state('b', { phase: 'waiting', error: problem('transient', 8, 'new') }),
    ]);
    expect(summary.problem?.message).toBe('new');
  });

  it('lists objects in the adapter’s order with their last run, and the latest API budget', async () => {
    const db = open();
    await db.syncState.bulkPut([
      state('deals', { recordsThisRun: 120, lastCompletedAt: 50, budget: { label: 'daily token budget', remaining: 900, limit: 1000 }, updatedAt: 10 }),
      state('users', { recordsThisRun: 3, lastCompletedAt: 40, budget: { label: 'daily token budget', remaining: 990, limit: 1000 }, updatedAt: 5 }),
      state('activities', { phase: 'error', error: problem('forbidden', 7), updatedAt: 7 }),
    ]);
    const objects = await objectStatuses(db, 'crm', ['users', 'deals', 'activities']);
    expect(objects.map((o) => [o.object, o.phase, o.records, o.lastCompletedAt, o.problem?.message])).toEqual([
      ['users', 'done', 3, 40, undefined],
      ['deals', 'done', 120, 50, undefined],
      ['activities', 'error', 0, undefined, 'forbidden'],
    ]);
    expect(latestBudget(objects)).toEqual({ label: 'daily token budget', remaining: 900, limit: 1000 }); // deals reported last (t=10)
  });

  it('counts stored records per type of one source', async () => {
    const db = open();
    const deal = (source: string, id: string): Deal => ({ source, externalId: id, updatedAt: 1, title: id, ownerId: 'u', status: 'open', lineItems: [] });
    await upsertRecords(db, {
      deal: [deal('crm', '1'), deal('crm', '2'), deal('other', '3')],
      owner: [{ source: 'crm', externalId: 'u', updatedAt: 1, name: 'U', role: 'rep', active: true }],
    });
    expect(await countByType(db, 'crm')).toEqual({ owner: 1, deal: 2 });
  });
});
