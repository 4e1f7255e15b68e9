import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DATABASE_DISCARDED_KEY } from '@/lib/db';
import type { ViewSelection } from '@/lib/views';
import { IDLE, idleAnswers, type Query } from '../common/query';
import type { PinnedAnswer } from './pinned';
import { createSidebarStore } from './store';
import { SIDEBAR_QUERIES, sidebarWants, type SidebarAnswers, type SidebarData } from './store-wants';

const SOURCE = 'pipedrive:acme';
const selection: ViewSelection = { source: SOURCE, view: 'personal', period: 'month', compare: 'previous' };
const status = (records: number, syncing = false) => ({ source: SOURCE, crm: 'pipedrive', label: 'Pipedrive', records, quarantined: 0, syncing });

/** A pinned answer; `pinned: null` is what the background sends before there is anything to show. */
function pinned(options: { peersHidden?: boolean; canSeePeers?: boolean; numbers?: boolean; records?: number; label?: string } = {}): PinnedAnswer {
  const numbers = options.numbers ?? true;
  return {
    pinned: numbers ? ({ asOf: 0, label: options.label ?? 'month' } as unknown as PinnedAnswer['pinned']) : null,
    teamAvailable: true,
    peersHidden: options.peersHidden ?? false,
    canSeePeers: options.canSeePeers ?? true,
    activityTargets: {} as PinnedAnswer['activityTargets'],
    reportingCurrency: 'USD',
    status: status(options.records ?? 10),
    display: { locale: 'en', theme: 'auto', timeZone: 'UTC', pinnedKpis: [] },
  };
}

const answered = <V,>(value: V): Query<V> => ({ ...IDLE, value, key: 'answered' });

function state(patch: Partial<SidebarData> = {}, answers: Partial<{ [K in keyof SidebarAnswers]: Query<SidebarAnswers[K]> }> = {}): SidebarData {
  return {
    surface: 'frame',
    source: SOURCE,
    ui: { open: true, width: 360, view: selection.view, period: selection.period },
    prefs: { compare: 'previous', metric: 'wonAmount' },
    selection,
    painted: { main: false, drill: false },
    catalogueOpen: { main: false, drill: false },
    drill: undefined,
    problem: undefined,
    discarded: undefined,
    ...patch,
    answers: { ...idleAnswers<SidebarAnswers>(SIDEBAR_QUERIES), ...answers },
  };
}

/** The names of the queries a state wants asked, with the message type of each. */
function asked(data: SidebarData): Record<string, string> {
  const wants = sidebarWants(data);
  return Object.fromEntries(
    Object.entries(wants)
      .filter(([, want]) => want !== null)
      .map(([name, want]) => {
        const key = want!.key;
        return [
          name,
          key.startsWith('{')
            ? (JSON.parse(key) as { type: string; view?: string }).type + (JSON.parse(key).view ? ` ${JSON.parse(key).view}` : '')
            : key.split(':')[0]!,
        ];
      }),
  );
}

