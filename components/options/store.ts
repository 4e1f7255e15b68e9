import { createStore } from 'zustand/vanilla';
import type { ConnectionView } from '@/lib/connections';
import type { SourceStatus } from '@/lib/messaging';
import type { OptionsOverview, Settings } from '@/lib/settings';
import { pageStoreContext, type PageStore } from '../common/page-store';
import { createQueries, followWants, idleAnswers, type Answers, type Wants } from '../common/query';
import { every, follow, stopAll } from '../common/signals';
import type { OptionsApi } from './api';
import type { ConnectionsApi } from './connections/api';

/** Connections move while they sync: asked again on every status signal, and this often. */
const CONNECTIONS_REFRESH_MS = 5_000;

type OptionsAnswers = { sources: SourceStatus[]; overview: OptionsOverview; connections: ConnectionView[] };

export type OptionsState = {
  /** The settings as stored (migrated), followed live; undefined until read. */
  settings: Settings | undefined;
  /** What migration repaired in the stored settings. */
  problems: string[];
  /** The source the rep picked for targets and inputs; else the default (defaultSource). */
  chosen: string | undefined;
  answers: Answers<OptionsAnswers>;
  actions: {
    choose(source: string): void;
    /** The list of sources changed (demo data loaded, data imported or deleted). */
    refreshSources(): void;
    /** A connection was made, tested, synced or removed. */
    refreshConnections(): void;
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
    return { sources, connections: list, overview: source === undefined ? null : { key: source, load: () => api.overview(source) } };
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
    chosen: undefined,
    answers: idleAnswers<OptionsAnswers>(['sources', 'overview', 'connections']),
    actions: {
      choose: (chosen) => set({ chosen }),
      refreshSources: () => queries.refresh(['sources']),
      refreshConnections: () => queries.refresh(['connections']),
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
      // The overview counts what the settings leave out (rates, the reporting currency): asked again when they change.
      follow(store, (state) => state.settings, overview),
      follow(store, sourceOf, (source) => (source === undefined ? undefined : api.watchData(source, overview))),
      connections.watch(() => queries.refresh(['connections'])),
      every(CONNECTIONS_REFRESH_MS, () => queries.refresh(['connections'])),
    ]);
  return Object.assign(store, { start });
}

export const { Provider: OptionsStoreProvider, useSelect: useOptions } = pageStoreContext<OptionsState>('options');
