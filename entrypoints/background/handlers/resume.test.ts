import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetAllConnections, saveConnection } from '@/lib/connections';
import { KpiLensDb, SCHEMA_VERSIONS } from '@/lib/db';
import { createStatusCache } from '../status-cache';
import { createHandlers, type HandlerDeps } from './index';

let db: KpiLensDb;
let counter = 0;
const kicked: string[] = [];

function handlers(statuses = createStatusCache(db)) {
  const deps = {
    db,
    scheduler: { kick: async (source: string) => (kicked.push(source), 'started' as const) },
    statuses,
  } as unknown as HandlerDeps;
  return { handlers: createHandlers(deps), statuses };
}

/** Two session connections, each with a sync state in `phase`. */
async function twoSources(phase: 'running' | 'done') {
  for (const account of ['a.example', 'b.example']) {
    const source = `sandbox:${account}`;
    await saveConnection({
      source,
      crm: 'sandbox',
      account,
      apiBase: `https://${account}`,
      appUrl: `https://${account}`,
      auth: { kind: 'session' },
      connectedAt: 1,
    });
    await db.syncState.put({
      key: `${source}/deals`,
      source,
      object: 'deals',
      phase,
      cursor: '20',
      runSince: null,
      highWater: null,
      recordsThisRun: 20,
      rejectsThisRun: 0,
      updatedAt: 1,
    } as never);
  }
}

beforeEach(async () => {
  fakeBrowser.reset();
  await forgetAllConnections();
  db = new KpiLensDb(`resume-${++counter}`, SCHEMA_VERSIONS);
  kicked.length = 0;
});
afterEach(() => db.close());

describe('resuming interrupted syncs (the watchdog alarm, a worker start)', () => {
  it('goes on with runs a stopped worker left active, and only those', async () => {
    await twoSources('running');
    await db.syncState.update('sandbox:b.example/deals', { phase: 'done' });
    await handlers().handlers.resumeInterruptedSyncs();
    expect(kicked).toEqual(['sandbox:a.example']);
  });

  it('leaves a run that stopped on a full disk, and could not record it, to the rep', async () => {
    await twoSources('running');
    const { handlers: first, statuses } = handlers();
    await statuses.runFinished('sandbox:a.example', { status: 'stopped', problem: { kind: 'storage-full', message: 'm', userAction: 'u' } });
    await first.resumeInterruptedSyncs();
    expect(kicked).toEqual(['sandbox:b.example']);
    // A restarted worker too (the stop is in storage.session).
    kicked.length = 0;
    await handlers().handlers.resumeInterruptedSyncs();
    expect(kicked).toEqual(['sandbox:b.example']);
    // Once a run starts again (the rep made room and synced), it is resumed like any other.
    statuses.runStarted('sandbox:a.example');
    await new Promise((resolve) => setTimeout(resolve, 0));
    kicked.length = 0;
    await handlers().handlers.resumeInterruptedSyncs();
    expect(kicked).toEqual(['sandbox:a.example', 'sandbox:b.example']);
  });
});
