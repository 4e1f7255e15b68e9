import { z } from '../model/zod';
import type { StoredSourceStatus } from '../db/status';
import type { PinnedResponse } from '../views/service';

/**
 * The one message protocol of KPI Lens. Every message is validated with
 * `safeParse` where it arrives, and the sender is checked against what it may
 * ask (see guard.ts): a CRM page can only say "I am open here"; reading,
 * exporting or deleting data is for the extension's own pages.
 */
const url = z.string().max(4096);
const source = z.string().min(1).max(200);

export const requestSchema = z.discriminatedUnion('type', [
  /** Content script → background: a supported CRM page is open in this tab. */
  z.object({ type: z.literal('page/opened'), url }),
  /** Extension pages → background. */
  z.object({ type: z.literal('status/get') }),
  z.object({ type: z.literal('sync/start'), source, full: z.boolean().optional() }),
  z.object({ type: z.literal('demo/load') }),
  z.object({ type: z.literal('data/delete-all') }),
  z.object({ type: z.literal('sidebar/toggle'), tabId: z.number().int().nonnegative().optional() }),
  /** The sidebar's pinned numbers, computed in the background where the data is. */
  z.object({
    type: z.literal('view/pinned'),
    source,
    view: z.enum(['personal', 'team']),
    period: z.enum(['today', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'custom']),
  }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/**
 * storage.session key the background bumps whenever a source's data changed (a
 * sync step, demo data loaded, data deleted); pages listen and ask again.
 */
export function dataVersionKey(source: string): string {
  return `data-version:${source}`;
}

/** storage.session key bumped when a source's sync status moved (progress, problem): cheap to follow. */
export function statusVersionKey(source: string): string {
  return `status-version:${source}`;
}

/** Messages the background sends to a content script. */
export const contentCommandSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('sidebar/toggle') })]);
export type ContentCommand = z.infer<typeof contentCommandSchema>;

export type SourceStatus = StoredSourceStatus & {
  source: string;
  crm: string;
  label: string;
};

export type Responses = {
  'view/pinned': PinnedResponse & { status: SourceStatus | null };
  'page/opened': { source: string | null };
  'status/get': { sources: SourceStatus[] };
  'sync/start': { started: boolean; reason?: string };
  'demo/load': { source: string; records: number };
  'data/delete-all': { deleted: true };
  'sidebar/toggle': { toggled: boolean };
};

export type Reply<T extends RequestType> = { ok: true; value: Responses[T] } | { ok: false; error: string };
