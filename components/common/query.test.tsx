import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createQueries, followWants, idleAnswers, type Answers, type Want } from './query';

type A = { numbers: string };
type S = { answers: Answers<A>; period: string | null };

/** A load the test answers by hand, in any order. */
function deferred() {
  const asked: { key: string; answer: (value: string) => void; fail: (reason: Error) => void }[] = [];
  const want = (key: string, extra: Partial<Want<string>> = {}): Want<string> => ({
    key,
    load: () => new Promise<string>((answer, fail) => asked.push({ key, answer, fail })),
    ...extra,
  });
  return { asked, want };
}

function setup() {
  const store = createStore<S>()(() => ({ answers: idleAnswers<A>(['numbers']), period: null }));
  const queries = createQueries<A, S>(store);
  const shown = () => store.getState().answers.numbers;
  return { store, queries, shown, ...deferred() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('a query: one request at a time on screen', () => {
  it('never lets a stale answer overwrite the answer of a newer request', async () => {
    const { queries, shown, asked, want } = setup();
    queries.want('numbers', want('month'));
    queries.want('numbers', want('quarter'));
    expect(shown()).toMatchObject({ loading: true, value: undefined });
    asked[1]!.answer('quarter numbers');
    await settle();
    expect(shown()).toEqual({ value: 'quarter numbers', error: undefined, loading: false, key: 'quarter' });
    asked[0]!.answer('month numbers'); // the month was asked first and answers last
    await settle();
    expect(shown().value).toBe('quarter numbers');
  });

  it('keeps the last answer on screen while the next request is answered, and drops a stale failure', async () => {
    const { queries, shown, asked, want } = setup();
    queries.want('numbers', want('month'));
    asked[0]!.answer('month numbers');
    await settle();
    queries.want('numbers', want('quarter'));
    expect(shown()).toMatchObject({ value: 'month numbers', loading: true, key: 'month' });
    queries.want('numbers', want('year'));
    asked[1]!.fail(new Error('quarter failed'));
    await settle();
    expect(shown()).toMatchObject({ value: 'month numbers', error: undefined, loading: true });
    asked[2]!.fail(new Error('the background is busy'));
    await settle();
    // A failure keeps what was shown and says why; the next answer clears it.
    expect(shown()).toEqual({ value: 'month numbers', error: 'the background is busy', loading: false, key: 'month' });
    queries.refresh();
    asked[3]!.answer('year numbers');
    await settle();
    expect(shown()).toEqual({ value: 'year numbers', error: undefined, loading: false, key: 'year' });
  });

  it('asks again on refresh, and the refresh answer wins over the answer it replaced', async () => {
    const { queries, shown, asked, want } = setup();
    queries.want('numbers', want('month'));
    queries.refresh();
    expect(asked.map((ask) => ask.key)).toEqual(['month', 'month']);
    asked[1]!.answer('after the sync');
    asked[0]!.answer('before the sync');
    await settle();
    expect(shown().value).toBe('after the sync');
  });

  it('asks nothing for the same request twice, and nothing at all once it is not wanted', async () => {
    const { queries, shown, asked, want } = setup();
    queries.want('numbers', want('month'));
    queries.want('numbers', want('month'));
    expect(asked).toHaveLength(1);
    queries.want('numbers', null);
    expect(shown().loading).toBe(false);
    asked[0]!.answer('late');
    await settle();
    expect(shown().value).toBeUndefined();
    queries.refresh();
    expect(asked).toHaveLength(1); // nothing is wanted: nothing to refresh
    queries.want('numbers', want('month'));
    expect(asked).toHaveLength(2); // wanted again: asked again
  });

  it('keeps an answer on screen once it is no longer wanted (the sidebar stops asking for a track record during a sync), and asks again when it is', async () => {
    const { queries, shown, asked, want } = setup();
    queries.want('numbers', want('track'));
    asked[0]!.answer('six periods');
    await settle();
    queries.want('numbers', null);
    queries.refresh();
    expect(asked).toHaveLength(1); // not asked again for a new data version
    expect(shown().value).toBe('six periods');
    queries.want('numbers', want('track'));
    expect(asked).toHaveLength(2);
    expect(shown().value).toBe('six periods'); // until the new answer lands
  });

  it('shows a remembered value until the first answer, and never after it', async () => {
    const { queries, shown, asked, want } = setup();
    let remember!: (value: string | undefined) => void;
    queries.want('numbers', want('month', { remembered: () => new Promise((resolve) => (remember = resolve)) }));
    remember('what the page showed before');
    await settle();
    expect(shown()).toMatchObject({ value: 'what the page showed before', key: undefined, loading: true });
    asked[0]!.answer('fresh');
    await settle();
    expect(shown()).toMatchObject({ value: 'fresh', key: 'month' });

    // Once answered, a new request keeps the last answer instead of a remembered one.
    let rememberQuarter: ((value: string | undefined) => void) | undefined;
    queries.want('numbers', want('quarter', { remembered: () => new Promise((resolve) => (rememberQuarter = resolve)) }));
    expect(rememberQuarter).toBeUndefined();
    expect(shown().value).toBe('fresh');
  });

  it('drops a remembered value that comes after the answer', async () => {
    const { queries, shown, asked, want } = setup();
    let remember!: (value: string | undefined) => void;
    queries.want('numbers', want('month', { remembered: () => new Promise((resolve) => (remember = resolve)) }));
    asked[0]!.answer('fresh');
    await settle();
    remember('older');
    await settle();
    expect(shown().value).toBe('fresh');
  });

  it('tells `landed` of answers that land only, and forgets everything on reset', async () => {
    const { queries, shown, asked, want } = setup();
    const landed: string[] = [];
    queries.want('numbers', want('month', { landed: (value) => landed.push(value) }));
    queries.refresh();
    asked[0]!.answer('stale');
    asked[1]!.answer('current');
    await settle();
    expect(landed).toEqual(['current']);
    queries.want('numbers', want('quarter'));
    queries.reset('numbers');
    asked[2]!.answer('quarter');
    await settle();
    expect(shown()).toEqual({ value: undefined, error: undefined, loading: false, key: undefined });
  });

  it('property: whatever the order of asks, refreshes and answers, answers land in asking order and the last ask wins', async () => {
    const step = fc.oneof(
      fc.record({ op: fc.constant('ask' as const), key: fc.constantFrom('month', 'quarter', 'year') }),
      fc.record({ op: fc.constant('refresh' as const) }),
      fc.record({ op: fc.constant('answer' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 30 }), async (steps) => {
        const { queries, shown, asked, want } = setup();
        const landed: number[] = [];
        const open = new Set<number>();
        const ask = (key: string) => {
          const index = asked.length;
          queries.want('numbers', want(key, { landed: () => landed.push(index) }));
          if (asked.length > index) open.add(index);
        };
        for (const s of steps) {
          if (s.op === 'ask') ask(s.key);
          else if (s.op === 'refresh') {
            const index = asked.length;
            queries.refresh();
            if (asked.length > index) open.add(index);
          } else if (open.size > 0) {
            const index = [...open][s.pick % open.size]!;
            open.delete(index);
            asked[index]!.answer(`answer ${index}`);
            await settle();
          }
        }
        for (const index of open) asked[index]!.answer(`answer ${index}`);
        await settle();
        // A stale answer never overwrites a newer request's: what lands, lands in asking order.
        expect(landed).toEqual([...landed].sort((a, b) => a - b));
        // And once everything is answered, the screen shows the last request's answer.
        if (asked.length > 0) expect(shown()).toMatchObject({ value: `answer ${asked.length - 1}`, loading: false });
      }),
      { numRuns: 300 },
    );
  });
});

describe('followWants: what is asked follows from the state', () => {
  it('asks what the state wants, again when it changes, and nothing more while it stays', async () => {
    const { store, queries, shown, asked, want } = setup();
    const stop = followWants(store, queries, (state) => ({ numbers: state.period ? want(state.period) : null }));
    expect(asked).toEqual([]);
    store.setState({ period: 'month' });
    store.setState({ period: 'month' });
    expect(asked.map((ask) => ask.key)).toEqual(['month']);
    store.setState({ period: 'quarter' });
    asked[1]!.answer('quarter numbers');
    asked[0]!.answer('month numbers');
    await settle();
    expect(shown().value).toBe('quarter numbers');
    stop();
    store.setState({ period: 'year' });
    expect(asked).toHaveLength(2);
  });
});
