import { browser } from 'wxt/browser';
import { createStore } from 'zustand/vanilla';
import { dataVersionKey } from '@/lib/messaging';
import { readUiState, uiStateKey } from '@/lib/settings';
import { prefsKey, readPrefs } from '@/lib/views';
import type { PageStore } from '../common/page-store';
import { createQueries, followWants, idleAnswers } from '../common/query';
import { followDiscarded } from '../common/discarded';
import { every, follow, onStorageChange, stopAll } from '../common/signals';
import { onStatusChange, SOURCES } from '../common/status';
import { crmOf, LAST_SOURCE_KEY, sidebarActions, withSelection, type Inputs, type SidebarState, type SidebarStoreActions } from './store-actions';
import { NUMBER_QUERIES, SIDEBAR_QUERIES, sidebarWants, type SidebarAnswers } from './store-wants';

export type { SidebarState } from './store-actions';

/** Numbers roll over (today, pace) even when no data changes. */
const REFRESH_MS = 60_000;
/** The side panel's source picker also looks for new sources this often. */
const PICKER_REFRESH_MS = 30_000;

export type SidebarStore = PageStore<SidebarState>;

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
    discarded: undefined,
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
    const stop = onStorageChange(
      'local',
      (key) => key === keys.ui || key === keys.prefs,
      (changes) => {
        if (keys.ui in changes) setInputs({ ui: readUiState(changes[keys.ui]!.newValue) });
        if (keys.prefs in changes) setInputs({ prefs: readPrefs(changes[keys.prefs]!.newValue) });
      },
    );
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
      const first = await SOURCES.load().then(
        (sources) => sources[0]?.source,
        () => undefined,
      );
      if (live) setInputs({ source: first ?? 'demo' });
    })();
    return () => {
      live = false;
    };
  };

  const start = () =>
    stopAll([
      followDiscarded((discarded) => store.setState({ discarded })),
      followWants(store, queries, sidebarWants),
      follow(store, (state) => crmOf(state.source), followCrm),
      follow(store, (state) => state.source, followSource),
      chooseSource(),
    ]);
  return Object.assign(store, { start });
}
