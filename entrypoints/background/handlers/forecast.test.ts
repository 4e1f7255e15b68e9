import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KpiLensDb, SCHEMA_VERSIONS } from '@/lib/db';
import { forecast } from '@/lib/forecast';
import { simulateCrm, T0 } from '../../../lib/forecast/test-support';
import { DAY_MS as DAY, periodContaining } from '@/lib/period';
import type { Reply, RequestInput, RequestType } from '@/lib/messaging';
import { createViewService } from '@/lib/views';
import { settingsFor } from '../../../lib/views/test-fixture';
import { listen } from '../router';
import { createHandlers, type HandlerDeps } from './index';

const { data } = simulateCrm({ seed: 11, reps: 4, days: 450, activities: true, stages: true });
const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const NOW = T0 + 420 * DAY + 15 * 3_600_000;
const month = { source: 'crm', view: 'personal', period: 'month' } as const;

/** A message as the browser delivers it to the background's own listener (router.ts: admit, then the handler). */
async function deliver(message: RequestInput, sender: object): Promise<Reply<RequestType>> {
  const [reply] = (await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined)) as Promise<Reply<RequestType>>[];
  return (await reply) as Reply<RequestType>;
}
const sidebar = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/sidebar.html') });

let db: KpiLensDb;
let counter = 0;

beforeEach(() => {
  fakeBrowser.reset();
  // The receiver reopens the database before every request; the views read the data given here.
  db = new KpiLensDb(`forecast-handler-${++counter}`, SCHEMA_VERSIONS);
  const views = createViewService({
    loadData: async () => data,
    loadSettings: async () => settingsFor('rep1'),
    now: () => NOW,
    browserZone: () => 'UTC',
    rewarmDelayMs: null,
  });
  listen(createHandlers({ db, views } as unknown as HandlerDeps));
});
afterEach(() => {
  db.close();
  fakeBrowser.reset();
});

