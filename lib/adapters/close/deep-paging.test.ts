import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import type { SyncStore } from '../../sync/store';
import { fakeClock } from '../../sync/test-support';
import { isCrmError } from '../errors';
import type { AdapterContext, CrmAdapter } from '../types';
import { callIndex, closeStamp, defaultCreatedUs, fakeActivityLog } from './test-fake-activity-log';
import { closeAdapter } from './index';
import { narrow, observe, WINDOW_ITEMS, windowParams } from './window';

const CLOSE = 'https://api.close.com/api/v1';
const NOW = Date.UTC(2024, 4, 1);

function context(fetch: AdapterContext['fetch']): AdapterContext {
  return {
    fetch,
    now: () => NOW,
    baseUrl: CLOSE,
    auth: { kind: 'basic', username: 'k', password: '' },
    source: 'close:app.close.com',
    timeZone: 'UTC',
    pageSize: 100,
  };
}

/**
 * Reads the calls chain to its end the way the engine does: each page starts
 * from nothing but the stored cursor string (a kill between pages loses
 * nothing), and every call id is ticked off.
 */
async function readAll(ctx: AdapterContext, count: number, since: number | null = null) {
  const seen = new Uint8Array(count);
  let cursor: string | null = null;
  let pages = 0;
  let items = 0;
  do {
    const stored: string | null = cursor === null ? null : String(cursor); // all that survives a kill
    const page = await closeAdapter.fetchPage(ctx, 'calls', stored, since);
    expect(page.rejects).toEqual([]);
    for (const record of page.records.activity ?? []) {
      seen[callIndex(record.externalId)] = 1;
      items += 1;
    }
    cursor = page.nextCursor;
    pages += 1;
    if (cursor !== null && JSON.parse(cursor).pass === 'deleted') break;
  } while (cursor !== null);
  return { missing: seen.length - seen.reduce((sum, bit) => sum + bit, 0), pages, items };
}

describe('Close lists past their maximum _skip, by date_created windows', () => {
  it('the fake refuses a skip past the maximum with the 400 Close sends', async () => {
    const log = fakeActivityLog({ count: 300_000, maxSkip: 250_000 });
    const answer = await log.fetch(`${CLOSE}/activity/call/?_skip=250100&_limit=100`);
    expect([answer.status, ((await answer.json()) as { error: string }).error]).toEqual([
      400,
      'The skip you set is larger than the maximum skip for this resource (max_skip = 250000). Please refine your search query.',
    ]);
  });

  it('reads a million calls, newest first, without ever asking past a window; every call arrives', async () => {
    const count = 1_000_000;
    const log = fakeActivityLog({ count, maxSkip: 250_000 });
    const { missing, pages, items } = await readAll(context(log.fetch), count);
    const { refused, deepestSkip, requests } = log.stats();
    expect({ missing, refused }).toEqual({ missing: 0, refused: 0 });
    expect(deepestSkip).toBeLessThan(WINDOW_ITEMS);
    // Each narrowing reads its boundary second again: one or two groups of seven calls per 5,000.
    expect(items - count).toBeLessThanOrEqual(Math.ceil(count / (WINDOW_ITEMS - 14)) * 14);
    expect(requests).toBe(pages);
  }, 240_000);

  it('narrows as soon as Close refuses a skip (a maximum below the window), oldest first too', async () => {
    const count = 40_000;
    const log = fakeActivityLog({ count, maxSkip: 1_000, order: 'asc' });
    const { missing } = await readAll(context(log.fetch), count);
    expect(missing).toBe(0);
    expect(log.stats().refused).toBeGreaterThan(0);
    expect(log.stats().deepestSkip).toBeLessThanOrEqual(1_000);
  }, 60_000);

  it('pages through a second holding more calls than a window (a bulk import) with _skip, then narrows again', async () => {
    const count = 30_000;
    const createdUs = (i: number) => (i >= 10_000 && i < 22_000 ? defaultCreatedUs(10_000) : defaultCreatedUs(i));
    const log = fakeActivityLog({ count, maxSkip: 250_000, createdUs });
    expect((await readAll(context(log.fetch), count)).missing).toBe(0);
    expect(log.stats().deepestSkip).toBeGreaterThanOrEqual(12_000 - 100);
  }, 60_000);

  it('stops with Close’s own words when one second holds more calls than Close will skip', async () => {
    const count = 20_000;
    const log = fakeActivityLog({ count, maxSkip: 3_000, createdUs: (i) => (i < 15_000 ? defaultCreatedUs(0) : defaultCreatedUs(i)) });
    const error = await readAll(context(log.fetch), count).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCrmError(error) && error.kind).toBe('bad-response');
    expect(String((error as Error).message)).toMatch(/max_skip = 3000/);
  }, 60_000);

  it('an incremental chain keeps its look-back floor inside every window', async () => {
    const count = 30_000;
    const log = fakeActivityLog({ count, maxSkip: 250_000, order: 'asc' });
    const calls: URL[] = [];
    const ctx = context(async (input, init) => {
      calls.push(new URL(input));
      return log.fetch(input, init);
    });
    const fromUs = defaultCreatedUs(9_000);
    const since = Math.floor(fromUs / 1000) + 2 * DAY_MS; // calls are asked from since − 2 days
    const { missing } = await readAll(ctx, count, since);
    expect(missing).toBe(9_000 - (9_000 % 7)); // the groups before the floor's second are not asked for
    const floors = calls.map((url) => Date.parse(url.searchParams.get('date_created__gte') ?? ''));
    expect(floors.every((at) => at >= Math.floor(fromUs / 1000))).toBe(true);
    expect(new Set(floors).size).toBeGreaterThan(3); // the floor moved with the windows
  }, 60_000);

  it('resumes an older cursor (a skip without a window) and goes on by windows', async () => {
    const count = 12_000;
    const log = fakeActivityLog({ count, maxSkip: 250_000 });
    const page = await closeAdapter.fetchPage(context(log.fetch), 'calls', JSON.stringify({ skip: 4_900, since: null }), null);
    expect(JSON.parse(page.nextCursor!)).toMatchObject({ skip: 0, since: null, window: { to: expect.any(Number), order: 'desc' } });
  });
});

