import { describe, expect, it } from 'vitest';
import { pipedriveSpecs, pipedriveContext, okExamples, routedFetch } from '../../../test/contracts/pipedrive';
import { jsonResponse, responseExamples } from '../../../test/contracts/openapi-examples';
import { CrmError } from '../errors';
import { encodeCursor } from '../cursor';
import { pipedriveAdapter } from './index';

type Row = Record<string, unknown>;
const rows = (example: unknown): Row[] => (example as { data: Row[] }).data;
/** Pipedrive v1 writes `YYYY-MM-DD HH:MM:SS` in UTC. */
const utc = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

describe('Pipedrive v1 response examples → canonical records', () => {
  it.each(okExamples('v1', '/users').map((e, i) => [i, e]))('/users example %i', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v1 /users': example })), 'users', null, null);
    expect(page.rejects).toEqual([]);
    for (const ex of rows(example)) {
      const o = page.records.owner?.find((r) => r.externalId === String(ex.id));
      const salesAdmin = (ex.access as Row[]).some((a) => a.app === 'sales' && a.admin === true);
      expect([o?.name, o?.email, o?.active, o?.role]).toEqual([ex.name, ex.email, ex.active_flag, salesAdmin ? 'admin' : 'rep']);
      expect(o?.updatedAt).toBe(utc(ex.modified as string));
    }
  });

  it('/users/me examples: 200 names the signed-in user, 401 asks the rep to act', async () => {
    for (const example of responseExamples(pipedriveSpecs().v1, '/users/me')) {
      const fetch = routedFetch({ 'v1 /users/me': () => jsonResponse(example.body, example.status) });
      const ctx = pipedriveContext(fetch);
      if (example.status === 200) {
        const me = (example.body as { data: Row }).data;
        await expect(pipedriveAdapter.whoAmI(ctx)).resolves.toEqual({ ownerId: String(me.id), name: me.name });
      } else {
        const error = await pipedriveAdapter.whoAmI(ctx).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CrmError);
        expect((error as CrmError).kind).toBe('auth');
        expect((error as CrmError).userAction).toMatch(/API token/);
      }
    }
  });

  for (const [path, phase] of [
    ['/leads', 0],
    ['/leads/archived', 1],
  ] as const) {
    it.each(okExamples('v1', path).map((e, i) => [i, e]))(`${path} example %i`, async (_, example) => {
      const fetch = routedFetch({ [`v1 ${path}`]: example });
      const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'leads', phase ? encodeCursor({ phase, since: null }) : null, null);
      for (const ex of rows(example)) {
        const lead = page.records.lead?.find((r) => r.externalId === ex.id);
        expect(lead?.status).toBe(ex.is_archived ? 'disqualified' : 'open');
        expect(lead?.createdAt).toBe(Date.parse(ex.add_time as string));
        expect([lead?.name, lead?.ownerId, lead?.channelRaw]).toEqual([ex.title, String(ex.owner_id), ex.source_name]);
      }
    });
  }

  it.each(okExamples('v1', '/callLogs').map((e, i) => [i, e]))('/callLogs example %i: the call is stored under its activity', async (_, example) => {
    const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch({ 'v1 /callLogs': example })), 'callLogs', null, null);
    expect(page.rejects).toEqual([]);
    for (const ex of rows(example)) {
      const a = page.records.activity?.find((r) => r.externalId === String(ex.activity_id));
      expect([a?.type, a?.done, a?.ownerId]).toEqual(['call', true, String(ex.user_id)]);
      expect(a?.occurredAt).toBe(Date.parse(ex.start_time as string));
      expect(a?.durationSec).toBe(Number(ex.duration)); // "0" seconds
    }
    // the example says more_items_in_collection: false
    expect(page.nextCursor).toBeNull();
  });

  it.each(okExamples('v1', '/goals/find').map((e, i) => [i, e]))(
    '/goals/find example %i: each goal is a quota, a target or a reasoned reject',
    async (_, example) => {
      const currencies = okExamples('v1', '/currencies')[0];
      const me = okExamples('v1', '/users/me')[0];
      const fetch = routedFetch({ 'v1 /goals/find': example, 'v1 /currencies': currencies, 'v1 /users/me': me });
      const page = await pipedriveAdapter.fetchPage(pipedriveContext(fetch), 'goals', null, null);
      const goals = (example as { data: { goals: Row[] } }).data.goals;
      for (const ex of goals) {
        const outcome = ex.expected_outcome as Row;
        const target = page.records.target?.find((t) => t.externalId === `goal:${String(ex.id)}`);
        const reject = page.rejects.find((r) => r.externalId === ex.id);
        // "Deals started", counted, weekly, for the company → a weekly target for everyone
        expect(target ?? reject).toBeDefined();
        if (target) {
          expect([target.metric, target.per, target.value, target.ownerId]).toEqual(['dealsCreated', 'week', outcome.target, undefined]);
        } else {
          expect(reject?.reason).toMatch(/\w+/);
        }
      }
    },
  );
});
