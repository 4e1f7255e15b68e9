import { browser } from 'wxt/browser';
import type { StoreApi } from 'zustand/vanilla';
import type { KpiId } from '@/lib/kpi';
import { send } from '@/lib/messaging';
import { readUiState, uiStateKey, type SidebarUiState } from '@/lib/settings';
import { prefsKey, readPrefs, selectionFor, type SidebarPrefs } from '@/lib/views';
import { dismissDiscarded } from '../common/discarded';
import type { Queries } from '../common/query';
import { lastPinnedKey } from './pinned';
import type { Drill, Place, SidebarAnswers, SidebarData } from './store-wants';

/** storage.local key of the CRM source the rep last opened the sidebar on. */
export const LAST_SOURCE_KEY = 'sidebar-last-source';

/** What the rep does in the sidebar, as store actions (the store itself is store.ts). */
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
  /** The rep read that the browser discarded the database: the notice goes, in every page. */
  dismissDiscarded(): void;
};

export type SidebarState = SidebarData & { actions: SidebarStoreActions };

export const crmOf = (source: string | null) => (source ?? 'demo').split(':')[0]!;

/** Pins or unpins a KPI; the settings module (and its schema) loads only when the rep does this. */
function savePinned(pinnedKpis: KpiId[]) {
  void import('../../lib/settings/storage').then(({ saveSettings }) => saveSettings({ pinnedKpis }));
}

export type Inputs = Partial<Pick<SidebarData, 'source' | 'ui' | 'prefs'>>;

/**
 * `patch` with the selection it makes (the same object as before while it means the same). A new
 * view is a new panel on screen, whoever changed it: its catalogue starts closed, and its extras
 * wait for its own numbers to be painted.
 */
export function withSelection(state: SidebarData, patch: Inputs): Partial<SidebarData> {
  const { source, ui, prefs } = { ...state, ...patch };
  const selection = source && ui && prefs ? selectionFor(source, ui, prefs) : undefined;
  const same = selection && state.selection && lastPinnedKey(selection) === lastPinnedKey(state.selection);
  const newView = state.ui !== undefined && ui !== undefined && ui.view !== state.ui.view;
  const panel = newView ? { painted: { ...state.painted, main: false }, catalogueOpen: { ...state.catalogueOpen, main: false } } : {};
  return { ...patch, ...panel, selection: same ? state.selection : selection };
}

export function sidebarActions(store: StoreApi<SidebarState>, queries: Queries<SidebarAnswers>, setInputs: (patch: Inputs) => void): SidebarStoreActions {
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
      for (const name of ['drillPinned', 'drill.insights', 'drill.charts', 'drill.catalogue', 'drill.forecast', 'drill.track'] as const) queries.reset(name);
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
    dismissDiscarded() {
      set({ discarded: undefined });
      void dismissDiscarded();
    },
  };
}
