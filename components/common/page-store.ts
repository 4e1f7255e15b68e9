import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

/*
 * How a page keeps its state (the sidebar, options, popup and summary all do it this way):
 *
 * 1. State: a vanilla Zustand store (`createStore`) with what the rep chose (source, view,
 *    period...), an `answers` record of Query slots (query.ts), and an `actions` object.
 * 2. Asks: `wants(state)` is a pure function from the state to the request each slot wants now
 *    (`ask({ type, ... })` for a typed send, or null). `followWants` keeps the slots asking it;
 *    `createQueries` numbers every ask so a stale answer never lands. Test `wants` as a table.
 * 3. Refresh: the storage signals (signals.ts; status.ts for sync status) call
 *    `queries.refresh([...])` for the slots they concern; `follow` re-wires them when the
 *    source changes. `start()` wires all of this and returns the stop.
 * 4. React: `pageStoreContext` gives a Provider (starts the store while mounted) and a
 *    `useSelect` hook. Containers read with selectors (stored values, never new objects);
 *    presentational components get data through props.
 */

/** A page's Zustand store, and what it follows (storage signals, timers) once started. */
export type PageStore<S> = StoreApi<S> & {
  /** Starts following the background's signals and asking what the state wants; returns the stop. */
  start(): () => void;
};

/**
 * The React side of a page store: a provider, a hook that reads with a selector, and one that
 * gives the store itself (for actions). A page creates its store once and starts it while mounted.
 */
export function pageStoreContext<S>(name: string) {
  const Context = createContext<PageStore<S> | null>(null);
  const useApi = (): PageStore<S> => {
    const store = useContext(Context);
    if (!store) throw new Error(`${name} store used outside its provider`);
    return store;
  };
  return {
    /** Provides `store`, started while mounted. */
    Provider({ store, children }: { store: PageStore<S>; children: ReactNode }) {
      useEffect(() => store.start(), [store]);
      return createElement(Context.Provider, { value: store }, children);
    },
    useApi,
    /** Reads from the store; select primitives or stored objects (or wrap in useShallow), never new objects. */
    useSelect: <T>(selector: (state: S) => T): T => useStore(useApi(), selector),
  };
}

/** The store a page creates once, on its first render. */
export function useCreated<T>(create: () => T): T {
  const [created] = useState(create);
  return created;
}
