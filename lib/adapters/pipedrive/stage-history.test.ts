import { describe, expect, it } from 'vitest';
import { firstPageOf, okExamples, pipedriveContext, pipedriveSpecs, routedFetch, type Call, type Route } from '../../../test/contracts/pipedrive';
import { jsonResponse } from '../../../test/contracts/openapi-examples';
import { memorySyncStore, type MemorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { stageAt } from '../test-stage-at';
import { pipedriveAdapter } from './index';
import { encodeCursor } from '../cursor';
import { dealVisits, HISTORY_DEALS_PER_STEP, HISTORY_REQUESTS_PER_RUN } from './stage-history';

/**
 * Stage history from Pipedrive's deal changelog, against the published spec
 * (shared/contracts/pipedrive/openapi-v1.yaml, `GET /deals/{id}/changelog`; the v2 deal's
 * `stage_change_time`), and through the sync engine: the per-run budget, the carry to the next run,
 * and the KPI engine's stage of a deal as of an instant between its moves.
 */
type Schema = { properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; type?: string; nullable?: boolean };
const ms = (iso: string) => Date.parse(iso);
const list = (data: unknown[]) => ({ success: true, data, additional_data: { next_cursor: null } });

function changelogOperation() {
  return (
    pipedriveSpecs().v1.paths['/deals/{id}/changelog'] as {
      get: { 'x-token-cost': number; responses: { 200: { content: { 'application/json': { schema: Schema } } } } };
    }
  ).get;
}

describe('Pipedrive stage history: the changelog as the spec declares it', () => {
  it('reads the fields the spec declares for a change: field_key, old_value, new_value (nullable strings), time', () => {
    const schema = changelogOperation().responses[200].content['application/json'].schema;
    const item = schema.allOf?.flatMap((part) => Object.entries(part.properties ?? {})).find(([name]) => name === 'data')?.[1].items;
    const fields = item?.properties ?? {};
    expect([
      fields.field_key?.type,
      fields.old_value?.type,
      fields.old_value?.nullable,
      fields.new_value?.type,
      fields.new_value?.nullable,
      fields.time?.type,
    ]).toEqual(['string', 'string', true, 'string', true, 'string']);
  });

  it('costs 20 tokens a deal where /flow costs 40 (x-token-cost), and pages by cursor', () => {
    const flow = (pipedriveSpecs().v1.paths['/deals/{id}/flow'] as { get: { 'x-token-cost': number } }).get;
    expect([changelogOperation()['x-token-cost'], flow['x-token-cost']]).toEqual([20, 40]);
  });

  it("the spec's own example (title and value changes) holds no move: the deal keeps its stage since stage_change_time", () => {
    const example = okExamples('v1', '/deals/{id}/changelog')[0] as { data: unknown[] };
    const deal = { stageId: '5', addTime: ms('2024-02-01T00:00:00Z'), stageChangeTime: ms('2024-02-10T00:00:00Z'), updatedAt: ms('2024-02-12T09:14:35Z') };
    expect(dealVisits(deal, example.data)).toEqual({ visits: [{ stageId: '5', enteredAt: ms('2024-02-10T00:00:00Z') }], unreadable: [], complete: false });
  });
});

describe('Pipedrive changelog → stage visits', () => {
  const ADDED = ms('2024-01-01T08:00:00Z');
  const UPDATED = ms('2024-03-01T00:00:00Z');
  const change = (old_value: string | null, new_value: string | null, time: string) => ({
    field_key: 'stage_id',
    old_value,
    new_value,
    actor_user_id: 1,
    time,
  });
  it.each([
    [
      'moves, newest first as Pipedrive sends them; the first old_value was entered at add_time',
      '3',
      '2024-01-20 10:00:00',
      [
        change('2', '3', '2024-01-20 10:00:00'),
        { field_key: 'value', old_value: '0', new_value: '100', time: '2024-01-15 00:00:00' },
        change('1', '2', '2024-01-10 09:00:00'),
      ],
      [
        ['1', '2024-01-01T08:00:00Z'],
        ['2', '2024-01-10T09:00:00Z'],
        ['3', '2024-01-20T10:00:00Z'],
      ],
      0,
      true,
    ],
    [
      'back to an earlier stage',
      '1',
      '2024-01-12 00:00:00',
      [change('2', '1', '2024-01-12 00:00:00'), change('1', '2', '2024-01-10 00:00:00')],
      [
        ['1', '2024-01-01T08:00:00Z'],
        ['2', '2024-01-10T00:00:00Z'],
        ['1', '2024-01-12T00:00:00Z'],
      ],
      0,
      true,
    ],
    ['never moved (no stage change, no stage_change_time): in its stage since add_time', '1', null, [], [['1', '2024-01-01T08:00:00Z']], 0, true],
    [
      'a change without a stage id or a readable time is skipped and counted',
      '3',
      '2024-01-20 10:00:00',
      [change('2', '3', '2024-01-20 10:00:00'), change('1', null, '2024-01-10 09:00:00'), change('1', '2', 'soon')],
      [['3', '2024-01-20T10:00:00Z']],
      2,
      true,
    ],
  ])('%s', (_name, stageId, stageChange, changes, expected, unreadable, complete) => {
    const out = dealVisits(
      { stageId, addTime: ADDED, stageChangeTime: stageChange ? ms(`${stageChange.replace(' ', 'T')}Z`) : undefined, updatedAt: UPDATED },
      changes,
    );
    expect(out.visits).toEqual(expected.map(([s, at]) => ({ stageId: s, enteredAt: ms(at as string) })));
    expect([out.unreadable.length, out.complete]).toEqual([unreadable, complete]);
  });

  it('without a changelog: a moved deal is known in its stage since stage_change_time only (complete: false)', () => {
    expect(dealVisits({ stageId: '3', addTime: ADDED, stageChangeTime: ms('2024-01-20T10:00:00Z'), updatedAt: UPDATED }, undefined)).toEqual({
      visits: [{ stageId: '3', enteredAt: ms('2024-01-20T10:00:00Z') }],
      unreadable: [],
      complete: false,
    });
  });
});

// A Pipedrive account: a pipeline Qualified (11) → Proposal (12) → Won (13), and deals made from the spec's deal example.
const [exampleDeal] = (okExamples('v2', '/deals')[0] as { data: Record<string, unknown>[] }).data;
const [exampleStage] = (okExamples('v2', '/stages')[0] as { data: Record<string, unknown>[] }).data;
const STAGES = [
  ['11', 'Qualified', 10],
  ['12', 'Proposal', 60],
  ['13', 'Won', 100],
].map(([id, name, p], i) => ({ ...exampleStage, id: Number(id), name, order_nr: i + 1, deal_probability: p, pipeline_id: 1 }));
const deal = (id: number, over: Record<string, unknown>) => ({ ...exampleDeal, id, ...over });
const MOVED = deal(501, {
  stage_id: 13,
  status: 'won',
  add_time: '2024-02-01T09:00:00Z',
  stage_change_time: '2024-02-20T15:00:00Z',
  won_time: '2024-02-20T15:00:00Z',
  close_time: '2024-02-20T15:00:00Z',
  update_time: '2024-02-20T15:00:01Z',
});
const MOVED_LOG = [
  { field_key: 'stage_id', old_value: '12', new_value: '13', actor_user_id: 1, time: '2024-02-20 15:00:00' },
  { field_key: 'value', old_value: '100', new_value: '200', actor_user_id: 1, time: '2024-02-12 11:00:00' },
  { field_key: 'stage_id', old_value: '11', new_value: '12', actor_user_id: 1, time: '2024-02-10 09:00:00' },
];

type Account = { deals: Record<string, unknown>[]; changelogs: Record<string, unknown[]>; tokensLeft: number };
function account(state: Account, calls: Call[]): ReturnType<typeof routedFetch> {
  const withBudget = (body: unknown) =>
    jsonResponse(body, 200, { 'x-daily-ratelimit-token-remaining': String(state.tokensLeft), 'x-daily-ratelimit-token-limit': '30000' });
  const routes: Record<string, Route> = {
    'v1 /users': firstPageOf(okExamples('v1', '/users')[0] ?? null),
    'v2 /pipelines': list([{ id: 1, name: 'Sales', order_nr: 1, is_deleted: false, add_time: '2024-01-01T00:00:00Z', update_time: '2024-01-01T00:00:00Z' }]),
    'v2 /stages': list(STAGES),
    'v2 /deals/archived': list([]),
    'v2 /deals/products': list([]),
    'v2 /deals': (url) => {
      if (url.searchParams.get('status') === 'deleted') return withBudget(list([]));
      const ids = url.searchParams.get('ids')?.split(',');
      return withBudget(list(state.deals.filter((d) => !ids || ids.includes(String(d.id)))));
    },
  };
  for (const [id, log] of Object.entries(state.changelogs)) routes[`v1 /deals/${id}/changelog`] = () => withBudget(list(log));
  return routedFetch(routes, calls);
}

async function sync(store: MemorySyncStore, state: Account, calls: Call[] = []) {
  const ctx = pipedriveContext(account(state, calls));
  let now = ms('2024-03-10T12:00:00Z');
  const result = await runSync(
    { source: ctx.source, adapter: pipedriveAdapter, ctx, store, env: { now: () => now, random: () => 0.5 } },
    { sleep: async (wait) => void (now += wait) },
  );
  expect(result).toMatchObject({ status: 'done' });
  return { ctx, calls };
}
const changelogsRead = (calls: Call[]) => calls.flatMap((c) => /^\/api\/v1\/deals\/(\d+)\/changelog$/.exec(c.url.pathname)?.[1] ?? []);

describe('Pipedrive stage history through the sync engine', () => {
  it('a deal that moved Qualified → Proposal → Won is, as of an instant between the moves, in the stage it was in then', async () => {
    const store = memorySyncStore();
    await sync(store, { deals: [MOVED], changelogs: { 501: MOVED_LOG }, tokensLeft: 29_000 });
    const batch = store.snapshot();
    expect(batch.deal?.[0]?.stageHistory).toEqual([
      { stageId: '11', enteredAt: ms('2024-02-01T09:00:00Z') }, // added in Qualified (the first move's old_value)
      { stageId: '12', enteredAt: ms('2024-02-10T09:00:00Z') },
      { stageId: '13', enteredAt: ms('2024-02-20T15:00:00Z') },
    ]);
    expect(stageAt(batch, ms('2024-02-05T12:00:00Z'), '501')).toEqual({ byStage: [['11', 1]], unknownStages: undefined, deal: { stageId: '11', known: true } });
    // 15 Feb: in Proposal since the 10th; won on the 20th, so open then
    expect(stageAt(batch, ms('2024-02-15T12:00:00Z'), '501')).toEqual({ byStage: [['12', 1]], unknownStages: undefined, deal: { stageId: '12', known: true } });
  });

  it('a deal that never moved costs no changelog request; one that moved does', async () => {
    const still = deal(502, { stage_id: 11, add_time: '2024-02-01T09:00:00Z', stage_change_time: null, status: 'open' });
    const calls: Call[] = [];
    await sync(memorySyncStore(), { deals: [MOVED, still], changelogs: { 501: MOVED_LOG }, tokensLeft: 29_000 }, calls);
    expect(changelogsRead(calls)).toEqual(['501']);
  });

  it('under half the daily token budget, no changelog is read: the deals are carried to the next run, which reads them first', async () => {
    const store = memorySyncStore();
    const others = Array.from({ length: 2 * HISTORY_DEALS_PER_STEP }, (_, i) =>
      deal(600 + i, {
        stage_id: 12,
        status: 'open',
        add_time: '2024-02-01T09:00:00Z',
        stage_change_time: '2024-02-10T09:00:00Z',
        update_time: '2024-02-10T09:00:00Z',
      }),
    );
    const changelogs = Object.fromEntries([[501, MOVED_LOG], ...others.map((d) => [d.id, [MOVED_LOG[2]]])]);
    const low = { deals: [MOVED, ...others], changelogs, tokensLeft: 14_000 }; // 14,000 < 30,000 ÷ 2
    const first = await sync(store, low);
    expect(changelogsRead(first.calls)).toEqual([]);
    const state = (await store.getStates(first.ctx.source)).find((s) => s.object === 'deals');
    expect(JSON.parse(state?.carry ?? '{}')).toEqual({ pending: ['501', ...others.map((d) => String(d.id))] });
    // meanwhile each deal says since when it is in its stage, and the engine says the earlier stage is not known
    expect(store.snapshot().deal?.find((d) => d.externalId === '501')?.stageHistory).toEqual([{ stageId: '13', enteredAt: ms('2024-02-20T15:00:00Z') }]);
    expect(stageAt(store.snapshot(), ms('2024-02-15T12:00:00Z'), '501').deal).toEqual({ stageId: '13', known: false });

    // The next run: nothing changed in Pipedrive, the budget is back; the carried deals are read, a few per step.
    const second = await sync(store, { ...low, tokensLeft: 29_000 });
    expect(changelogsRead(second.calls).sort()).toEqual(['501', ...others.map((d) => String(d.id))].sort());
    expect(stageAt(store.snapshot(), ms('2024-02-15T12:00:00Z'), '501').deal).toEqual({ stageId: '12', known: true });
    expect((await store.getStates(first.ctx.source)).find((s) => s.object === 'deals')?.carry).toBeUndefined();
  });

  it('a malformed changelog row is skipped with a counted note; the sync goes on', async () => {
    const store = memorySyncStore();
    await sync(store, {
      deals: [MOVED],
      changelogs: { 501: [MOVED_LOG[0], { field_key: 'stage_id', old_value: '11', new_value: 'Proposal', time: '2024-02-10 09:00:00' }] },
      tokensLeft: 29_000,
    });
    // the readable move into Won stays; which stage the deal was added in is not claimed past an unreadable row
    expect(store.snapshot().deal?.[0]?.stageHistory).toEqual([{ stageId: '13', enteredAt: ms('2024-02-20T15:00:00Z') }]);
    expect(store.quarantine.map((q) => q.reason)).toContainEqual(expect.stringContaining('1 Pipedrive stage history entry could not be read'));
  });

  it('stops at the per-run request cap: what is left is carried, not read', async () => {
    const calls: Call[] = [];
    const other = deal(502, { stage_id: 12, status: 'open', add_time: '2024-02-01T09:00:00Z', stage_change_time: '2024-02-10T09:00:00Z' });
    const ctx = pipedriveContext(account({ deals: [MOVED, other], changelogs: { 501: MOVED_LOG, 502: [MOVED_LOG[2]] }, tokensLeft: 29_000 }, calls));
    // the history phase of a run that has spent HISTORY_REQUESTS_PER_RUN − 1 requests: one more changelog, then the cap
    const cursor = encodeCursor({ phase: 3, since: null, pending: ['501', '502'], used: HISTORY_REQUESTS_PER_RUN - 1 });
    const page = await pipedriveAdapter.fetchPage(ctx, 'deals', cursor, null);
    expect(changelogsRead(calls)).toEqual(['501']);
    expect(page.records.deal?.map((d) => d.externalId)).toEqual(['501']); // 502 keeps the record its deals page wrote
    expect([page.nextCursor, JSON.parse(page.carry ?? '{}')]).toEqual([null, { pending: ['502'] }]);
    const spent = await pipedriveAdapter.fetchPage(
      ctx,
      'deals',
      encodeCursor({ phase: 3, since: null, pending: ['502'], used: HISTORY_REQUESTS_PER_RUN }),
      null,
    );
    expect([spent.nextCursor, JSON.parse(spent.carry ?? '{}'), changelogsRead(calls).length]).toEqual([null, { pending: ['502'] }, 1]);
  });
});
