import { browser } from 'wxt/browser';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KpiId } from '../../lib/kpi/types';
import { send } from '../../lib/messaging/send';
import { readUiState, uiStateKey, type SidebarUiState } from '../../lib/settings/ui-state';
import { prefsKey, readPrefs, type SidebarPrefs } from '../../lib/views/prefs';
import type { PageStore } from '../common/page-store';
import { createQueries, followWants, idleAnswers, type Queries } from '../common/query';
import { every, follow, onStorageChange, stopAll } from '../common/signals';
import { onStatusChange, SOURCES } from '../common/status';
import { selectionFor } from './boot';
import { dataVersionKey } from '../../lib/messaging/keys';
import { lastPinnedKey } from './pinned';
import { NUMBER_QUERIES, SIDEBAR_QUERIES, sidebarWants, type Drill, type Place, type SidebarAnswers, type SidebarData } from './store-wants';

/** Numbers roll over (today, pace) even when no data changes. */
export const REFRESH_MS = 60_000;
/** The side panel's source picker also looks for new sources this often. */
const PICKER_REFRESH_MS = 30_000;
/** storage.local key of the CRM source the rep last opened the sidebar on. */
export const LAST_SOURCE_KEY = 'sidebar-last-source';

export type SidebarStoreActions = {
  /** The side panel's choice of source (remembered for the next time it opens). */
  pickSource(source: string): void;
  /** The view, period, open state or width; saved per CRM, where the content script follows it. */
  setUi(patch: Partial<SidebarUiState>): void;
  /** The comparison, custom range and leaderboard ranking; saved per CRM. */
  setPrefs(patch: Partial<SidebarPrefs>): void;
  togglePin(id: KpiId): void;
  openCatalogue(place: Place, open: boolean): void;
  /** A team lead opens one rep's numbers from the leaderboard, or goes back (undefined). */
  openDrill(drill: Drill | undefined): void;
  markPainted(place: Place): void;
  exploreDemo(): void;
  syncNow(): void;
};

export type SidebarState = SidebarData & { actions: SidebarStoreActions };
export type SidebarStore = PageStore<SidebarState>;

const crmOf = (source: string | null) => (source ?? 'demo').split(':')[0]!;

/** Pins or unpins a KPI; the settings module (and its schema) loads only when the rep does this. */
function savePinned(pinnedKpis: KpiId[]) {
  void import('../../lib/settings/storage').then(({ saveSettings }) => saveSettings({ pinnedKpis }));
}

type Inputs = Partial<Pick<SidebarData, 'source' | 'ui' | 'prefs'>>;

/**
 * `patch` with the selection it makes (the same object as before while it means the same). A new
 * view is a new panel on screen, whoever changed it: its catalogue starts closed, and its extras
 * wait for its own numbers to be painted.
 */
function withSelection(state: SidebarData, patch: Inputs): Partial<SidebarData> {
  const { source, ui, prefs } = { ...state, ...patch };
  const selection = source && ui && prefs ? selectionFor(source, ui, prefs) : undefined;
  const same = selection && state.selection && lastPinnedKey(selection) === lastPinnedKey(state.selection);
  const newView = state.ui !== undefined && ui !== undefined && ui.view !== state.ui.view;
  const panel = newView ? { painted: { ...state.painted, main: false }, catalogueOpen: { ...state.catalogueOpen, main: false } } : {};
  return { ...patch, ...panel, selection: same ? state.selection : selection };
}

function sidebarActions(store: StoreApi<SidebarState>, queries: Queries<SidebarAnswers>, setInputs: (patch: Inputs) => void): SidebarStoreActions {
  const { getState: get, setState: set } = store;
  const fail = (failure: unknown) => set({ problem: failure instanceof Error ? failure.message : String(failure) });
  return {
    pickSource(next) {
      setInputs({ source: next });
      void browser.storage.local.set({ [LAST_SOURCE_KEY]: next });
    },
    setUi(patch) {
      const { ui, source } = get();
      const next = { ...(ui ?? readUiState(undefined)), ...patch };
      setInputs({ ui: next });
      void browser.storage.local.set({ [uiStateKey(crmOf(source))]: next });
    },
    setPrefs(patch) {
      const { prefs, source } = get();
      const next = readPrefs({ ...(prefs ?? readPrefs(undefined)), ...patch });
      setInputs({ prefs: next });
      void browser.storage.local.set({ [prefsKey(crmOf(source))]: next });
    },
    togglePin(id) {
      const pinned = get().answers.pinned.value?.display.pinnedKpis;
      if (pinned) savePinned(pinned.includes(id) ? pinned.filter((other) => other !== id) : [...pinned, id]);
    },
    openCatalogue: (place, open) => set((state) => ({ catalogueOpen: { ...state.catalogueOpen, [place]: open } })),
    openDrill(drill) {
      for (const name of ['drillPinned', 'drill.insights', 'drill.charts', 'drill.catalogue'] as const) queries.reset(name);
      set((state) => ({ drill, painted: { ...state.painted, drill: false }, catalogueOpen: { ...state.catalogueOpen, drill: false } }));
    },
    markPainted: (place) => set((state) => (state.painted[place] ? state : { painted: { ...state.painted, [place]: true } })),
    exploreDemo() {
      set({ problem: undefined });
      send({ type: 'demo/load' }).then(() => setInputs({ source: 'demo' }), fail);
    },
    syncNow() {
      const { source } = get();
      set({ problem: undefined });
      if (source) send({ type: 'sync/start', source }).catch(fail);
    },
  };
}

