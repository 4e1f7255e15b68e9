import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionView } from '@/lib/connections';
import type { DiscardedNotice } from '@/lib/db';
import type { QuarantinePage } from '@/lib/export';
import type { SourceStatus } from '@/lib/messaging';
import type { OptionsOverview, Settings } from '@/lib/settings';
import { pageStoreContext, type PageStore } from '../common/page-store';
import { createQueries, followWants, idleAnswers, type Answers, type Wants } from '../common/query';
import { every, follow, stopAll } from '../common/signals';
import type { OptionsApi } from './api';
import type { ConnectionsApi } from './connections/api';

/** Connections move while they sync: asked again on every status signal, and this often. */
const CONNECTIONS_REFRESH_MS = 5_000;

/** The records that could not be read are listed this many at a time, asked of the background page by page. */
export const QUARANTINE_PAGE = 10;

type OptionsAnswers = { sources: SourceStatus[]; overview: OptionsOverview; connections: ConnectionView[]; quarantine: QuarantinePage };

export type OptionsState = {
  /** The settings as stored (migrated), followed live; undefined until read. */
  settings: Settings | undefined;
  /** What migration repaired in the stored settings. */
  problems: string[];
  /** The browser replaced KPI Lens's database by an empty one: when (lib/db/continuity.ts), until dismissed. */
  discarded: DiscardedNotice | undefined;
  /** The source the rep picked for targets and inputs; else the default (defaultSource). */
  chosen: string | undefined;
  /** Where the list of records that could not be read is: the cursors of the pages before, and of this one (undefined: the first). */
  quarantine: { before: (number | undefined)[]; after: number | undefined };
  answers: Answers<OptionsAnswers>;
  actions: {
    choose(source: string): void;
    /** The list of sources changed (demo data loaded, data imported or deleted). */
    refreshSources(): void;
    /** A connection was made, tested, synced or removed. */
    refreshConnections(): void;
    /** The next page of records that could not be read (after the last one shown), the previous, or the first. */
    quarantinePage(to: 'next' | 'previous' | 'first'): void;
    dismissDiscarded(): void;
  };
};

/** A connected CRM first, then imports, then the demo. */
function defaultSource(sources: readonly SourceStatus[] | undefined): string | undefined {
  if (!sources?.length) return undefined;
  return (sources.find((candidate) => candidate.crm !== 'demo') ?? sources[0])!.source;
}

/** The source the sections below the picker are about. */
export function sourceOf(state: OptionsState): string | undefined {
  const sources = state.answers.sources.value;
  return state.chosen !== undefined && sources?.some((candidate) => candidate.source === state.chosen) ? state.chosen : defaultSource(sources);
}

/** Calls `changed` when a known value changes to another (not for the first one: that was just asked for). */
function followChanges<S, T>(store: StoreApi<S>, select: (state: S) => T | undefined, changed: () => void): () => void {
  let last = select(store.getState());
  return store.subscribe((state) => {
    const value = select(state);
    if (value === undefined || Object.is(value, last)) return;
    if (last !== undefined) changed();
    last = value;
  });
}

/** How many records of all sources could not be read, as the sources' statuses count them. */
export function quarantinedCount(state: OptionsState): number | undefined {
  return state.answers.sources.value?.reduce((sum, source) => sum + source.quarantined, 0);
}

/** The overview of the shown source (never the one of a source shown before). */
export function overviewOf(state: OptionsState): OptionsOverview | undefined {
  const overview = state.answers.overview.value;
  return overview?.source === sourceOf(state) ? overview : undefined;
}

function optionsWants(api: OptionsApi, connections: ConnectionsApi): (state: OptionsState) => Wants<OptionsAnswers> {
  const sources = { key: 'sources', load: () => api.sources() };
  const list = { key: 'connections', load: () => connections.list() };
  return (state) => {
    const source = sourceOf(state);
    const after = state.quarantine.after;
    return {
      sources,
      connections: list,
      overview: source === undefined ? null : { key: source, load: () => api.overview(source) },
      quarantine: { key: `quarantine|${after ?? ''}`, load: () => api.quarantinePage(after, QUARANTINE_PAGE) },
    };
  };
}

/**
 * The options page's store: the settings, which source the targets and inputs are about, and
 * the background's answers (every source, the shown source's overview, the connections). `api`
 * and `connections` are the browser and the background, or fakes in tests.
 */
export function createOptionsStore(api: OptionsApi, connections: ConnectionsApi): PageStore<OptionsState> {
  const store = createStore<OptionsState>()((set) => ({
    settings: undefined,
    problems: [],
    discarded: undefined,
    chosen: undefined,
    quarantine: { before: [], after: undefined },
    answers: idleAnswers<OptionsAnswers>(['sources', 'overview', 'connections', 'quarantine']),
    actions: {
      choose: (chosen) => set({ chosen }),
      quarantinePage: (to) =>
        set((state) => {
          const { before, after } = state.quarantine;
          if (to === 'first') return { quarantine: { before: [], after: undefined } };
          if (to === 'previous') return before.length ? { quarantine: { before: before.slice(0, -1), after: before[before.length - 1] } } : {};
          const next = state.answers.quarantine.value?.next;
          return next === null || next === undefined ? {} : { quarantine: { before: [...before, after], after: next } };
        }),
      refreshSources: () => queries.refresh(['sources']),
      refreshConnections: () => queries.refresh(['connections']),
      dismissDiscarded: () => {
        set({ discarded: undefined });
        void api.dismissDiscarded();
      },
    },
  }));
  const queries = createQueries<OptionsAnswers, OptionsState>(store);
  const overview = () => queries.refresh(['overview']);
  const followSettings = () => {
    let live = true;
    void api.loadSettings().then((report) => live && store.setState({ settings: report.settings, problems: report.problems }));
    const stop = api.watchSettings((settings) => store.setState({ settings }));
    return () => {
      live = false;
      stop();
    };
  };
  const start = () =>
    stopAll([
      followWants(store, queries, optionsWants(api, connections)),
      followSettings(),
      api.watchDiscarded((discarded) => store.setState({ discarded })),
      // The overview counts what the settings leave out (rates, the reporting currency): asked again when they change.
      follow(store, (state) => state.settings, overview),
      follow(store, sourceOf, (source) => (source === undefined ? undefined : api.watchData(source, overview))),
      // New records that could not be read come with a change of some source's counts (a sync, an import, a delete).
      followChanges(store, quarantinedCount, () => queries.refresh(['quarantine'])),
      connections.watch(() => queries.refresh(['connections'])),
      every(CONNECTIONS_REFRESH_MS, () => queries.refresh(['connections'])),
    ]);
  return Object.assign(store, { start });
}

export const { Provider: OptionsStoreProvider, useSelect: useOptions } = pageStoreContext<OptionsState>('options');
