import { describe, expect, it } from 'vitest';
import { firstPageOf, okExamples, pipedriveContext, pipedriveSpecs, routedFetch, type Call, type Route } from '../../../test/contracts/pipedrive';
import type { OpenApiDoc } from '../../../test/contracts/openapi-examples';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { pipedriveAdapter } from './index';

/**
 * Every request the Pipedrive adapter sends, in a full and an incremental
 * sync, asks only for what Pipedrive's published specs declare
 * (shared/contracts/pipedrive/openapi-v1.yaml and -v2.yaml): each query
 * parameter is one the operation lists, and its value fits the declared
 * schema (enum, integer, boolean). An undeclared parameter is silently
 * ignored by Pipedrive: `updated_since` on `/v1/leads/archived` made every
 * incremental run read the whole archive while believing it read changes.
 */
type Param = { name: string; in: string; schema?: { type?: string; enum?: unknown[]; items?: { type?: string } } };

/** The spec's path template a concrete path is an instance of (`/deals/1/changelog` → `/deals/{id}/changelog`). */
function templateOf(doc: OpenApiDoc, path: string): string {
  if (doc.paths[path]) return path;
  const segments = path.split('/');
  const match = Object.keys(doc.paths).find((template) => {
    const parts = template.split('/');
    return parts.length === segments.length && parts.every((part, i) => part === segments[i] || (/^\{\w+\}$/.test(part) && /^\d+$/.test(segments[i] ?? '')));
  });
  return match ?? path;
}

function declared(doc: OpenApiDoc, concrete: string): Param[] {
  const path = templateOf(doc, concrete);
  const op = (doc.paths[path] as Record<string, { parameters?: unknown[] }> | undefined)?.get;
  if (!op) throw new Error(`the spec has no GET ${path}`);
  const components = (doc as unknown as { components?: { parameters?: Record<string, Param> } }).components?.parameters ?? {};
  return (op.parameters ?? []).map((p) => {
    const ref = (p as { $ref?: string }).$ref;
    return ref ? components[ref.split('/').at(-1)!]! : (p as Param);
  });
}

/** Problems of one request against its operation: undeclared parameters and values outside the schema. */
function problems(call: Call): string[] {
  const match = /^\/api\/(v1|v2)(\/.*)$/.exec(call.url.pathname);
  if (!match) return [`not a Pipedrive API path: ${call.url.pathname}`];
  const [, version, path] = match as unknown as [string, 'v1' | 'v2', string];
  const params = new Map(
    declared(pipedriveSpecs()[version], path)
      .filter((p) => p.in === 'query')
      .map((p) => [p.name, p]),
  );
  const out: string[] = [];
  for (const [name, value] of call.url.searchParams) {
    const param = params.get(name);
    if (!param) {
      out.push(`${version} ${path}: ${name} is not a declared parameter`);
      continue;
    }
    const schema = param.schema ?? {};
    if (schema.enum && !schema.enum.includes(value)) out.push(`${version} ${path}: ${name}=${value} is not one of ${schema.enum.join(', ')}`);
    if (schema.type === 'integer' && !/^-?\d+$/.test(value)) out.push(`${version} ${path}: ${name}=${value} is not an integer`);
    if (schema.type === 'boolean' && value !== 'true' && value !== 'false') out.push(`${version} ${path}: ${name}=${value} is not a boolean`);
  }
  return out;
}

/** Each endpoint's first 200 example, as the first page of a list that then ends. */
function routes(): Record<string, Route> {
  const out: Record<string, Route> = {};
  const endpoints: [version: 'v1' | 'v2', path: string][] = [
    ['v2', '/deals'],
    ['v2', '/deals/archived'],
    ['v2', '/deals/products'],
    ['v2', '/activities'],
    ['v2', '/organizations'],
    ['v2', '/pipelines'],
    ['v2', '/stages'],
    ['v2', '/products'],
    ['v1', '/users'],
    ['v1', '/users/me'],
    ['v1', '/leads'],
    ['v1', '/leads/archived'],
    ['v1', '/callLogs'],
    ['v1', '/goals/find'],
    ['v1', '/currencies'],
  ];
  for (const [version, path] of endpoints) out[`${version} ${path}`] = firstPageOf(okExamples(version, path)[0] ?? null);
  // The deals of the examples moved (stage_change_time): their changelogs are read after the deals.
  for (const raw of (okExamples('v2', '/deals')[0]?.data as { id: number }[] | undefined) ?? [])
    out[`v1 /deals/${raw.id}/changelog`] = firstPageOf(okExamples('v1', '/deals/{id}/changelog')[0] ?? null);
  return out;
}

