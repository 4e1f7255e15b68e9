import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';

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
