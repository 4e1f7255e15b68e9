import { fileURLToPath } from 'node:url';
import type { FetchLike } from '../../lib/adapters/types';
import type { PipedriveContext } from '../../lib/adapters/pipedrive';
import { jsonResponse, loadOpenApi, responseExamples, type OpenApiDoc } from './openapi-examples';

/** The shared docs sit beside the repository (`../shared`), here and in CI. */
export const PIPEDRIVE_V1 = fileURLToPath(new URL('../../../shared/contracts/pipedrive/openapi-v1.yaml', import.meta.url));
export const PIPEDRIVE_V2 = fileURLToPath(new URL('../../../shared/contracts/pipedrive/openapi-v2.yaml', import.meta.url));

let specs: { v1: OpenApiDoc; v2: OpenApiDoc } | undefined;
/** Both Pipedrive specs, parsed once per test file. */
export function pipedriveSpecs(): { v1: OpenApiDoc; v2: OpenApiDoc } {
  specs ??= { v1: loadOpenApi(PIPEDRIVE_V1), v2: loadOpenApi(PIPEDRIVE_V2) };
  return specs;
}

/** The 200 examples of one endpoint (`v2 /deals`). */
export function okExamples(version: 'v1' | 'v2', path: string): Record<string, unknown>[] {
  return responseExamples(pipedriveSpecs()[version], path)
    .filter((e) => e.status === 200)
    .map((e) => e.body as Record<string, unknown>);
}

export type Call = { url: URL; init?: RequestInit };

/**
 * A fetch that answers `https://acme.pipedrive.com/api/<v>/<path>` from a table
 * keyed `v2 /deals` (bodies or functions of the request); unknown paths get 404.
 */
export type Route = ((url: URL) => Response) | Record<string, unknown> | unknown[] | null;

export function routedFetch(routes: Record<string, Route | undefined>, calls: Call[] = []): FetchLike {
  return async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    const match = /^\/api\/(v1|v2)(\/.*)$/.exec(url.pathname);
    const key = match ? `${match[1]} ${match[2]}` : url.pathname;
    const route = routes[key];
    if (route === undefined) return jsonResponse({ success: false, error: 'not found' }, 404);
    return typeof route === 'function' ? route(url) : jsonResponse(route);
  };
}

export const NOW = Date.parse('2024-03-10T12:00:00Z');

export function pipedriveContext(fetch: FetchLike, overrides: Partial<PipedriveContext> = {}): PipedriveContext {
  return {
    fetch,
    baseUrl: 'https://acme.pipedrive.com/api',
    appUrl: 'https://acme.pipedrive.com',
    auth: { kind: 'token', token: 'test-token' },
    source: 'pipedrive:acme',
    timeZone: 'Europe/Berlin',
    now: () => NOW,
    ...overrides,
  };
}

/** Whether a request asks for a later page of a list (a v2 `cursor`, a v1 `start` past 0). */
export function asksLaterPage(url: URL): boolean {
  return url.searchParams.has('cursor') || Number(url.searchParams.get('start') ?? 0) > 0;
}

/**
 * A list answer made the last page: no `next_cursor` (v2), no more items (v1).
 * A spec's example says "more" with one fixed cursor, which a static mock
 * repeats forever; a real account's list ends, so tests that need an end
 * answer later pages with this.
 */
export function asLastPage(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy = structuredClone(body) as { additional_data?: { next_cursor?: unknown; pagination?: { more_items_in_collection?: unknown } } };
  const extra = copy.additional_data;
  if (extra && typeof extra === 'object') {
    if ('next_cursor' in extra) extra.next_cursor = null;
    if (extra.pagination && typeof extra.pagination === 'object') extra.pagination.more_items_in_collection = false;
  }
  return copy;
}

/** A documented example as the first page of a list whose next page is its last (see asLastPage). */
export function firstPageOf(body: unknown, status = 200): Route {
  return (url) => jsonResponse(asksLaterPage(url) ? asLastPage(body) : body, status);
}
