import { z } from '../model/zod';

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
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

/** Messages the background sends to a content script. */
export const contentCommandSchema = z.discriminatedUnion('type', [z.object({ type: z.literal('sidebar/toggle') })]);
export type ContentCommand = z.infer<typeof contentCommandSchema>;

export type SourceStatus = {
  source: string;
  crm: string;
  label: string;
  records: number;
  quarantined: number;
  lastSyncAt?: number;
  syncing: boolean;
  problem?: { message: string; userAction: string };
};

export type Responses = {
  'page/opened': { source: string | null };
  'status/get': { sources: SourceStatus[] };
  'sync/start': { started: boolean; reason?: string };
  'demo/load': { source: string; records: number };
  'data/delete-all': { deleted: true };
  'sidebar/toggle': { toggled: boolean };
};

export type Reply<T extends RequestType> = { ok: true; value: Responses[T] } | { ok: false; error: string };
