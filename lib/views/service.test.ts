import 'fake-indexeddb/auto';
import { DAY_MS } from '../period/units';
import { hasValue } from '../kpi/types';
import { describe, expect, it } from 'vitest';
import type { KpiData } from '../kpi/types';
import type { Settings } from '../settings/schema';
import { PeersHiddenError } from './scope';
import { createViewService } from './service';
import { columnTableOf, withColumns } from '../columns/table';
import { KpiLensDb } from '../db/db';
import { saveOrders } from '../db/columns';
import { loadKpiData, reloadColumnRecords } from '../db/load';
import { upsertRecords } from '../db/records';
import { SCHEMA_VERSIONS } from '../db/schema';
import { prepareColumns } from '../kpi';
import { activities, AS_OF, fixtureData, settingsFor, ZONE } from './test-fixture';

function service(data: KpiData, settings: () => Settings) {
  let loads = 0;
  const views = createViewService({
    loadData: async () => {
      loads += 1;
      return data;
    },
    loadSettings: async () => settings(),
    now: () => AS_OF,
    browserZone: () => ZONE,
    rewarmDelayMs: null,
  });
  return { views, loads: () => loads };
}
const month = { source: 'crm', view: 'personal', period: 'month' } as const;

describe('view service', () => {
  it("computes the rep's pinned view once and answers again from memory until the data changes", async () => {
    const { views, loads } = service(fixtureData(), () => settingsFor('ann'));
    const first = await views.pinned(month);
    expect(first.ownerName).toBe('Ann Rep');
    const quota = first.pinned?.quota;
    expect(hasValue(quota) && quota.value).toBe(50); // 4,000 won of an 8,000 quota
    expect(await views.pinned(month)).toBe(first); // the same object: served from memory
    expect(loads()).toBe(1);

    // A sync step commits a new won deal of Ann's: the cached view is stale, the next one counts it.
    views.applyWrite('crm', {
      deal: [
        {
          source: 'crm',
          externalId: 'd9',
          updatedAt: 1,
          title: 'New',
          ownerId: 'ann',
          status: 'won',
          amount: { minor: 200_000, currency: 'USD' },
          closedAt: AS_OF - 3_600_000,
          createdAt: AS_OF - DAY_MS,
          lineItems: [],
        },
      ],
    });
    const after = await views.pinned(month);
    expect(after).not.toBe(first);
    expect(hasValue(after.pinned?.quota) && after.pinned.quota.value).toBe(75); // (4,000 + 2,000) of 8,000
    expect(loads()).toBe(1); // the write was applied in memory, not read back
  });

  it('finds the time zone while the data still loads, not after it: a cold worker spends that wait idle', async () => {
    const events: string[] = [];
    let arrive: (data: KpiData) => void = () => undefined;
    const views = createViewService({
      loadData: () => {
        events.push('data asked');
        return new Promise<KpiData>((resolve) => (arrive = resolve));
      },
      loadSettings: async () => settingsFor('ann'),
      now: () => AS_OF,
      browserZone: () => {
        events.push('zone asked');
        return ZONE;
      },
      rewarmDelayMs: null,
    });
    const answer = views.pinned(month);
    await new Promise((resolve) => setTimeout(resolve, 0));
    events.push('data arrives');
    arrive(fixtureData());
    expect(hasValue((await answer).pinned?.quota)).toBe(true);
    expect(events.slice(0, 3)).toEqual(['data asked', 'zone asked', 'data arrives']);
  });

  describe('with customers and MRR movements read after the rest (loadLate)', () => {
    function lateService(settings: Settings) {
      let arrive!: () => void;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      let lateReads = 0;
      const views = createViewService({
        loadData: async () => fixtureData(),
        loadLate: async () => {
          lateReads += 1;
          await arrived;
          return { customers: [], mrrMovements: [] };
        },
        loadSettings: async () => settings,
        now: () => AS_OF,
        browserZone: () => ZONE,
        rewarmDelayMs: null,
      });
      return { views, arrive, lateReads: () => lateReads };
    }
    const settled = <T>(promise: Promise<T>) => {
      let done = false;
      const watched = promise.then(() => (done = true));
      return Object.assign(() => done, { finished: () => watched });
    };
    const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

    it("answers a rep's pinned numbers before that read, the same numbers as after it", async () => {
      const { views, arrive, lateReads } = lateService(settingsFor('ann'));
      views.preload('crm'); // a CRM page opened: the source's first read starts
      const early = await views.pinned(month);
      // Not even started: IndexedDB serves reads one after another, and the pinned numbers' come first.
      expect(lateReads()).toBe(0);
      expect(hasValue(early.pinned?.quota) && early.pinned.quota.value).toBe(50);
      const catalogue = settled(views.catalogue(month));
      await tick();
      expect(catalogue()).toBe(false); // every other view waits for the read
      arrive();
      await expect(catalogue.finished()).resolves.toBe(true);
    });

    it('makes the pinned numbers wait when they read customers, and for a team', async () => {
      for (const settings of [settingsFor('ann', { pinnedKpis: ['churn'] }), settingsFor(undefined)]) {
        const { views, arrive } = lateService(settings);
        const pinned = settled(views.pinned(month));
        await tick();
        expect(pinned()).toBe(false);
        arrive();
        await expect(pinned.finished()).resolves.toBe(true);
      }
    });
  });

  it("answers every request made while a sync's activities are read back with them, not with the data from before the sync", async () => {
    // The worker reads big types back from the column store after a write; two requests (the page's warm-up
    // and the sidebar's own) may both arrive while that read runs, and the view kept must hold the activities.
    let release!: () => void;
    const readBack = new Promise<void>((resolve) => (release = resolve));
    const views = createViewService({
      loadData: async () => fixtureData({ activities: [] }),
      reloadType: async (_source, type) => {
        await readBack;
        return type === 'activity' ? activities : [];
      },
      loadSettings: async () => settingsFor('ann'),
      now: () => AS_OF,
      browserZone: () => ZONE,
      rewarmDelayMs: null,
    });
    const before = await views.pinned(month);
    expect(hasValue(before.pinned?.activities.month)).toBe(false); // no activity yet
    views.applyWrite('crm', { activity: activities });
    const first = views.pinned(month);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = views.pinned(month);
    release();
    for (const answer of await Promise.all([first, second, views.pinned(month)])) {
      expect(hasValue(answer.pinned?.activities.month)).toBe(true);
    }
  });

  it('sends results without their record ids, and pages the records behind a number', async () => {
    const { views } = service(fixtureData(), () => settingsFor('ann'));
    const pinned = await views.pinned(month);
    const quota = pinned.pinned!.quota!;
    expect('recordIds' in quota).toBe(false);
    expect(quota.recordCount).toBe(2); // d1 and d2, Ann's won deals in November
    const page = await views.records(month, 'quotaAttainment', 0, 1);
    expect(page).toMatchObject({ recordType: 'deal', total: 2, listable: 2, offset: 0 });
    expect(page.rows.map((row) => [row.id, row.url, row.amount?.minor])).toEqual([['d1', 'https://crm.example/deals/d1', 300_000]]);
    const next = await views.records(month, 'quotaAttainment', 1, 25);
    expect(next.rows.map((row) => row.id)).toEqual(['d2']);
  });

  it("never sends a rep their peers' numbers, whatever the page asks", async () => {
    const { views } = service(fixtureData(), () => settingsFor('ann'));
    const team = { ...month, view: 'team' } as const;
    const pinned = await views.pinned(team);
    expect(pinned.peersHidden).toBe(true);
    // The "team" quota is Ann's own: 4,000 of 8,000, not the team's 11,500 of 18,000.
    expect(hasValue(pinned.pinned?.quota) && pinned.pinned.quota.value).toBe(50);
    const board = await views.team(team, 'wonAmount');
    const catalogue = await views.catalogue(team);
    const records = await views.records(team, 'repLeaderboard', 0, 50);
    for (const sent of [pinned, board, catalogue, records].map((value) => JSON.stringify(value))) {
      expect(sent).not.toContain('Bob Peer');
      expect(sent).not.toContain('Lea Lead');
    }
    expect(records.rows.map((row) => row.id)).toEqual(['ann']);
    await expect(views.pinned({ ...month, ownerId: 'bob' })).rejects.toThrow(PeersHiddenError);
    await expect(views.records({ ...month, ownerId: 'bob' }, 'quotaAttainment', 0, 10)).rejects.toThrow(PeersHiddenError);
  });

  it('gives the lead the team and a drill-down into each rep', async () => {
    let settings = settingsFor('lea');
    const { views } = service(fixtureData(), () => settings);
    const team = await views.pinned({ ...month, view: 'team' });
    // Team quota: the reps' quotas summed, 8,000 + 10,000; won 4,000 + 7,000 + 500 = 11,500 → 63.888…%.
    expect(hasValue(team.pinned?.quota) && team.pinned.quota.value).toBeCloseTo((11_500 / 18_000) * 100, 9);
    const bob = await views.pinned({ ...month, ownerId: 'bob' });
    expect(bob.ownerName).toBe('Bob Peer');
    expect(hasValue(bob.pinned?.quota) && bob.pinned.quota.value).toBe(70); // 7,000 of 10,000
    // Once peers' numbers are shown in this browser, Ann's board shows the team: the settings are part of the cache key.
    settings = settingsFor('ann', { showPeerNumbers: true });
    const board = await views.team({ ...month, view: 'team' }, 'wonAmount');
    expect(board.rows.map((row) => row.name)).toEqual(['Bob Peer', 'Ann Rep']); // Lea Lead carries no quota: she leads the board, she is not ranked on it
  });

  it('scales activity targets to the rep and window, and keeps none for a team', async () => {
    const data = fixtureData({ targets: [{ source: 'crm', externalId: 't-calls', updatedAt: 0, metric: 'calls', per: 'day', value: 10 }] });
    const { views } = service(data, () => settingsFor('lea'));
    const own = await views.pinned(month);
    // 10 calls a working day: today 10; this week Mon–Fri 50; November 2026 has 21 working days → 210.
    expect(own.activityTargets.call).toEqual({ day: 10, week: 50, month: 210 });
    const team = await views.pinned({ ...month, view: 'team' });
    expect(team.activityTargets.call).toEqual({ day: undefined, week: undefined, month: undefined });
  });

  it('answers a backwards custom range with the reason', async () => {
    const { views } = service(fixtureData(), () => settingsFor('ann'));
    await expect(views.pinned({ ...month, period: 'custom', range: { from: '2026-11-10', to: '2026-11-01' } })).rejects.toThrow(/before it starts/);
  });

  it('has no numbers, and says so, for a source without deals and activities', async () => {
    const { views } = service(fixtureData({ deals: [], activities: [] }), () => settingsFor('ann'));
    expect((await views.pinned(month)).pinned).toBeNull();
  });

  it('computes no other view of a source while its pinned answer is pending (the pinned numbers go first)', async () => {
    let settingsRead = 0;
    const views = createViewService({
      loadData: async () => fixtureData(),
      loadSettings: async () => ((settingsRead += 1), settingsFor('ann')),
      now: () => AS_OF,
      browserZone: () => ZONE,
      rewarmDelayMs: null,
    });
    let answer!: () => void;
    const held = views.first('crm', new Promise<void>((resolve) => (answer = resolve)));
    const catalogue = views.catalogue(month);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settingsRead).toBe(0); // not started: every view starts by reading the settings
    answer();
    await held;
    expect(Object.keys((await catalogue).results).length).toBeGreaterThan(0);
    expect(settingsRead).toBe(1);
  });
});

