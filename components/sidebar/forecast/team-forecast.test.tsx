import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forecast, type ForecastResult } from '@/lib/forecast';
import type { Deal } from '@/lib/model';
import { simulateCrm, T0 } from '../../../lib/forecast/test-support';
import { DAY_MS as DAY, periodContaining } from '@/lib/period';
import { leanForecast, type ForecastResponse, type ForecastShown, type TrackResponse } from '@/lib/views';
import { makeI18n } from '../../common/i18n';
import type { PinnedAnswer } from '../pinned';
import { createSidebarStore } from '../store';
import { TeamPanel } from '../TeamPanel';
import { okResult } from '../test-results';
import { SidebarStoreProvider } from '../store-context';
import { renderPart, selection } from '../test-support';
import { ForecastCard } from './ForecastCard';
import { ForecastExplainPanel } from './ForecastExplainPanel';
import { RepForecasts } from './RepForecasts';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const { data } = simulateCrm({ seed: 7, reps: 4, days: 450, activities: true, stages: true });
const PERIOD = periodContaining('month', T0 + 420 * DAY, CAL);
const AS_OF = PERIOD.start + 15 * DAY - 1;
// A rookie with three closed deals in the trailing year: too few for a range worth showing.
const rookie: Deal[] = data.deals
  .filter((d) => d.ownerId === 'rep0' && d.status !== 'open' && (d.closedAt as number) <= AS_OF && (d.closedAt as number) >= AS_OF - 300 * DAY)
  .slice(0, 3)
  .map((d) => ({ ...d, externalId: `rookie-${d.externalId}`, ownerId: 'rookie' }));
const made = forecast({
  data: { ...data, deals: [...data.deals, ...rookie], owners: [...data.owners, { ...data.owners[0]!, externalId: 'rookie', name: 'Rookie' }] },
  period: PERIOD,
  asOf: AS_OF,
  scope: { ownerIds: 'all' },
  calendar: CAL,
  currency: { reporting: 'USD', rates: {} },
  quota: 160_000_00,
  byOwner: true,
  ownerQuotas: { rep0: 30_000_00, rep1: 60_000_00, rep2: 30_000_00 },
});
if (made.status !== 'ok') throw new Error('the simulated CRM should forecast');
const full: ForecastResult = made;
const shown = leanForecast(full) as ForecastShown;
const response: ForecastResponse = { ...shown, view: 'team', peersHidden: false };
const team = { ...selection, view: 'team' as const, period: 'month' as const };
const owner = (id: string) => full.byOwner!.find((o) => o.ownerId === id)!;
const track: TrackResponse = {
  currency: 'USD',
  periods: [],
  forecast: 6,
  inside: 4,
  coverage: 4 / 6,
  medianAbsError: 0,
  medianRelativeError: 0,
  explain: { ...shown.explain.range, deals: 0 },
};

describe("the team's forecast", () => {
  it("shows the team's range, its chance of the team's quota and the team's track record", () => {
    renderPart(<ForecastCard team forecast={response} track={track} selection={team} />);
    const card = screen.getByRole('region', { name: 'Team forecast' });
    expect((card.querySelector('[data-kpi="forecast.p50"]') as HTMLElement).dataset.value).toBe(String(full.revenue.p50));
    expect((card.querySelector('[data-kpi="forecast.probabilityOfQuota"]') as HTMLElement).dataset.value).toBe(String(full.probabilityOfQuota));
    expect(within(card).getByText(/of reaching \$160,000/)).toBeTruthy();
    expect(within(card).getByText('For the team, the last 6 months: inside the range 4 times of 6')).toBeTruthy();
  });

  it("lists each rep's most likely result and chance of their own quota, most likely first, the rookie last", () => {
    const { actions } = renderPart(<RepForecasts shown={shown} selection={team} />);
    const table = screen.getByRole('table', { name: 'Each rep’s most likely result and chance of their own quota' });
    const rows = within(table).getAllByRole('row').slice(1);
    const ids = rows.map((row) => row.dataset.owner);
    expect(ids.at(-1)).toBe('rookie');
    const ranked = ['rep0', 'rep1', 'rep2', 'rep3'].sort((a, b) => owner(b).revenue.p50 - owner(a).revenue.p50);
    expect(ids.slice(0, 4)).toEqual(ranked);
    const i18n = makeI18n('en', 'UTC');
    for (const id of ['rep0', 'rep1', 'rep2']) {
      const row = table.querySelector(`tr[data-owner="${id}"]`) as HTMLElement;
      const p50 = row.querySelector(`[data-kpi="forecast.rep.${id}.p50"]`) as HTMLElement;
      expect(p50.dataset.value).toBe(String(owner(id).revenue.p50));
      expect(p50.textContent).toBe(i18n.money(owner(id).revenue.p50, 'USD'));
      const chance = row.querySelector(`[data-kpi="forecast.rep.${id}.probabilityOfQuota"]`) as HTMLElement;
      expect(Number(chance.dataset.value)).toBe(owner(id).probabilityOfQuota);
      expect(chance.textContent).toBe(i18n.percent((owner(id).probabilityOfQuota as number) * 100, 0));
    }
    // rep3 has no quota of their own: said, not guessed.
    expect(within(table.querySelector('tr[data-owner="rep3"]') as HTMLElement).getByText('no quota')).toBeTruthy();
    const low = table.querySelector('tr[data-owner="rookie"]') as HTMLElement;
    expect(within(low).getByText('not enough history')).toBeTruthy();
    expect(low.querySelector('[data-kpi]')).toBeNull(); // no range shown on three deals
    expect(screen.getByText(/closed too few deals in the last year/)).toBeTruthy();

    fireEvent.click(table.querySelector('tr[data-owner="rep1"] [data-explain="rep"]') as HTMLElement);
    expect(actions.explainForecast).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'rep',
        rep: 'rep1',
        explain: expect.objectContaining({ title: { en: 'Forecast for Rep 1', ru: 'Прогноз: Rep 1' }, deals: owner('rep1').openDeals }),
      }),
    );
    fireEvent.click(within(low).getByRole('button'));
    expect(actions.explainForecast).toHaveBeenLastCalledWith(expect.objectContaining({ id: 'rep', rep: 'rookie' }));
  });

  it("explains a rep's range: its inputs with the closed deals it rests on, and the rep's open deals", async () => {
    const rookieShown = shown.byOwner!.find((o) => o.ownerId === 'rookie')!;
    const loadRecords = vi.fn(async () => ({ total: 0, listable: 0, offset: 0, rows: [] }));
    renderPart(
      <ForecastExplainPanel
        target={{ id: 'rep', rep: 'rookie', explain: rookieShown.explain, currency: 'USD', selection: team }}
        loadRecords={loadRecords}
        onClose={vi.fn()}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Forecast for Rookie' });
    const closed = dialog.querySelector('[data-input="closedDeals"]') as HTMLElement;
    expect(closed.textContent).toBe('Deals closed in the trailing year: 3 · few data');
    expect(within(dialog).getByText('Deals closed in the trailing year rests on 3 deals (fewer than 10).')).toBeTruthy();
    if (rookieShown.openDeals > 0) expect(loadRecords).toHaveBeenCalled();
  });

  it('speaks Russian', () => {
    renderPart(<RepForecasts shown={shown} selection={team} />, { locale: 'ru' });
    expect(screen.getByRole('region', { name: 'Прогноз по сотрудникам' })).toBeTruthy();
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Сотрудник', 'Скорее всего', 'Вероятность плана']);
    expect(screen.getByText('мало истории')).toBeTruthy();
    expect(screen.getByText('плана нет')).toBeTruthy();
  });
});

