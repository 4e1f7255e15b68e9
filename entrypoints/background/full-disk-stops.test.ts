import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFullDiskStops } from './full-disk-stops';

beforeEach(() => fakeBrowser.reset());

describe('stops on a full disk', () => {
  it('are kept per source until that source runs again', async () => {
    const stops = createFullDiskStops();
    expect(await stops.stoppedAt('a')).toBeUndefined();
    await stops.noteStopped('a', 1_000);
    await stops.noteStopped('b', 2_000);
    expect(await stops.stoppedAt('a')).toBe(1_000);
    await stops.runStarted('a');
    expect(await stops.stoppedAt('a')).toBeUndefined();
    expect(await stops.stoppedAt('b')).toBe(2_000);
  });

  it('outlive the worker: a new one reads them from storage.session', async () => {
    await createFullDiskStops().noteStopped('a', 1_000);
    const restarted = createFullDiskStops();
    expect(await restarted.stoppedAt('a')).toBe(1_000);
    await restarted.runStarted('a');
    expect(await createFullDiskStops().stoppedAt('a')).toBeUndefined();
  });

  it('are read again after everything was deleted (storage.session cleared)', async () => {
    const stops = createFullDiskStops();
    await stops.noteStopped('a', 1_000);
    await fakeBrowser.storage.session.clear();
    expect(await stops.stoppedAt('a')).toBe(1_000); // still the worker's memory
    stops.forget();
    expect(await stops.stoppedAt('a')).toBeUndefined();
  });

  it.each([
    ['not an object', 'a:1000', {}],
    ['an array', [1_000], {}],
    ['instants that are not numbers', { a: '1000', b: 2_000 }, { b: 2_000 }],
    ['an instant that is not finite', { a: Number.NaN, b: 2_000 }, { b: 2_000 }],
  ])('ignore a stored value that is %s', async (_case, stored, kept) => {
    await fakeBrowser.storage.session.set({ 'sync-stopped-full-disk': stored });
    const stops = createFullDiskStops();
    for (const source of ['a', 'b']) expect(await stops.stoppedAt(source)).toBe((kept as Record<string, number>)[source]);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('no session area'))],
    [
      'throws',
      () => {
        throw new TypeError('storage.session is undefined');
      },
    ],
  ])('know none when reading storage.session %s', async (_case, get) => {
    const stops = createFullDiskStops({ get, set: () => Promise.resolve() });
    expect(await stops.stoppedAt('a')).toBeUndefined();
  });
});