describe('the sorted orders a cold start reads, after a sync', () => {
  async function worker(name: string) {
    const db = new KpiLensDb(name, SCHEMA_VERSIONS);
    const data = fixtureData();
    await upsertRecords(db, { owner: [...data.owners], deal: [...data.deals], activity: [...data.activities], lead: [...data.leads] });
    let loads = 0;
    const views = createViewService({
      loadData: async (source) => {
        loads += 1;
        return loadKpiData(db, source, { whole: true, lateTables: false });
      },
      reloadType: (source, type) => reloadColumnRecords(db, source, type),
      saveOrders: (source, type, generation, orders) => saveOrders(db, source, type, generation, orders),
      loadSettings: async () => settingsFor('ann'),
      now: () => AS_OF,
      browserZone: () => ZONE,
      rewarmDelayMs: null,
    });
    // A sync step (no CRM page open: the worker has not read the source): an activity moved by an hour.
    const moved = { ...activities[0]!, occurredAt: activities[0]!.occurredAt + 3_600_000 };
    const syncStep = async () => {
      await upsertRecords(db, { activity: [moved] });
      views.applyWrite('crm', { activity: [moved] });
    };
    /** What a restarted worker sorts before its numbers: the orders it does not find kept for the store's generation. */
    const sortedByColdStart = async () => {
      const cold = await loadKpiData(db, 'crm', { whole: true, lateTables: false });
      await withColumns(async () => prepareColumns(cold));
      return [cold.activities, cold.deals, cold.leads].flatMap((list) => [...(columnTableOf(list)?.madeOrders.keys() ?? [])]).sort();
    };
    return { db, views, syncStep, sortedByColdStart, loads: () => loads };
  }

  it('sorts a source the sync wrote once the sync is done, so that the next cold start sorts nothing', async () => {
    const { db, views, syncStep, sortedByColdStart, loads } = await worker('views-orders-kept');
    await views.keepOrdersAfterWrites('crm');
    expect(loads()).toBe(0); // nothing written by this worker: nothing read, nothing sorted
    await syncStep();
    await views.keepOrdersAfterWrites('crm');
    expect(loads()).toBe(1);
    expect(await sortedByColdStart()).toEqual([]);
    await views.keepOrdersAfterWrites('crm'); // done already: no second sort
    expect(loads()).toBe(1);
    db.close();
  });

  it("without it, the next cold start sorts again the orders of the types the sync wrote (the store's are of the generation before)", async () => {
    const { db, views, syncStep, sortedByColdStart } = await worker('views-orders-stale');
    await syncStep();
    await views.keepOrdersAfterWrites('crm');
    expect(await sortedByColdStart()).toEqual([]);
    await syncStep(); // written again, the worker stopped before the end of the sync
    expect(await sortedByColdStart()).toEqual(['booked', 'occurredAt']); // the activities'; the deals' are still current
    db.close();
  });
});
