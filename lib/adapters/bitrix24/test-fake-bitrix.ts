import { fakeFetch, type FakeReply } from '../kommo/test-fake-fetch';

/** What a fake portal answers one method call with: a list page, or an error. */
export type MethodReply = { result: unknown; total?: number; next?: number } | { error: string | number; error_description?: string };

export type MethodCall = { method: string; params: URLSearchParams; viaBatch: boolean };

/**
 * A Bitrix24 portal for tests. Direct calls (`POST …/rest/…/crm.deal.list`)
 * and `batch` are both answered by `answer`, which sees each method with its
 * parameters as a flat query (`filter[>=DATE_MODIFY]`, `start`). A batch is
 * answered the way Bitrix24 does: results, errors, totals and next starts per
 * command, with PHP's `[]` for an empty map. `http` can replace the whole HTTP
 * answer (status codes, garbage).
 */
export function fakeBitrix(answer: (call: MethodCall) => MethodReply, http?: (method: string) => FakeReply | undefined) {
  const methods: MethodCall[] = [];
  const fake = fakeFetch((url, init) => {
    const method = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/\.json$/, '');
    const override = http?.(method);
    if (override) return override;
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { cmd?: Record<string, string> };
    if (method !== 'batch') {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(body)) params.set(key, JSON.stringify(value));
      const call = { method, params, viaBatch: false };
      methods.push(call);
      const reply = answer(call);
      return 'error' in reply ? { status: 400, body: reply } : { body: reply };
    }
    const result: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const totals: Record<string, unknown> = {};
    const nexts: Record<string, unknown> = {};
    for (const [key, command] of Object.entries(body.cmd ?? {})) {
      const [name = '', query = ''] = command.split(/\?(.*)/s);
      const call = { method: name, params: new URLSearchParams(query), viaBatch: true };
      methods.push(call);
      const reply = answer(call);
      if ('error' in reply) {
        errors[key] = { error: reply.error, error_description: reply.error_description ?? '' };
        continue;
      }
      result[key] = reply.result;
      if (reply.total !== undefined) totals[key] = reply.total;
      if (reply.next !== undefined) nexts[key] = reply.next;
    }
    const php = (map: Record<string, unknown>) => (Object.keys(map).length ? map : []);
    return {
      body: {
        result: { result: php(result), result_error: php(errors), result_total: php(totals), result_next: php(nexts), result_time: [] },
        time: { start: 1, finish: 2 },
      },
    };
  });
  return { fetch: fake.fetch, calls: fake.calls, methods };
}