/**
 * The sidebar app's store (in the CRM tab's frame and in the side panel): the source, the CRM's
 * view and period and the prefs (kept in storage.local, followed when the content script or
 * another page changes them), what is open, and every answer of the background. What is asked
 * follows from the state (store-wants.ts); the background's storage signals ask again.
 */
export function createSidebarStore({ source, surface }: { source: string | null; surface: 'frame' | 'panel' }): SidebarStore {
  const store = createStore<SidebarState>()(() => ({
    surface,
    source,
    ui: undefined,
    prefs: undefined,
    selection: undefined,
    painted: { main: false, drill: false },
    catalogueOpen: { main: false, drill: false },
    drill: undefined,
    problem: undefined,
    answers: idleAnswers<SidebarAnswers>(SIDEBAR_QUERIES),
    actions: undefined as unknown as SidebarStoreActions,
  }));
  const queries = createQueries<SidebarAnswers, SidebarState>(store);
  const setInputs = (patch: Inputs) => store.setState((state) => withSelection(state, patch));
  store.setState({ actions: sidebarActions(store, queries, setInputs) });

  /** The CRM's view and period and the prefs: read once, then followed. */
  const followCrm = (crm: string) => {
    const keys = { ui: uiStateKey(crm), prefs: prefsKey(crm) };
    let live = true;
    void browser.storage.local.get([keys.ui, keys.prefs]).then((stored) => {
      if (live) setInputs({ ui: readUiState(stored[keys.ui]), prefs: readPrefs(stored[keys.prefs]) });
    });
    const stop = onStorageChange('local', (key) => key === keys.ui || key === keys.prefs, (changes) => {
      if (keys.ui in changes) setInputs({ ui: readUiState(changes[keys.ui]!.newValue) });
      if (keys.prefs in changes) setInputs({ prefs: readPrefs(changes[keys.prefs]!.newValue) });
    });
    return () => {
      live = false;
      stop();
    };
  };

  /** The background's signals for the shown source: new data (and the settings, and the clock) ask for the numbers again; a status move asks for the status. */
  const followSource = (shown: string | null) => {
    if (!shown) return;
    const numbers = () => queries.refresh(NUMBER_QUERIES);
    const status = () => queries.refresh(['sources']);
    return stopAll([
      onStorageChange('session', (key) => key === dataVersionKey(shown), numbers),
      onStorageChange('local', (key) => key === 'settings', numbers),
      every(REFRESH_MS, numbers),
      onStatusChange(shown, status),
      ...(surface === 'panel' ? [every(PICKER_REFRESH_MS, status)] : []),
    ]);
  };

  /**
   * Which source to show. In a CRM tab's frame: that CRM's (and it is remembered). In the side
   * panel: the one in the URL, else the CRM the rep last opened, else the first connected source,
   * else the demo data.
   */
  const chooseSource = () => {
    if (source) {
      if (surface === 'frame') void browser.storage.local.set({ [LAST_SOURCE_KEY]: source });
      return () => undefined;
    }
    let live = true;
    void (async () => {
      const stored = (await browser.storage.local.get(LAST_SOURCE_KEY))[LAST_SOURCE_KEY];
      if (typeof stored === 'string' && stored) return live && setInputs({ source: stored });
      const first = await SOURCES.load().then((sources) => sources[0]?.source, () => undefined);
      if (live) setInputs({ source: first ?? 'demo' });
    })();
    return () => {
      live = false;
    };
  };

  const start = () =>
    stopAll([
      followWants(store, queries, sidebarWants),
      follow(store, (state) => crmOf(state.source), followCrm),
      follow(store, (state) => state.source, followSource),
      chooseSource(),
    ]);
  return Object.assign(store, { start });
}
