import { describe, expect, it } from 'vitest';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { fakeClock } from '../../sync/test-support';
import type { AdapterContext } from '../types';
import { fakeFetch } from './test-fake-fetch';
import {
  accountResponse,
  callNoteItem,
  companyItem,
  contactItem,
  KOMMO_BASE,
  lead,
  listResponse,
  pipelinesResponse,
  taskItem,
  userResponse,
} from './test-fixtures';
import { kommoAdapter } from './index';

describe('a whole amoCRM sync through the engine', () => {
  it('brings every object home, waits out a 429 and spaces requests at 5 per second', async () => {
    let limited = false;
    const { fetch } = fakeFetch((url) => {
      const page = Number(url.searchParams.get('page') ?? 1);
      const path = url.pathname.replace('/api/v4', '');
      if (path === '/account') return { body: accountResponse };
      if (path === '/users') return { body: listResponse('users', [userResponse]) };
      if (path === '/leads/pipelines') return { body: pipelinesResponse };
      if (path === '/companies') return { body: listResponse('companies', [companyItem]) };
      if (path === '/contacts') return { body: listResponse('contacts', [contactItem]) };
      if (path === '/leads' && url.searchParams.get('with') === 'only_deleted') return { status: 204 };
      if (path === '/leads') {
        if (page === 2 && !limited) {
          limited = true;
          return { status: 429, headers: { 'retry-after': '1' } };
        }
        const ids = Array.from({ length: page < 3 ? 250 : 17 }, (_, i) => (page - 1) * 250 + i + 1);
        return {
          body: listResponse(
            'leads',
            ids.map((id) => lead({ id, status_id: id % 2 ? 142 : 32392159 })),
            page,
            page < 3,
          ),
        };
      }
      if (path === '/tasks') return { body: listResponse('tasks', [taskItem]) };
      if (path === '/leads/notes') return { body: listResponse('notes', [callNoteItem]) };
      return { status: 204 };
    });
    const clock = fakeClock();
    const store = memorySyncStore();
    const ctx: AdapterContext = {
      fetch,
      now: clock.env.now,
      baseUrl: KOMMO_BASE,
      auth: { kind: 'bearer', token: 't' },
      source: 'kommo:stroytorg.amocrm.ru',
      timeZone: 'Europe/Moscow',
    };
    const result = await runSync({ source: ctx.source, adapter: kommoAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep });
    expect(result).toEqual({ status: 'done', records: 2 + 1 + 1 + 5 + 2 + 517 + 2, rejected: 0 });
    const counts = Object.fromEntries([...store.records].filter(([, table]) => table.size).map(([type, table]) => [type, table.size]));
    expect(counts).toEqual({ team: 2, owner: 1, pipeline: 1, stage: 5, customer: 2, deal: 517, activity: 2 });
    expect(clock.slept).toContain(1000);
    expect(Math.min(...clock.slept)).toBeGreaterThanOrEqual(199); // 5 requests per second → 1000 / 5 = 200 ms between steps
  });
});