describe('the forecast through the background receiver', () => {
  it("answers the signed-in rep's forecast with lib/forecast's numbers for the same data and instant", async () => {
    const reply = await deliver({ type: 'view/forecast', ...month }, sidebar());
    if (!reply.ok) throw new Error(reply.error);
    const shown = reply.value as {
      status: string;
      asOf: number;
      revenue: object;
      probabilityOfQuota: unknown;
      wonSoFar: object;
      topDeals: { dealId: string }[];
    };
    expect(shown.status).toBe('ok');
    expect(shown.asOf).toBe(NOW);
    const direct = forecast({
      data,
      period: periodContaining('month', NOW, CAL),
      asOf: NOW,
      scope: { ownerIds: ['rep1'] },
      calendar: CAL,
      currency: { reporting: 'USD', rates: {} },
    });
    if (direct.status !== 'ok') throw new Error('expected a forecast');
    expect(shown.revenue).toEqual(direct.revenue);
    expect(shown.wonSoFar).toEqual({ amount: direct.wonSoFar.amount, deals: direct.wonSoFar.deals });
    expect(shown.topDeals.map((d) => d.dealId)).toEqual(direct.topDeals.slice(0, shown.topDeals.length).map((d) => d.dealId));
    // Only rep1's deals: the background applied the privacy rule.
    expect(direct.topDeals.every((d) => d.ownerId === 'rep1')).toBe(true);

    const page = await deliver({ type: 'forecast/records', ...month, explain: 'wonSoFar', offset: 0, limit: 50 }, sidebar());
    if (!page.ok) throw new Error(page.error);
    expect((page.value as { total: number; rows: { id: string }[] }).rows.map((row) => row.id).sort()).toEqual([...direct.wonSoFar.dealIds].sort());
  });

  it("gives a lead the team's forecast with each rep's range and chance of their own quota, and each rep's deals", async () => {
    const monthStart = new Date(periodContaining('month', NOW, CAL).start).toISOString().slice(0, 10);
    const next = new Date(periodContaining('month', NOW, CAL).end).toISOString().slice(0, 10);
    const quota = (ownerId: string, minor: number) => ({
      source: 'sim',
      externalId: `q-${ownerId}`,
      updatedAt: T0,
      ownerId,
      periodKind: 'month' as const,
      startDate: monthStart,
      endDate: next,
      amount: { minor, currency: 'USD' },
    });
    const led = {
      ...data,
      teams: [{ source: 'sim', externalId: 'team', updatedAt: T0, name: 'North', leadId: 'rep0' }],
      quotas: [quota('rep1', 3_000_000), quota('rep2', 90_000_000)],
    };
    fakeBrowser.reset(); // only the lead's receiver answers
    listen(
      createHandlers({
        db,
        views: createViewService({
          loadData: async () => led,
          loadSettings: async () => settingsFor('rep0'),
          now: () => NOW,
          browserZone: () => 'UTC',
          rewarmDelayMs: null,
        }),
      } as unknown as HandlerDeps),
    );
    const team = { ...month, view: 'team' } as const;
    const reply = await deliver({ type: 'view/forecast', ...team }, sidebar());
    if (!reply.ok) throw new Error(reply.error);
    const shown = reply.value as {
      status: string;
      byOwner?: { ownerId: string; quota: number | null; probabilityOfQuota: number | null; openDeals: number; explain: { deals: number } }[];
    };
    expect(shown.status).toBe('ok');
    const byOwner = shown.byOwner ?? [];
    expect(byOwner.map((o) => o.ownerId)).toEqual(['rep0', 'rep1', 'rep2', 'rep3']);
    const rep1 = byOwner.find((o) => o.ownerId === 'rep1')!;
    const rep2 = byOwner.find((o) => o.ownerId === 'rep2')!;
    expect([rep1.quota, rep2.quota]).toEqual([3_000_000, 90_000_000]);
    // $30,000 is within reach more often than $900,000.
    expect(rep1.probabilityOfQuota).toBeGreaterThan(rep2.probabilityOfQuota as number);
    expect(byOwner.find((o) => o.ownerId === 'rep3')?.probabilityOfQuota).toBeNull(); // no quota of their own
    // The explain panel ships counts, not ids; the deals come page by page, the rep's own open deals.
    expect(rep1.explain.deals).toBe(rep1.openDeals);
    const page = await deliver({ type: 'forecast/records', ...team, explain: 'rep', rep: 'rep1', offset: 0, limit: 50 }, sidebar());
    if (!page.ok) throw new Error(page.error);
    const rows = (page.value as { total: number; rows: { id: string }[] }).rows;
    expect((page.value as { total: number }).total).toBe(rep1.openDeals);
    expect(rows.every((row) => led.deals.find((d) => d.externalId === row.id)?.ownerId === 'rep1')).toBe(true);
    // A rep's deals are asked for with the rep named, and only then.
    expect(await deliver({ type: 'forecast/records', ...team, explain: 'rep' } as RequestInput, sidebar())).toMatchObject({ ok: false });
    expect(await deliver({ type: 'forecast/records', ...team, explain: 'range', rep: 'rep1' } as RequestInput, sidebar())).toMatchObject({ ok: false });
  });

  it('gives the track record of six past months', async () => {
    const reply = await deliver({ type: 'view/forecast-track', ...month }, sidebar());
    if (!reply.ok) throw new Error(reply.error);
    const track = reply.value as { periods: unknown[]; forecast: number; inside: number };
    expect(track.periods).toHaveLength(6);
    expect(track.inside).toBeLessThanOrEqual(track.forecast);
  });

  it("refuses a CRM page's content script, a malformed request, and a peer's forecast for a rep who may not see it", async () => {
    const page = { id: browser.runtime.id, url: 'https://acme.pipedrive.com/deal/1', tab: { id: 3 } };
    expect(await deliver({ type: 'view/forecast', ...month }, page)).toEqual({ ok: false, error: 'refused: view/forecast is only for KPI Lens pages' });
    expect(await deliver({ type: 'forecast/records', ...month, explain: 'everything' } as unknown as RequestInput, sidebar())).toEqual({
      ok: false,
      error: 'refused: not a KPI Lens message',
    });
    const peer = await deliver({ type: 'view/forecast', ...month, ownerId: 'rep2' }, sidebar());
    expect(peer.ok).toBe(false);
  });
});
