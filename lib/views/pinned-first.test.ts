import { describe, expect, it } from 'vitest';
import { createPinnedFirst } from './pinned-first';

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('pinned numbers first', () => {
  it('holds a view of the source until every pending pinned answer of it is settled, then runs it', async () => {
    const first = createPinnedFirst();
    const order: string[] = [];
    const a = deferred<string>();
    const b = deferred<string>();
    void first.track('crm', a.promise).then(() => order.push('pinned a answered'));
    void first.track('crm', b.promise).then(() => order.push('pinned b answered'));
    const later = first.after('crm', async () => (order.push('forecast computed'), 'forecast'));
    a.resolve('a');
    await settle();
    expect(order).toEqual(['pinned a answered']); // b still pending: the forecast waits
    b.resolve('b');
    expect(await later).toBe('forecast');
    expect(order).toEqual(['pinned a answered', 'pinned b answered', 'forecast computed']);
  });

  it('holds only the same source, runs at once when nothing is pending, and a failed answer releases too', async () => {
    const first = createPinnedFirst();
    const pending = deferred<string>();
    const tracked = first.track('crm', pending.promise);
    let otherRan = false;
    await first.after('other', async () => (otherRan = true));
    expect(otherRan).toBe(true);
    let ran = false;
    const later = first.after('crm', async () => (ran = true));
    await settle();
    expect(ran).toBe(false);
    pending.reject(new Error('disk full'));
    await expect(tracked).rejects.toThrow('disk full'); // the answer itself is returned as is
    await later;
    expect(ran).toBe(true);
  });
});
