import { DAY_MS } from '../period/units';
import { sandboxAdapter } from '../adapters/sandbox';
import type { Activity, Deal, Owner } from '../model';
import { createSandboxApi, type SandboxDataset, type SandboxFaults } from '../../test/sandbox-crm/api';
import type { SyncContext, SyncEnv, SyncJob } from './engine';
import type { SyncStore } from './store';

const T0 = Date.UTC(2026, 0, 5);

/** A small CRM: `owners` reps, `deals` deals and `activities` activities, all valid. */
export function smallDataset(sizes: { owners?: number; deals?: number; activities?: number } = {}): SandboxDataset {
  const ownerCount = sizes.owners ?? 3;
  const owners: Owner[] = Array.from({ length: ownerCount }, (_, i) => ({
    source: 'x',
    externalId: `u${i}`,
    updatedAt: T0 - DAY_MS,
    name: `Rep ${i}`,
    role: 'rep',
    active: true,
  }));
  const deals: Deal[] = Array.from({ length: sizes.deals ?? 50 }, (_, i) => ({
    source: 'x',
    externalId: `d${i}`,
    updatedAt: T0 - DAY_MS + i * 1000,
    title: `Deal ${i}`,
    ownerId: `u${i % ownerCount}`,
    status: i % 3 === 0 ? 'won' : i % 3 === 1 ? 'lost' : 'open',
    amount: { minor: 10_000 * (i + 1), currency: 'USD' },
    createdAt: T0 - 30 * DAY_MS,
    closedAt: i % 3 === 2 ? undefined : T0 - DAY_MS,
    lineItems: [],
  }));
  const activities: Activity[] = Array.from({ length: sizes.activities ?? 200 }, (_, i) => ({
    source: 'x',
    externalId: `a${i}`,
    updatedAt: T0 - DAY_MS + i * 500,
    ownerId: `u${i % ownerCount}`,
    type: (['call', 'email', 'meeting'] as const)[i % 3]!,
    occurredAt: T0 - (i % 20) * DAY_MS,
    done: true,
  }));
  return { owner: owners, deal: deals, activity: activities, currentOwnerId: 'u0', currentOwnerName: 'Rep 0' };
}

/** A fake clock the sleeps advance, so waits are instant but measured. */
export function fakeClock(start = T0) {
  let now = start;
  const slept: number[] = [];
  const env: SyncEnv = { now: () => now, random: () => 0.5 };
  return {
    env,
    slept,
    advance: (ms: number) => (now += ms),
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

export function sandboxJob(
  dataset: SandboxDataset,
  store: SyncStore,
  env: SyncEnv,
  faults: SandboxFaults = {},
  pageSize = 20,
): SyncJob & { api: ReturnType<typeof createSandboxApi> } {
  const api = createSandboxApi(dataset, faults);
  const ctx: SyncContext = {
    fetch: (input, init) => api(new Request(input, init)),
    baseUrl: 'http://127.0.0.1:5179/api/v1',
    auth: { kind: 'session' },
    source: 'sandbox:test',
    timeZone: 'UTC',
    pageSize,
  };
  return { source: ctx.source, adapter: sandboxAdapter, ctx, store, env, api };
}

/** How many sync steps it takes to get through the objects before `object`, plus `pages` pages of it. */
export function stepsBefore(dataset: SandboxDataset, object: string, pages: number, pageSize = 20): number {
  let steps = 0;
  for (const spec of sandboxAdapter.objects) {
    if (spec.name === object) return steps + pages;
    const type = spec.produces[0]!;
    steps += Math.max(1, Math.ceil((dataset[type]?.length ?? 0) / pageSize));
  }
  throw new Error(`no object ${object}`);
}
