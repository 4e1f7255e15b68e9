import { describe, expect, it } from 'vitest';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { fakeClock } from '../../sync/test-support';
import { fakeFetch } from '../kommo/test-fake-fetch';
import type { AdapterContext } from '../types';
import { callItem, CLOSE_BASE, leadItem, meetingItem, opportunity, outgoingEmail, pipelinesPage, usersPage } from './test-fixtures';
import { closeAdapter } from './index';

describe('a whole Close sync through the engine', () => {
  it('brings every object home and waits out a 429 that only sets the RateLimit header', async () => {
    let limited = false;
    const { fetch } = fakeFetch((url) => {
      const skip = Number(url.searchParams.get('_skip') ?? 0);
      const path = url.pathname.replace('/api/v1', '');
      if (path === '/user/') return { body: usersPage };
      if (path === '/pipeline/') return { body: pipelinesPage };
      if (path === '/lead/') return { body: { data: [leadItem], has_more: false } };
      if (path === '/opportunity/') {
        if (skip === 100 && !limited) {
          limited = true;
          return { status: 429, headers: { ratelimit: 'limit=240, remaining=0, reset=3' } };
        }
        const count = Math.min(100, 230 - skip);
        return {
          body: { data: Array.from({ length: count }, (_, i) => opportunity({ id: `oppo_${skip + i}` })), has_more: skip + count < 230, total_results: 230 },
        };
      }
      if (path === '/activity/call/') return { body: { data: [callItem], has_more: false } };
      if (path === '/activity/email/') return { body: { data: [outgoingEmail], has_more: false } };
      return { body: { data: [meetingItem], has_more: false } };
    });
    const clock = fakeClock();
    const store = memorySyncStore();
    const ctx: AdapterContext = {
      fetch,
      now: clock.env.now,
      baseUrl: CLOSE_BASE,
      auth: { kind: 'basic', username: 'key', password: '' },
      source: 'close:app.close.com',
      timeZone: 'UTC',
    };
    const result = await runSync({ source: ctx.source, adapter: closeAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep });
    expect(result).toEqual({ status: 'done', records: 2 + 1 + 4 + 1 + 230 + 3, rejected: 0 });
    const counts = Object.fromEntries([...store.records].filter(([, table]) => table.size).map(([type, table]) => [type, table.size]));
    expect(counts).toEqual({ owner: 2, pipeline: 1, stage: 4, customer: 1, deal: 230, activity: 3 });
    expect(clock.slept).toContain(3000);
  });
});