describe('what the sidebar asks for, from its state', () => {
  it('asks nothing before it knows its selection, then the pinned numbers first', () => {
    expect(asked(state({ selection: undefined }))).toEqual({});
    expect(asked(state())).toEqual({ pinned: 'last-pinned' });
  });

  it('asks the status once numbers are in, and the rest of a personal view only once they are painted', () => {
    const withNumbers = { pinned: answered(pinned()) };
    expect(asked(state({}, withNumbers))).toEqual({ pinned: 'last-pinned', sources: 'status/get' });
    expect(asked(state({ painted: { main: true, drill: false } }, withNumbers))).toEqual({
      pinned: 'last-pinned',
      sources: 'status/get',
      'main.forecast': 'view/forecast personal',
      'main.insights': 'view/insights personal',
      'main.charts': 'view/charts personal',
    });
    // The forecast's track record (six past periods forecast again) only once the forecast itself is shown.
    const forecast = answered({
      status: 'needs-data' as const,
      period: { start: 0, end: 1, label: 'M' },
      asOf: 0,
      missing: ['history' as const],
      notes: [],
      view: 'personal' as const,
      peersHidden: false,
    });
    expect(asked(state({ painted: { main: true, drill: false } }, { ...withNumbers, 'main.forecast': forecast }))).toMatchObject({
      'main.track': 'view/forecast-track personal',
    });
    // Not while a sync writes data version after data version: once it is done.
    const syncing = asked(
      state({ painted: { main: true, drill: false } }, { ...withNumbers, 'main.forecast': forecast, sources: answered([status(10, true)]) }),
    );
    expect(syncing).toMatchObject({ 'main.forecast': 'view/forecast personal' });
    expect(syncing).not.toHaveProperty('main.track');
    expect(asked(state({ catalogueOpen: { main: true, drill: false } }, withNumbers))).toMatchObject({ 'main.catalogue': 'view/catalogue personal' });
  });

  it('asks nothing more for a source without data (the demo offer is shown), unless it is syncing', () => {
    const painted = { painted: { main: true, drill: false } };
    expect(asked(state(painted, { pinned: answered(pinned({ records: 0 })) }))).toEqual({ pinned: 'last-pinned', sources: 'status/get' });
    expect(asked(state(painted, { pinned: answered(pinned({ records: 0 })), sources: answered([status(0, true)]) }))).toMatchObject({
      'main.charts': 'view/charts personal',
    });
  });

  it("gives a rep without the lead's permission the board and their own charts, nothing else of the team", () => {
    const team = state(
      { selection: { ...selection, view: 'team' }, painted: { main: true, drill: false } },
      { pinned: answered(pinned({ peersHidden: true, canSeePeers: false })) },
    );
    expect(asked(team)).toEqual({ pinned: 'last-pinned', sources: 'status/get', board: 'view/team team', 'main.charts': 'view/charts personal' });
  });

  it("gives a lead the board and the team's charts, and a drill-down its own numbers, then its extras once painted", () => {
    const lead = { pinned: answered(pinned()) };
    const teamSelection = { ...selection, view: 'team' as const };
    expect(asked(state({ selection: teamSelection, painted: { main: true, drill: false } }, lead))).toEqual({
      pinned: 'last-pinned',
      sources: 'status/get',
      board: 'view/team team',
      teamCharts: 'view/charts team',
      teamForecast: 'view/forecast team',
    });
    // The team's track record once its forecast is in, as the rep's; the comparison never changes a forecast.
    const forecastIn = state(
      { selection: { ...teamSelection, compare: 'previous' }, painted: { main: true, drill: false } },
      {
        ...lead,
        teamForecast: answered({
          status: 'needs-data' as const,
          period: { start: 0, end: 1, label: 'M' },
          asOf: 0,
          missing: ['history' as const],
          notes: [],
          view: 'team' as const,
          peersHidden: false,
        }),
      },
    );
    expect(asked(forecastIn)).toMatchObject({ teamForecast: 'view/forecast team', teamTrack: 'view/forecast-track team' });
    expect(asked({ ...forecastIn, answers: { ...forecastIn.answers, sources: answered([status(10, true)]) } })).not.toHaveProperty('teamTrack');
    expect(JSON.parse(sidebarWants(forecastIn).teamForecast!.key)).not.toHaveProperty('compare');
    const drilled = state({ selection: teamSelection, painted: { main: true, drill: false }, drill: { ownerId: 'ann', name: 'Ann' } }, lead);
    expect(asked(drilled)).toMatchObject({ drillPinned: 'last-pinned' });
    expect(asked(drilled)).not.toHaveProperty('teamForecast'); // the drill-down replaces the team's cards
    expect(sidebarWants(drilled).drillPinned?.key).toContain('"ann"');
    expect(asked(drilled)).not.toHaveProperty('drill.charts');
    const drillPainted = state({ ...drilled, painted: { main: true, drill: true } }, { ...lead, drillPinned: answered(pinned()) });
    expect(asked(drillPainted)).toMatchObject({ 'drill.insights': 'view/insights personal', 'drill.charts': 'view/charts personal' });
    expect(JSON.parse(sidebarWants(drillPainted)['drill.charts']!.key)).toMatchObject({ ownerId: 'ann', view: 'personal' });
  });
});

/** A background whose answers the test gives, in any order. */
function background() {
  const pending: { message: { type: string; period?: string }; reply: (value: unknown) => void }[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: { type: string }, _sender, reply) => {
    pending.push({ message, reply: (value) => reply({ ok: true, value }) });
    return true;
  });
  const of = (type: string) => pending.filter((entry) => entry.message.type === type);
  return { pending, of };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await settle();
  expect(check()).toBe(true);
};

