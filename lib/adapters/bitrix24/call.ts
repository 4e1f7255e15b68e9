import { CrmError } from '../errors';
import { credentialFetch } from '../http';
import { z } from '../../model/zod';
import type { AdapterContext } from '../types';
import { bitrixError, errorOf, operatingResetAt } from './errors';
import { buildQuery, type QueryValue } from './query';

export type Params = { readonly [key: string]: QueryValue };

/** `https://portal/rest/1/code/` + `crm.deal.list`, keeping the root's query (the session's `sessid`). */
export function methodUrl(baseUrl: string, method: string): string {
  const root = new URL(baseUrl);
  const url = new URL(method, root.href.replace(/[?#].*$/, '').replace(/\/?$/, '/'));
  url.search = root.search;
  return url.toString();
}

/** POSTs one REST method with a JSON body and returns the parsed answer, or throws a CrmError. */
export async function bitrixCall(ctx: AdapterContext, method: string, body: unknown): Promise<unknown> {
  let response: Response;
  try {
    // A webhook URL is its own credential: the shared layer never follows it to another host.
    const init: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: ctx.auth.kind === 'session' ? 'include' : 'omit',
    };
    response = await credentialFetch(ctx.fetch, methodUrl(ctx.baseUrl, method), init, 'Bitrix24');
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw new CrmError(
      'transient',
      `Bitrix24 could not be reached: ${error instanceof Error ? error.message : String(error)}`,
      'Check the network connection; KPI Lens retries by itself.',
    );
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text.length ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  const error = errorOf(json);
  if (error || response.status >= 400) {
    const resetAt = operatingResetAt((json as { time?: unknown } | undefined)?.time);
    throw bitrixError(ctx, {
      status: response.status,
      code: error?.code ?? '',
      description: error?.description ?? '',
      headers: response.headers,
      operatingResetAt: resetAt,
    });
  }
  if (json === undefined) {
    throw new CrmError(
      'bad-response',
      `Bitrix24 answered ${method} with something that is not JSON`,
      'If this repeats, the portal may be down or behind a sign-in page: open it in a tab.',
      undefined,
      response.status,
    );
  }
  return json;
}

/** One command of a batch: a method and its parameters. */
export type Command = { method: string; params: Params };
export type CommandResult = { result: unknown; total?: number; next?: number };
export type BatchOutcome = { results: Record<string, CommandResult>; errors: Record<string, CrmError> };

/** The most commands Bitrix24 runs in one batch. */
export const MAX_BATCH = 50;

// PHP writes an empty associative array as `[]`, so every per-command map may be a list.
const keyed = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()).transform(() => ({}) as Record<string, unknown>)]);
const batchSchema = z.lazy(() =>
  z.object({
    result: z.object({
      result: keyed,
      result_error: keyed.optional(),
      result_total: keyed.optional(),
      result_next: keyed.optional(),
      result_time: keyed.optional(),
    }),
  }),
);

const count = (value: unknown) => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
};

/**
 * Runs up to 50 commands in one request (`batch`, halt = 0) and splits the
 * answer back per command: its result, total and next `start`, or its error.
 */
export async function bitrixBatch(ctx: AdapterContext, commands: Record<string, Command>): Promise<BatchOutcome> {
  const keys = Object.keys(commands);
  if (keys.length === 0) return { results: {}, errors: {} };
  if (keys.length > MAX_BATCH) throw new Error(`a Bitrix24 batch holds at most ${MAX_BATCH} commands, not ${keys.length}`);
  const cmd = Object.fromEntries(keys.map((key) => [key, `${commands[key]!.method}?${buildQuery(commands[key]!.params)}`]));
  const parsed = batchSchema.safeParse(await bitrixCall(ctx, 'batch', { halt: 0, cmd }));
  if (!parsed.success)
    throw new CrmError('bad-response', 'Bitrix24 answered a batch without its result', 'KPI Lens retries; if this repeats, the rest of the data still syncs.');
  const { result, result_error: failed = {}, result_total: totals = {}, result_next: nexts = {}, result_time: times = {} } = parsed.data.result;
  // The commands that ran tell when the oldest basket of their method's time budget frees (OPERATION_TIME_LIMIT).
  const resets = Object.values(times)
    .map(operatingResetAt)
    .filter((at): at is number => at !== undefined);
  const resetAt = resets.length ? Math.max(...resets) : undefined;
  const results: Record<string, CommandResult> = {};
  const errors: Record<string, CrmError> = {};
  for (const key of keys) {
    const error = errorOf(failed[key]);
    if (error) {
      errors[key] = bitrixError(ctx, { status: 200, ...error, operatingResetAt: resetAt });
    } else if (key in result) {
      results[key] = { result: result[key], total: count(totals[key]), next: count(nexts[key]) };
    } else {
      errors[key] = new CrmError(
        'bad-response',
        `Bitrix24 returned nothing for ${commands[key]!.method}`,
        'KPI Lens retries; if this repeats, the rest of the data still syncs.',
      );
    }
  }
  return { results, errors };
}

const SEVERITY = ['auth', 'rate-limit', 'budget-exhausted', 'transient', 'forbidden', 'bad-response'] as const;

/** Throws the most telling error of a batch (an expired session before a missing method), if any. */
export function throwFirstError(errors: Record<string, CrmError>): void {
  const all = Object.values(errors);
  for (const kind of SEVERITY) {
    const found = all.find((error) => error.kind === kind);
    if (found) throw found;
  }
}
