/**
 * The column store in real Chromium: the built extension syncs the sandbox CRM; the activities,
 * deals and leads the KPI engine reads from the column store agree with the stored records after the
 * first sync, and again after an incremental sync that updates some records and deletes others
 * (the CRM reports the deletions). (Kills mid-sync: safety-kill.e2e checks the same after each kill.)
 * After a sync, the sorted orders a cold start reads are of the store's current generation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, CanonicalRecord, Deal, Lead } from '../../lib/model';
import type { SandboxFaults } from '../sandbox-crm/api';
import { columnProblems, readColumnStore, type ColumnSnapshot } from '../fixtures/column-agreement';
import { readExtensionDb } from '../fixtures/extension-db';
import { openQuietPage, sendFromPage, stopServiceWorkers } from '../fixtures/quiet-page';
import { servedObjects, type ServedObject } from '../fixtures/sandbox-expectations';
import { allDone, contentProblems } from '../fixtures/sync-invariants';
import { openCrmPage, startWorld, type E2eWorld } from '../harness/setup';

let world: E2eWorld;
let quiet: Page;
let source: string;

beforeAll(async () => {
  world = await startWorld({ scale: 0.4 });
  source = `sandbox:127.0.0.1:${world.crm.port}`;
  quiet = await openQuietPage(world.browser);
});
afterAll(async () => {
  await world?.close();
});

const syncedTo = async (served: Map<string, ServedObject>, since = 0) => {
  await expect
    .poll(
      async () => {
        const snapshot = await readExtensionDb(quiet, source, { statesOnly: true });
        return allDone(snapshot, served) && snapshot.states.every((state) => (state.lastCompletedAt ?? 0) > since);
      },
      { timeout: 180_000, interval: 1_000 },
    )
    .toBe(true);
};

/** The types with records whose stored orders are missing or of another generation than the store's. */
const staleOrders = ({ metas, chunks }: ColumnSnapshot) =>
  metas
    .filter((meta) => meta.alive > 0)
    .filter((meta) => {
      const orders = chunks.filter((chunk) => chunk.type === meta.type && chunk.tier === ('order' as string));
      return orders.length === 0 || orders.some((order) => (order as unknown as { generation: number }).generation !== meta.generation);
    })
    .map((meta) => meta.type);

describe('the column store and the records in real Chromium', () => {
  it('agree after the first sync', async () => {
    const page = await openCrmPage(world);
    await syncedTo(await servedObjects(world.crm.dataset, source));
    expect(await columnProblems(await readColumnStore(quiet, source), source)).toEqual([]);
    await page.close();
  });

  it('agree after a sync that updates some records and deletes others', async () => {
    const dataset = world.crm.dataset as unknown as Record<string, CanonicalRecord[]>;
    const now = Date.now();
    const activities = dataset.activity as Activity[];
    const deals = dataset.deal as Deal[];
    const leads = dataset.lead as Lead[];
    // Updated in the CRM: new owners, kinds, statuses and dates (and so new rows in their chunks).
    for (const i of [0, 7, 30])
      activities[i] = {
        ...activities[i]!,
        ownerId: activities[i + 1]!.ownerId,
        type: 'meeting',
        title: 'Demo, rescheduled',
        occurredAt: now - 3_600_000,
        done: false,
        updatedAt: now,
      };
    for (const i of [1, 5]) deals[i] = { ...deals[i]!, status: 'won', closedAt: now - 7_200_000, amount: { minor: 123_400, currency: 'EUR' }, updatedAt: now };
    leads[2] = { ...leads[2]!, status: 'converted', convertedAt: now - 60_000, updatedAt: now };
    // Deleted in the CRM.
    const deleted: SandboxFaults['deleted'] = {
      activity: activities.slice(50, 60).map((a) => a.externalId),
      deal: deals.slice(10, 14).map((d) => d.externalId),
      lead: leads.slice(5, 8).map((l) => l.externalId),
    };
    world.crm.setFaults({ deleted });
    const served = await servedObjects(world.crm.dataset, source, { deleted });
    const before = Date.now();
    // Stopped first, as Chromium stops an idle worker: the one the sync wakes has computed no view
    // (no CRM page is open), so only the sync's own end can keep the orders a cold start reads.
    await (await stopServiceWorkers(quiet)).detach();
    expect(await sendFromPage(quiet, { type: 'sync/start', source })).toMatchObject({ ok: true });
    await syncedTo(served, before);
    // The next cold start finds each type's sorted orders for the store's current generation, not stale ones.
    await expect.poll(async () => staleOrders(await readColumnStore(quiet, source)), { timeout: 60_000, interval: 500 }).toEqual([]);
    const stored = await readExtensionDb(quiet, source, { content: true });
    expect(contentProblems(stored, served)).toEqual([]);
    for (const [table, ids] of [
      ['activities', deleted.activity],
      ['deals', deleted.deal],
      ['leads', deleted.lead],
    ] as const) {
      const left = new Set((stored.tables[table] as { externalId: string }[]).map((record) => record.externalId));
      expect(
        ids!.filter((id) => left.has(id)),
        `${table} deleted in the CRM`,
      ).toEqual([]);
    }
    expect(await columnProblems(await readColumnStore(quiet, source), source)).toEqual([]);
  });
});