describe("a lead's team view with the background", () => {
  afterEach(() => fakeBrowser.reset());
  const period = { kind: 'month' as const, start: 0, end: 1, label: '2026-11' };
  const status = { source: selection.source, crm: 'crm', label: 'Acme CRM', records: 120, quarantined: 0, syncing: false };
  const none = { day: undefined, week: undefined, month: undefined };
  const pinned: PinnedAnswer = {
    pinned: {
      asOf: 0,
      timeZone: 'UTC',
      period,
      compare: null,
      activities: none,
      quota: okResult('quotaAttainment', 63.9, '%', { sales: 400_000, quota: 800_000 }),
      pipeline: okResult('pipelineValue', 400_000, 'USD'),
      dealsInPipeline: okResult('dealsInPipeline', 1, 'count'),
      others: [],
      results: {},
    },
    teamAvailable: true,
    peersHidden: false,
    canSeePeers: true,
    activityTargets: { call: none, email: none, meeting: none },
    reportingCurrency: 'USD',
    status,
    ownerName: 'Lea Lead',
    display: { locale: 'en', theme: 'auto', timeZone: 'UTC', pinnedKpis: ['quotaAttainment'] },
  };

  it("asks the background for the team view's forecast and shows it with each rep's", async () => {
    const asked: { type: string; view?: string }[] = [];
    const answers: Record<string, unknown> = {
      'view/pinned': pinned,
      'view/team': {
        metric: 'wonAmount',
        unit: 'USD',
        reps: 1,
        viewerRank: 1,
        period,
        asOf: 0,
        peersHidden: false,
        teamName: 'North',
        rows: [{ ownerId: 'rep0', name: 'Rep 0', rank: 1, value: 1, figures: {}, isViewer: true }],
        total: 1,
        median: 1,
        heatMap: { unit: 'day', buckets: [], rows: [] },
      },
      'view/forecast': response,
      'view/forecast-track': track,
      'status/get': { sources: [status] },
    };
    fakeBrowser.runtime.onMessage.addListener((message: { type: string; view?: string }, _sender, reply) => {
      asked.push(message);
      if (message.type in answers) reply({ ok: true, value: answers[message.type] });
      else reply({ ok: false, error: 'not in this test' });
      return true;
    });
    await fakeBrowser.storage.local.set({ 'ui:crm': { view: 'team' } });
    const store = createSidebarStore({ source: selection.source, surface: 'frame' });
    renderPart(
      <SidebarStoreProvider store={store}>
        <TeamPanel />
      </SidebarStoreProvider>,
    );
    const card = await screen.findByRole('region', { name: 'Team forecast' });
    await screen.findByRole('region', { name: 'Forecast by rep' });
    await within(card).findByText('For the team, the last 6 months: inside the range 4 times of 6');
    expect(asked.filter((m) => m.type === 'view/forecast').map((m) => m.view)).toEqual(['team']);
    expect(asked.filter((m) => m.type === 'view/forecast-track').map((m) => m.view)).toEqual(['team']);
  });
});
