import { describeIssues } from '../../model';
import { z } from '../../model/zod';
import { CrmError } from '../errors';
import type { ApiBudget } from '../types';
import { noProgress } from '../pager';
import { PIPEDRIVE_LABEL, pipedriveGet, type PipedriveContext, type QueryValue } from './client';
import { v1ListSchema, v2ListSchema } from './schemas';

/** The state a Pipedrive cursor carries between pages of one object. */
export const cursorStateSchema = z.lazy(() =>
  z.object({
    phase: z.number().int().nonnegative().default(0),
    /** v2: Pipedrive's opaque `next_cursor`. */
    c: z.string().max(4096).optional(),
    /** v1: the offset of the next page. */
    s: z.number().int().nonnegative().optional(),
    /** The `since` the chain started with (ms), null for a full sync. */
    since: z.number().nullable().default(null),
    /** Deals: ids whose stage history is still to read (stage-history.ts), and the history requests this run made. */
    pending: z
      .array(z.string().regex(/^\d{1,18}$/))
      .max(10_000)
      .optional(),
    used: z.number().int().nonnegative().optional(),
  }),
);
export type CursorState = z.infer<typeof cursorStateSchema>;

export type RawPage = { items: unknown[]; next: { c?: string; s?: number } | null; budget?: ApiBudget };

function badShape(path: string, error: z.ZodError): CrmError {
  return new CrmError(
    'bad-response',
    `Pipedrive's ${path} answer is not shaped as documented: ${describeIssues(error)}`,
    'If this repeats, report it to KPI Lens with the sync log.',
  );
}

/** Clamps the requested page size to what Pipedrive allows for the endpoint. */
export function pageLimit(requested: number | undefined, max: number, fallback = 100): number {
  if (requested === undefined || !Number.isFinite(requested)) return Math.min(fallback, max);
  return Math.max(1, Math.min(max, Math.floor(requested)));
}

/** RFC 3339 for Pipedrive's `updated_since`, which is inclusive, so no record at the boundary is missed. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * One page of a v2 list. Pipedrive returns `next_cursor: null` on the last
 * page. A cursor it already sent is passed on as it is: the pager guard
 * (pager.ts) stops the chain with a clear error instead of looping.
 */
export async function v2Page(ctx: PipedriveContext, path: string, cursor: string | undefined, query: Record<string, QueryValue>): Promise<RawPage> {
  const { body, budget } = await pipedriveGet(ctx, 'v2', path, { ...query, cursor });
  const parsed = v2ListSchema.safeParse(body);
  if (!parsed.success) throw badShape(path, parsed.error);
  const next = parsed.data.additional_data?.next_cursor ?? null;
  return { items: parsed.data.data ?? [], next: next ? { c: next } : null, budget };
}

/** One page of a v1 list paged by cursor (`next_cursor`, as the v2 lists): the deal changelog. */
export async function v1CursorPage(ctx: PipedriveContext, path: string, cursor: string | undefined, query: Record<string, QueryValue>): Promise<RawPage> {
  const { body, budget } = await pipedriveGet(ctx, 'v1', path, { ...query, cursor });
  const parsed = v2ListSchema.safeParse(body);
  if (!parsed.success) throw badShape(path, parsed.error);
  const next = parsed.data.additional_data?.next_cursor ?? null;
  return { items: parsed.data.data ?? [], next: next ? { c: next } : null, budget };
}

/**
 * One page of a v1 list paged by `start`/`limit`; `more_items_in_collection`
 * says whether another follows, at `next_start`. A page that says "more" but
 * brought nothing, or whose next start does not move forward, would page
 * forever: it stops the chain.
 */
export async function v1Page(ctx: PipedriveContext, path: string, start: number | undefined, query: Record<string, QueryValue>): Promise<RawPage> {
  const { body, budget } = await pipedriveGet(ctx, 'v1', path, { ...query, start });
  const parsed = v1ListSchema.safeParse(body);
  if (!parsed.success) throw badShape(path, parsed.error);
  const items = parsed.data.data ?? [];
  const pagination = parsed.data.additional_data?.pagination;
  // An unpaged list (no `start` sent) is whole in one answer.
  if (start === undefined || pagination?.more_items_in_collection !== true) return { items, next: null, budget };
  const nextStart = pagination.next_start ?? start + items.length;
  if (items.length === 0) throw noProgress(PIPEDRIVE_LABEL, path, 'said more items follow but held none');
  if (nextStart <= start) throw noProgress(PIPEDRIVE_LABEL, path, `said the next page starts at ${nextStart}, not after ${start}`);
  return { items, next: { s: nextStart }, budget };
}

/** Whether a raw item says it was deleted, and its id, read without trusting its shape. */
export function deletedId(raw: unknown, deletedPhase = false): string | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const item = raw as { id?: unknown; is_deleted?: unknown; status?: unknown };
  if (!(deletedPhase || item.is_deleted === true || item.status === 'deleted')) return undefined;
  if (typeof item.id === 'number' && Number.isInteger(item.id)) return String(item.id);
  if (typeof item.id === 'string' && /^\d+$/.test(item.id)) return item.id;
  return undefined;
}