describe('a sync of a large Close org killed between pages resumes from its stored window', () => {
  it('reads 60,000 calls through three kills; the store holds every one', async () => {
    const count = 60_000;
    const log = fakeActivityLog({ count, maxSkip: 250_000 });
    const clock = fakeClock(NOW);
    const store = memorySyncStore();
    const adapter: CrmAdapter = { ...closeAdapter, objects: closeAdapter.objects.filter((spec) => spec.name === 'calls') };
    const { now: _now, ...ctx } = context(log.fetch);
    let commits = 0;
    const killAt = new Set([37, 120, 333]);
    const dying: SyncStore = {
      ...store,
      commitStep: async (write) => {
        commits += 1;
        if (killAt.has(commits)) throw new Error('killed');
        return store.commitStep(write);
      },
    };
    const cursors: string[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const outcome = await runSync({ source: ctx.source, adapter, ctx, store: dying, env: clock.env }, { sleep: clock.sleep }).catch(
        (error: unknown) => error,
      );
      const state = store.states.get(`${ctx.source}/calls`);
      if (outcome instanceof Error) {
        cursors.push(state?.cursor ?? 'null');
        continue;
      }
      expect(outcome).toMatchObject({ status: 'done' });
      break;
    }
    expect(cursors).toHaveLength(3);
    // At each kill the stored position was a window of date_created, not a deep skip.
    expect(cursors.map((c) => JSON.parse(c) as { skip: number; window: object })).toEqual(
      cursors.map(() => expect.objectContaining({ skip: expect.any(Number), window: expect.any(Object) })),
    );
    expect(store.records.get('activity')!.size).toBe(count);
    expect(log.stats().deepestSkip).toBeLessThan(WINDOW_ITEMS);
  }, 120_000);
});

describe('windows, step by step', () => {
  const at = (iso: string) => ({ date_created: iso });
  const T = Date.UTC(2024, 0, 1, 10, 0, 0);
  it.each([
    // items' date_created in page order → the window after the page, and the next one
    [
      'newest first',
      [at('2024-01-01T10:00:09.5+00:00'), at('2024-01-01T10:00:03.25+00:00')],
      { order: 'desc', last: T + 3_250 },
      { to: T + 4_000, order: 'desc' },
    ], // to = the boundary second + 1 s
    [
      'oldest first',
      [at('2024-01-01T10:00:03.25+00:00'), at('2024-01-01T10:00:09.5+00:00')],
      { order: 'asc', last: T + 9_500 },
      { from: T + 9_000, order: 'asc' },
    ], // from = the boundary second
    ['one second only', [at('2024-01-01T10:00:03+00:00'), at('2024-01-01T10:00:03+00:00')], { last: T + 3_000 }, undefined], // no order seen: cannot narrow
    [
      'out of order',
      [at('2024-01-01T10:00:03+00:00'), at('2024-01-01T10:00:09+00:00'), at('2024-01-01T10:00:01+00:00')],
      { unordered: true, last: T + 1_000 },
      undefined,
    ],
  ])('%s', (_name, items, after, next) => {
    const window = observe({}, items);
    expect(window).toEqual(after);
    expect(narrow(window)).toEqual(next);
  });

  it('a page against the order seen before switches narrowing off for the chain', () => {
    const window = observe({ order: 'desc', last: T + 5_000 }, [at('2024-01-01T10:00:07+00:00')]);
    expect([window.unordered, narrow(window)]).toEqual([true, undefined]);
  });

  it('never narrows to the edge it already has (a second fuller than a window)', () => {
    expect(narrow({ from: T, order: 'asc', last: T + 400 })).toBeUndefined();
    expect(narrow({ to: T + 1_000, order: 'desc', last: T + 400 })).toBeUndefined();
  });

  it('asks for the window, tightened by the chain’s own floor', () => {
    expect(windowParams({ from: T, to: T + 60_000 }, T + 5_000)).toEqual({
      date_created__gte: '2024-01-01T10:00:05.000Z',
      date_created__lt: '2024-01-01T10:01:00.000Z',
    });
    expect(windowParams({}, undefined)).toEqual({});
  });

  it('opportunities: date_updated for since, date_created for the window, ordered by date_created', async () => {
    const requests: URL[] = [];
    const ctx = context(async (input) => {
      requests.push(new URL(input));
      return new Response(JSON.stringify({ data: [], has_more: false }), { status: 200 });
    });
    const cursor = JSON.stringify({ skip: 200, since: T, window: { from: T - DAY_MS, order: 'asc' } });
    await closeAdapter.fetchPage(ctx, 'opportunities', cursor, T);
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      _order_by: 'date_created',
      _skip: '200',
      _limit: '100',
      date_updated__gte: '2024-01-01T10:00:00.000Z',
      date_created__gte: '2023-12-31T10:00:00.000Z',
    });
  });
});

describe('stamps', () => {
  it('writes Close’s microsecond form', () => {
    expect(closeStamp(Date.UTC(2013, 1, 20, 6, 34, 33, 637) * 1000 + 5)).toBe('2013-02-20T06:34:33.637005+00:00');
  });
});
