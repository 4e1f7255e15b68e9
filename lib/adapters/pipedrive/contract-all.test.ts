import { describe, expect, it } from 'vitest';
import { responseExamples } from '../../../test/contracts/openapi-examples';
import { firstPageOf, okExamples, pipedriveContext, pipedriveSpecs, routedFetch, type Route } from '../../../test/contracts/pipedrive';
import { parseRecord, type RecordType } from '../../model';
import { isCrmError } from '../errors';
import { encodeCursor } from '../cursor';
import { pipedriveAdapter } from './index';

/** Every endpoint the adapter reads, with the object (and cursor) that reads it. */
const ENDPOINTS = [
  ['v2', '/deals', 'deals', null],
  ['v2', '/deals/archived', 'deals', encodeCursor({ phase: 1, since: null })],
  ['v2', '/deals/products', 'deals', null],
  ['v2', '/activities', 'activities', null],
  ['v2', '/organizations', 'organizations', null],
  ['v2', '/pipelines', 'pipelines', null],
  ['v2', '/stages', 'stages', null],
  ['v2', '/products', 'products', null],
  ['v1', '/users', 'users', null],
  ['v1', '/users/me', 'goals', null],
  ['v1', '/leads', 'leads', null],
  ['v1', '/leads/archived', 'leads', encodeCursor({ phase: 1, since: null })],
  ['v1', '/callLogs', 'callLogs', null],
  ['v1', '/goals/find', 'goals', null],
  ['v1', '/currencies', 'goals', null],
] as const;

/**
 * The 200 example of each endpoint, so an object's other requests get
 * documented answers too; a later page of a list is its last (a static
 * example that says "more" forever is what the pager guard stops).
 */
function baseRoutes(): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const [version, path] of ENDPOINTS) routes[`${version} ${path}`] = firstPageOf(okExamples(version, path)[0] ?? null);
  return routes;
}

describe('every response example of every Pipedrive endpoint the adapter reads', () => {
  const cases = ENDPOINTS.flatMap(([version, path, object, cursor]) =>
    responseExamples(pipedriveSpecs()[version], path).map((example) => [`${version} ${path} ${example.name}`, version, path, object, cursor, example] as const),
  );

  it('covers every endpoint with at least one example', () => {
    for (const [version, path] of ENDPOINTS) expect(responseExamples(pipedriveSpecs()[version], path).length, `${version} ${path}`).toBeGreaterThan(0);
  });

  it.each(cases)('%s → valid records, reasoned rejects, or the CrmError its status means', async (_, version, path, object, cursor, example) => {
    const routes = { ...baseRoutes(), [`${version} ${path}`]: firstPageOf(example.body, example.status) };
    try {
      const page = await pipedriveAdapter.fetchPage(pipedriveContext(routedFetch(routes)), object, cursor, null);
      expect(example.status).toBe(200);
      let outcomes = page.rejects.length + Object.values(page.deleted ?? {}).reduce((n, ids) => n + (ids?.length ?? 0), 0);
      for (const [type, list] of Object.entries(page.records)) {
        for (const record of list ?? []) {
          expect(parseRecord(type as RecordType, record).ok).toBe(true);
          outcomes++;
        }
      }
      for (const reject of page.rejects) expect(reject.reason).not.toBe('');
      expect(outcomes).toBeGreaterThan(0);
    } catch (error) {
      expect(isCrmError(error)).toBe(true);
      if (isCrmError(error)) expect(error.status).toBe(example.status); // only non-200 examples fail, as their status says
    }
  });
});