async function sync(since: number | null): Promise<Call[]> {
  const calls: Call[] = [];
  const ctx = pipedriveContext(routedFetch(routes(), calls), { pageSize: 100 });
  const store = memorySyncStore();
  let now = Date.parse('2024-03-10T12:00:00Z');
  if (since !== null) {
    for (const spec of pipedriveAdapter.objects) {
      await store.saveState({
        key: `${ctx.source}/${spec.name}`,
        source: ctx.source,
        object: spec.name,
        cursor: null,
        runSince: null,
        highWater: since,
        runStartedAt: null,
        phase: 'done',
        recordsThisRun: 0,
        rejectsThisRun: 0,
        attempts: 0,
        updatedAt: now,
      });
    }
  }
  const result = await runSync(
    { source: ctx.source, adapter: pipedriveAdapter, ctx, store, env: { now: () => now, random: () => 0.5 } },
    { sleep: async (ms) => void (now += ms) },
  );
  expect(result).toMatchObject({ status: 'done' });
  expect((await store.getStates(ctx.source)).map((state) => [state.object, state.phase, state.error?.message])).toEqual(
    pipedriveAdapter.objects.map((spec) => [spec.name, 'done', undefined]),
  );
  return calls;
}

describe('Pipedrive requests ask only for what the published specs declare', () => {
  it.each([
    ['a full sync', null],
    ['an incremental sync', Date.parse('2024-03-01T00:00:00Z')],
  ])('%s', async (_, since) => {
    const calls = await sync(since);
    expect(calls.length).toBeGreaterThan(15);
    expect(calls.some((call) => /^\/api\/v1\/deals\/\d+\/changelog$/.test(call.url.pathname))).toBe(true);
    expect(calls.flatMap(problems)).toEqual([]);
  });

  it('the incremental sync asks the lists that declare updated_since for changes, and reads the leads archive whole', async () => {
    const calls = await sync(Date.parse('2024-03-01T00:00:00Z'));
    // Lists of changes; re-reads of named deals (`ids`, for their stage history) ask for those deals, not for changes.
    const asked = (path: string) =>
      calls
        .filter((call) => call.url.pathname === `/api${path}` && !call.url.searchParams.has('ids'))
        .map((call) => call.url.searchParams.get('updated_since'));
    for (const path of ['/v2/deals', '/v2/activities', '/v2/organizations', '/v2/products', '/v1/leads'])
      expect(
        asked(path).every((value) => value === '2024-03-01T00:00:00Z'),
        path,
      ).toBe(true);
    expect(asked('/v1/leads/archived')).toEqual([null]);
    // the spec's own words disagree on sort: its description names "field_name DESC", its schema allows bare field names only
    const sort = declared(pipedriveSpecs().v1, '/leads/archived').find((p) => p.name === 'sort');
    expect(sort?.schema?.enum).toContain('update_time');
    expect(sort?.schema?.enum).not.toContain('update_time DESC');
  });

  it('the checker refuses what the spec refuses', () => {
    const call = (url: string): Call => ({ url: new URL(url) });
    expect(problems(call('https://acme.pipedrive.com/api/v1/leads/archived?updated_since=2024-01-01T00:00:00Z'))).toEqual([
      'v1 /leads/archived: updated_since is not a declared parameter',
    ]);
    expect(problems(call('https://acme.pipedrive.com/api/v1/leads/archived?sort=update_time%20DESC&start=x'))).toEqual([
      'v1 /leads/archived: sort=update_time DESC is not one of id, title, owner_id, creator_id, was_seen, expected_close_date, next_activity_id, add_time, update_time',
      'v1 /leads/archived: start=x is not an integer',
    ]);
  });
});
