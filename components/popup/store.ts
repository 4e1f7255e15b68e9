import { createStore } from 'zustand/vanilla';
import type { SourceStatus } from '@/lib/messaging';
import { pageStoreContext, type PageStore } from '../common/page-store';
import { createQueries, followWants, idleAnswers, type Answers } from '../common/query';
import { every, stopAll } from '../common/signals';
import { onStatusChange, SOURCES } from '../common/status';

/** While the popup is open its sync lines move: asked again on every status signal, and this often. */
const STATUS_REFRESH_MS = 3_000;

type PopupAnswers = { sources: SourceStatus[] };
export type PopupState = { answers: Answers<PopupAnswers> };

/** The toolbar popup's store: the status of every source. */
export function createPopupStore(): PageStore<PopupState> {
  const store = createStore<PopupState>()(() => ({ answers: idleAnswers<PopupAnswers>(['sources']) }));
  const queries = createQueries<PopupAnswers, PopupState>(store);
  const refresh = () => queries.refresh();
  const start = () =>
    stopAll([followWants(store, queries, () => ({ sources: SOURCES })), onStatusChange(undefined, refresh), every(STATUS_REFRESH_MS, refresh)]);
  return Object.assign(store, { start });
}

export const { Provider: PopupStoreProvider, useSelect: usePopup } = pageStoreContext<PopupState>('popup');
