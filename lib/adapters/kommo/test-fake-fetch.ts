import type { FetchLike } from '../types';

/** One canned answer of the fake CRM. */
export type FakeReply = { status?: number; body?: unknown; text?: string; headers?: Record<string, string> };

export type FakeCall = { url: URL; init?: RequestInit };

/**
 * A `fetch` for tests: every request is recorded and answered by `route`,
 * which sees the parsed URL. Bodies are sent through JSON text, as a server
 * would, so the adapter parses what it would parse in real life.
 */
export function fakeFetch(route: (url: URL, init?: RequestInit) => FakeReply): { fetch: FetchLike; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(input);
    calls.push({ url, init });
    const reply = route(url, init);
    const status = reply.status ?? 200;
    const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
    return new Response(status === 204 ? null : text, { status, headers: reply.headers });
  };
  return { fetch, calls };
}
