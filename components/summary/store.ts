import { createStore } from 'zustand/vanilla';
import type { SummaryReply } from '@/lib/export';
import { dataVersionKey, type SourceStatus } from '@/lib/messaging';
import { pageStoreContext, type PageStore } from '../common/page-store';
import { ask, createQueries, followWants, idleAnswers, type Answers, type Wants } from '../common/query';
import { follow, onStorageChange, stopAll } from '../common/signals';
import { SOURCES } from '../common/status';

export type SummaryView = 'personal' | 'team';
type SummaryAnswers = { sources: SourceStatus[]; summary: SummaryReply };

export type SummaryState = {
  /** The source the rep picked (or the address named); else the most recently synced one. */
  chosen: string | undefined;
  view: SummaryView;
  /** A week such as 2017-W23; the last full week when undefined. */
  week: string | undefined;
  /** What the last copy said (copied, or why not). */
  notice: { text: string; problem: boolean } | undefined;
  answers: Answers<SummaryAnswers>;
  actions: {
    choose(source: string): void;
    setView(view: SummaryView): void;
    setWeek(week: string): void;
    setNotice(notice: SummaryState['notice']): void;
  };
};

/** Sources that hold records, the most recently synced first (the page's default is the first). */
export function rankSources(sources: readonly SourceStatus[]): SourceStatus[] {
  return sources.filter((source) => source.records > 0).sort((a, b) => (b.lastSyncAt ?? 0) - (a.lastSyncAt ?? 0) || (a.source < b.source ? -1 : 1));
}

const NO_SOURCES: SourceStatus[] = [];

/** The ranked sources; none when the background could not say. Undefined until it answered. */
export function sourcesOf(state: SummaryState): SourceStatus[] | undefined {
  const { value, error } = state.answers.sources;
  return value ?? (error === undefined ? undefined : NO_SOURCES);
}

export function sourceOf(state: SummaryState): string | undefined {
  return state.chosen ?? sourcesOf(state)?.[0]?.source;
}

/** The sources once (the default must not move while the rep reads), and the summary of the source, view and week. */
export function summaryWants(state: SummaryState): Wants<SummaryAnswers> {
  const source = sourceOf(state);
  const { view, week } = state;
  return {
    sources: { key: SOURCES.key, load: async () => rankSources(await SOURCES.load()) },
    summary: source ? ask({ type: 'summary/build', source, view, ...(week ? { week } : {}) }) : null,
  };
}

/**
 * summary.html's store: which summary (from the address, then the rep's choices) and the
 * background's answers; the summary is built again when the source's data or the settings change.
 */
export function createSummaryStore(params: URLSearchParams): PageStore<SummaryState> {
  const store = createStore<SummaryState>()((set) => ({
    chosen: params.get('source') ?? undefined,
    view: params.get('view') === 'team' ? 'team' : 'personal',
    week: params.get('week') ?? undefined,
    notice: undefined,
    answers: idleAnswers<SummaryAnswers>(['sources', 'summary']),
    actions: {
      choose: (chosen) => set({ chosen, notice: undefined }),
      setView: (view) => set({ view }),
      setWeek: (week) => set({ week }),
      setNotice: (notice) => set({ notice }),
    },
  }));
  const queries = createQueries<SummaryAnswers, SummaryState>(store);
  const rebuild = () => queries.refresh(['summary']);
  const followSource = (source: string | undefined) =>
    source === undefined
      ? undefined
      : stopAll([onStorageChange('session', (key) => key === dataVersionKey(source), rebuild), onStorageChange('local', (key) => key === 'settings', rebuild)]);
  const start = () => stopAll([followWants(store, queries, summaryWants), follow(store, sourceOf, followSource)]);
  return Object.assign(store, { start });
}

export const { Provider: SummaryStoreProvider, useSelect: useSummaryPage } = pageStoreContext<SummaryState>('summary');
