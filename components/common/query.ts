import type { StoreApi } from 'zustand/vanilla';
import { type RequestInputOf, type RequestType, type Responses, send } from '@/lib/messaging';

/** What a page holds of one background answer. */
export type Query<V> = {
  /** The last answer (or, before the first, a remembered one); it stays on screen while the next is asked. */
  value: V | undefined;
  /** Why the last ask failed; the value before it stays. Cleared by the next answer. */
  error: string | undefined;
  /** An answer is on its way. */
  loading: boolean;
  /** The key of the request `value` answers: undefined before the first answer (a remembered value has none). */
  key: string | undefined;
};

export const IDLE: Query<never> = { value: undefined, error: undefined, loading: false, key: undefined };

/** A request a query wants answered; two wants with the same key are the same request. */
export type Want<V> = {
  key: string;
  load: () => Promise<V>;
  /** A value kept from before (e.g. what this browser session showed last), shown until the first answer comes. */
  remembered?: () => Promise<V | undefined>;
  /** Told of every answer that lands (never of a stale one). */
  landed?: (value: V) => void;
};

/** The answers a page store holds, one Query per name, under its `answers` field. */
export type Answers<A> = { [K in keyof A]: Query<A[K]> };
/** What a page wants asked right now: a Want per query, null for "nothing". */
export type Wants<A> = { [K in keyof A]: Want<A[K]> | null };

/** A typed request to the background as a Want: keyed by the request itself, loaded through `send`. */
export function ask<T extends RequestType>(request: { type: T } & RequestInputOf<T>): Want<Responses[T]> {
  return { key: JSON.stringify(request), load: () => send<T>(request) };
}

export function idleAnswers<A>(names: readonly (keyof A)[]): Answers<A> {
  return Object.fromEntries(names.map((name) => [name, IDLE])) as unknown as Answers<A>;
}

export type Queries<A> = {
  /** Makes `want` the request of query `name`; nothing happens when it already is. Null stops asking. */
  want<K extends keyof A>(name: K, want: Want<A[K]> | null): void;
  /** Every query's want at once (what a page's state asks for). */
  apply(wants: Wants<A>): void;
  /** Asks again what is wanted (the data changed), for the named queries or all; the values shown stay until the answers. */
  refresh(names?: readonly (keyof A)[]): void;
  /** Forgets a query's answer (it was about something else) and what it wanted; an answer in flight is dropped. */
  reset(name: keyof A): void;
};

/**
 * The one way a page asks the background and keeps the answers, written once for every page:
 * each query counts its asks, and an answer lands only if no later ask (or reset) of the same
 * query happened since, so a stale answer never overwrites a newer request's. Refreshing asks
 * again with a new number; the value on screen stays until the new answer lands.
 */
export function createQueries<A, S extends { answers: Answers<A> }>(store: StoreApi<S>): Queries<A> {
  const asked = new Map<keyof A, number>();
  const wanted = new Map<keyof A, Want<A[keyof A]>>();
  const current = <K extends keyof A>(name: K): Query<A[K]> => store.getState().answers[name];
  const write = <K extends keyof A>(name: K, patch: Partial<Query<A[K]>>) =>
    store.setState((state) => ({ answers: { ...state.answers, [name]: { ...state.answers[name], ...patch } } }) as unknown as Partial<S>);
  const next = (name: keyof A) => {
    const number = (asked.get(name) ?? 0) + 1;
    asked.set(name, number);
    return number;
  };
  const latest = (name: keyof A, number: number) => asked.get(name) === number;

  const run = <K extends keyof A>(name: K, want: Want<A[K]>) => {
    const number = next(name);
    write(name, { loading: true });
    want.load().then(
      (value) => {
        if (!latest(name, number)) return;
        write(name, { value, error: undefined, loading: false, key: want.key });
        want.landed?.(value);
      },
      (failure: unknown) => {
        if (latest(name, number)) write(name, { error: failure instanceof Error ? failure.message : String(failure), loading: false });
      },
    );
    return number;
  };

  const queries: Queries<A> = {
    want(name, want) {
      if ((wanted.get(name)?.key ?? null) === (want?.key ?? null)) return;
      if (!want) {
        wanted.delete(name);
        next(name);
        if (current(name).loading) write(name, { loading: false });
        return;
      }
      wanted.set(name, want as unknown as Want<A[keyof A]>);
      const unanswered = current(name).key === undefined;
      const number = run(name, want);
      if (unanswered && want.remembered) {
        want.remembered().then(
          (value) => {
            if (value !== undefined && latest(name, number) && current(name).key === undefined) write(name, { value });
          },
          () => undefined,
        );
      }
    },
    apply(wants) {
      for (const name of Object.keys(wants) as (keyof A)[]) queries.want(name, wants[name]);
    },
    refresh(names) {
      for (const [name, want] of [...wanted]) if (!names || names.includes(name)) run(name, want);
    },
    reset(name) {
      wanted.delete(name);
      next(name);
      write(name, IDLE as Query<A[typeof name]>);
    },
  };
  return queries;
}

/**
 * Keeps the queries asking what the state wants (`wants` is a pure function of the state): now,
 * and after every change. Changes made while applying (a query starting to load) are looked at
 * again once the current pass is done, never in the middle of it.
 */
export function followWants<A, S extends { answers: Answers<A> }>(store: StoreApi<S>, queries: Queries<A>, wants: (state: S) => Wants<A>): () => void {
  let applying = false;
  let changed = false;
  const reconcile = () => {
    if (applying) {
      changed = true;
      return;
    }
    applying = true;
    try {
      do {
        changed = false;
        queries.apply(wants(store.getState()));
      } while (changed);
    } finally {
      applying = false;
    }
  };
  const stop = store.subscribe(reconcile);
  reconcile();
  return stop;
}
