import { describe, expect, it } from 'vitest';
import { CrmError } from '../adapters/errors';
import type { CrmAdapter, FetchedPage } from '../adapters/types';
import { memorySyncStore } from './memory-store';
import { runSync } from './runner';
import { fakeClock } from './test-support';

/**
 * FetchedPage.carry: what an object's completed chain leaves for its next run comes back as `carried`
 * with that run's first page only, survives a failed first page, and is gone once a chain ends without one.
 */
function adapter(plan: { carryOut: (run: number) => string | undefined; failOnRun?: number }) {
  const seen: { run: number; cursor: string | null; carried: string | null | undefined }[] = [];
  const current = { run: 0 };
  let failed = false;
  const spec: CrmAdapter = {
    id: 'pipedrive',
    label: 'Test CRM',
    detect: () => null,
    objects: [{ name: 'things', produces: ['owner'], incremental: true }],
    async fetchPage(_ctx, _object, cursor, _since, carried): Promise<FetchedPage> {
      seen.push({ run: current.run, cursor, carried });
      if (cursor === null && current.run === plan.failOnRun && !failed) {
        failed = true;
        throw new CrmError('transient', 'flaky', 'wait');
      }
      if (cursor === null) return { records: {}, rejects: [], nextCursor: 'page-2' };
      return { records: {}, rejects: [], nextCursor: null, carry: plan.carryOut(current.run) };
    },
  };
  return { spec, seen, current };
}

async function runs(plan: Parameters<typeof adapter>[0], count: number) {
  const { spec, seen, current } = adapter(plan);
  const store = memorySyncStore();
  const clock = fakeClock();
  const carries: (string | undefined)[] = [];
  for (let i = 0; i < count; i += 1) {
    current.run = i + 1;
    const ctx = { fetch: globalThis.fetch, baseUrl: 'https://crm.example', auth: { kind: 'session' as const }, source: 'test:carry', timeZone: 'UTC' };
    expect(await runSync({ source: ctx.source, adapter: spec, ctx, store, env: clock.env }, { sleep: clock.sleep })).toMatchObject({ status: 'done' });
    carries.push((await store.getStates(ctx.source))[0]?.carry);
  }
  return { seen, carries };
}

describe('carry between runs of an object', () => {
  it('goes to the next run’s first page only, and is replaced by what that run leaves', async () => {
    const { seen, carries } = await runs({ carryOut: (run) => (run === 1 ? 'left-1' : undefined) }, 3);
    expect(seen.map((s) => [s.run, s.cursor, s.carried])).toEqual([
      [1, null, null],
      [1, 'page-2', null],
      [2, null, 'left-1'], // what run 1 left
      [2, 'page-2', null],
      [3, null, null], // run 2 left nothing
      [3, 'page-2', null],
    ]);
    expect(carries).toEqual(['left-1', undefined, undefined]);
  });

  it('is given again when the first page fails and is retried', async () => {
    const { seen, carries } = await runs({ carryOut: (run) => (run === 1 ? 'left' : undefined), failOnRun: 2 }, 2);
    // run 1 starts without; run 2's first page fails (transient) and is asked again with the same carry
    expect(seen.filter((s) => s.cursor === null).map((s) => [s.run, s.carried])).toEqual([
      [1, null],
      [2, 'left'],
      [2, 'left'],
    ]);
    expect(carries).toEqual(['left', undefined]);
  });
});