describe('the sidebar store with the background', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => fakeBrowser.reset());

  it("asks for the CRM's saved period, and a late answer for a period left never replaces the new one", async () => {
    await fakeBrowser.storage.local.set({ 'ui:pipedrive': { view: 'personal', period: 'quarter' } });
    const bg = background();
    const store = createSidebarStore({ source: SOURCE, surface: 'frame' });
    const stop = store.start();
    await until(() => bg.of('view/pinned').length === 1);
    expect(bg.of('view/pinned')[0]!.message).toMatchObject({ source: SOURCE, view: 'personal', period: 'quarter' });

    store.getState().actions.setUi({ period: 'month' });
    expect((await fakeBrowser.storage.local.get('ui:pipedrive'))['ui:pipedrive']).toMatchObject({ period: 'month' });
    await until(() => bg.of('view/pinned').length === 2);
    bg.of('view/pinned')[1]!.reply(pinned({ label: 'month' }));
    await until(() => store.getState().answers.pinned.value !== undefined);
    bg.of('view/pinned')[0]!.reply(pinned({ label: 'quarter' }));
    await settle();
    expect(store.getState().answers.pinned.value?.pinned).toMatchObject({ label: 'month' });
    expect(store.getState().answers.pinned.loading).toBe(false);
    stop();
  });

  it('asks again when the background signals new data or a status move, each for what it changed', async () => {
    const bg = background();
    const store = createSidebarStore({ source: SOURCE, surface: 'frame' });
    const stop = store.start();
    await until(() => bg.of('view/pinned').length === 1);
    bg.of('view/pinned')[0]!.reply(pinned());
    await until(() => bg.of('status/get').length === 1);
    bg.of('status/get')[0]!.reply({ sources: [status(10)] });

    await fakeBrowser.storage.session.set({ 'status-version:pipedrive:acme': 1 });
    await until(() => bg.of('status/get').length === 2);
    expect(bg.of('view/pinned')).toHaveLength(1);

    await fakeBrowser.storage.session.set({ 'data-version:pipedrive:acme': 2 });
    await until(() => bg.of('view/pinned').length === 2);
    // The numbers on screen stay until the new ones come.
    expect(store.getState().answers.pinned).toMatchObject({ loading: true, value: pinned() });
    // Another source's signal is not ours.
    await fakeBrowser.storage.session.set({ 'data-version:hubspot:other': 3 });
    await settle();
    expect(bg.of('view/pinned')).toHaveLength(2);
    stop();
    await fakeBrowser.storage.session.set({ 'data-version:pipedrive:acme': 4 });
    await settle();
    expect(bg.of('view/pinned')).toHaveLength(2);
  });

  it('shows the notice that the browser discarded the database, follows it, and dismisses it for every page', async () => {
    await fakeBrowser.storage.local.set({ [DATABASE_DISCARDED_KEY]: { at: 1_700_000_000_000 } });
    background();
    const store = createSidebarStore({ source: SOURCE, surface: 'frame' });
    const stop = store.start();
    await until(() => store.getState().discarded !== undefined);
    expect(store.getState().discarded).toEqual({ at: 1_700_000_000_000 });
    // Another page dismissed it.
    await fakeBrowser.storage.local.remove(DATABASE_DISCARDED_KEY);
    await until(() => store.getState().discarded === undefined);
    // A new loss is reported while the sidebar is open; anything not a notice is ignored.
    await fakeBrowser.storage.local.set({ [DATABASE_DISCARDED_KEY]: { at: 'soon' } });
    await settle();
    expect(store.getState().discarded).toBeUndefined();
    await fakeBrowser.storage.local.set({ [DATABASE_DISCARDED_KEY]: { at: 1_800_000_000_000 } });
    await until(() => store.getState().discarded?.at === 1_800_000_000_000);
    store.getState().actions.dismissDiscarded();
    expect(store.getState().discarded).toBeUndefined();
    expect((await fakeBrowser.storage.local.get(DATABASE_DISCARDED_KEY))[DATABASE_DISCARDED_KEY]).toBeUndefined();
    stop();
  });

  it('follows a view changed elsewhere (another frame of the same CRM), and a new view waits for its own paint', async () => {
    const bg = background();
    const store = createSidebarStore({ source: SOURCE, surface: 'frame' });
    const stop = store.start();
    await until(() => bg.of('view/pinned').length === 1);
    store.getState().actions.markPainted('main');
    store.getState().actions.openCatalogue('main', true);
    await fakeBrowser.storage.local.set({ 'ui:pipedrive': { view: 'team', period: 'month' } });
    await until(() => store.getState().selection?.view === 'team');
    expect(bg.of('view/pinned').at(-1)!.message).toMatchObject({ view: 'team' });
    expect(store.getState()).toMatchObject({ painted: { main: false }, catalogueOpen: { main: false } });
    // The period alone is the same panel: it stays painted.
    store.getState().actions.markPainted('main');
    store.getState().actions.setUi({ period: 'quarter' });
    expect(store.getState()).toMatchObject({ painted: { main: true }, selection: { view: 'team', period: 'quarter' } });
    stop();
  });

  it('in the side panel without a source, shows the first source the background lists, and says why demo data failed to load', async () => {
    const bg = background();
    const store = createSidebarStore({ source: null, surface: 'panel' });
    const stop = store.start();
    await until(() => bg.of('status/get').length === 1);
    bg.of('status/get')[0]!.reply({ sources: [status(10)] });
    await until(() => store.getState().source === SOURCE);
    fakeBrowser.runtime.onMessage.removeAllListeners();
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, reply) => {
      reply({ ok: false, error: 'refused: demo/load is only for KPI Lens pages' });
      return true;
    });
    store.getState().actions.exploreDemo();
    await until(() => store.getState().problem !== undefined);
    expect(store.getState().problem).toBe('refused: demo/load is only for KPI Lens pages');
    expect(store.getState().source).toBe(SOURCE);
    stop();
  });
});
