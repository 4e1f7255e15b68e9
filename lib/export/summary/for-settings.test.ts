import { describe, expect, it } from 'vitest';
import { DEMO_EXCHANGE_RATES, generateDemoData } from '../../demo';
import type { KpiData } from '../../kpi/types';
import { manualQuotaId } from '../../settings/manual-ids';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { summaryForSource } from './for-settings';

const ASOF = Date.UTC(2025, 5, 11, 10); // Wed 11 Jun 2025, Berlin
const demo = generateDemoData({ asOf: ASOF, seed: 7, timeZone: 'Europe/Berlin', scale: 0.25 });
const SOURCE = 'demo';
const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/Berlin', rates: { ...DEMO_EXCHANGE_RATES }, currentOwner: { [SOURCE]: demo.currentOwnerId } };

describe('summaryForSource: what the summary page shows', () => {
  it("is the signed-in rep's last full week, with the neighbouring weeks for the page's buttons", () => {
    const reply = summaryForSource(demo, settings, { source: SOURCE, view: 'personal' }, ASOF, 'UTC');
    expect(reply.summary?.sections.map((s) => s.key)).toEqual([demo.currentOwnerId]);
    expect(reply.summary?.timeZone).toBe('Europe/Berlin'); // the rep's zone setting, not the browser's
    expect(reply.weeks).toEqual({ current: '2025-W23', previous: '2025-W22', next: '2025-W24' }); // W24 (9–15 Jun) has started
    expect(reply).toMatchObject({ view: 'personal', teamAvailable: true });
  });

  it('offers no next week while the current one is shown', () => {
    const reply = summaryForSource(demo, settings, { source: SOURCE, view: 'personal', week: '2025-W24' }, ASOF, 'UTC');
    expect(reply.weeks).toEqual({ current: '2025-W24', previous: '2025-W23' });
  });

  it('follows the week start setting: Sunday weeks numbered the US way', () => {
    const sunday = { ...settings, weekStartsOn: 0 };
    const reply = summaryForSource(demo, sunday, { source: SOURCE, view: 'personal' }, ASOF, 'UTC');
    // Wed 11 Jun 2025: the last full Sunday week is Sun 1 – Sat 7 Jun; 1 Jan 2025 was a Wednesday, so W01 is 29 Dec – 4 Jan and 1 Jun starts W23.
    expect(reply.summary?.week).toMatchObject({ label: '2025-W23', firstDay: '2025-06-01', lastDay: '2025-06-07' });
  });

  it("gives the team view to a rep in a team, keeping peers' numbers private unless shared", () => {
    const team = summaryForSource(demo, settings, { source: SOURCE, view: 'team' }, ASOF, 'UTC');
    expect(team.view).toBe('team');
    expect(team.summary?.sections.map((s) => s.key)).toEqual([demo.currentOwnerId]);
    expect(team.summary?.hiddenPeers).toBeGreaterThan(0);
    const shared = summaryForSource(demo, { ...settings, showPeerNumbers: true }, { source: SOURCE, view: 'team' }, ASOF, 'UTC');
    expect(shared.summary?.sections[0]?.kind).toBe('team');
    const lead = summaryForSource(demo, { ...settings, currentOwner: { [SOURCE]: demo.teamLeadOwnerId } }, { source: SOURCE, view: 'team' }, ASOF, 'UTC');
    expect(lead.summary?.hiddenPeers).toBe(0);
  });

  it('without a known rep shows everyone as one total, and nothing for an empty source', () => {
    const unknown = summaryForSource(demo, { ...settings, currentOwner: {} }, { source: SOURCE, view: 'team' }, ASOF, 'UTC');
    expect(unknown).toMatchObject({ view: 'personal', teamAvailable: false });
    expect(unknown.summary?.sections.map((s) => s.kind)).toEqual(['all']);
    const empty = { ...demo, deals: [], activities: [] } as KpiData;
    expect(summaryForSource(empty, settings, { source: SOURCE, view: 'personal' }, ASOF, 'UTC').summary).toBeNull();
  });

  it("uses the rep's own quota from the options over the CRM's, as the sidebar does", () => {
    const june = { ownerId: demo.currentOwnerId, periodKind: 'month' as const, startDate: '2025-06-01', endDate: '2025-07-01' };
    const manual = { ...june, source: SOURCE, externalId: manualQuotaId(june), updatedAt: ASOF, amount: { minor: 3_000_000, currency: 'USD' } };
    const reply = summaryForSource({ ...demo, quotas: [...demo.quotas, manual] }, settings, { source: SOURCE, view: 'personal' }, ASOF, 'UTC');
    const quota = reply.summary!.sections[0]!.quota;
    // The manual June quota of $30,000 replaces the CRM's June quota; the week 2–8 June is 7 of its 30 days.
    expect(quota).toMatchObject({ status: 'ok', week: { quota: Math.round((3_000_000 * 7) / 30) }, month: { quota: 3_000_000 } });
  });

  it('gives a lead who sits in no team the team they lead', () => {
    const lead = demo.owners.find((o) => o.externalId === demo.teamLeadOwnerId)!;
    const data = { ...demo, owners: demo.owners.map((o) => (o === lead ? { ...o, teamId: undefined } : o)) };
    const reply = summaryForSource(data, { ...settings, currentOwner: { [SOURCE]: lead.externalId } }, { source: SOURCE, view: 'team' }, ASOF, 'UTC');
    const members = data.owners.filter((o) => o.teamId === lead.teamId).length + 1; // the reps, and the lead named by the team
    expect(reply.view).toBe('team');
    expect(reply.summary!.sections).toHaveLength(members + 1); // the total first
    expect(reply.summary!.sections.map((s) => s.key)).toContain(lead.externalId);
  });

  it('refuses a week that has not started', () => {
    expect(() => summaryForSource(demo, settings, { source: SOURCE, view: 'personal', week: '2025-W30' }, ASOF, 'UTC')).toThrow(/has not started yet/);
  });
});
