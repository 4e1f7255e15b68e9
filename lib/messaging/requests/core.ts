import type { StoredSourceStatus } from '../../db/status';
import { z } from '../../model/zod';
import { sourceField } from './shared';

/** Connecting pages, sync, demo data, deleting, the sidebar toggle. */
export const CORE_REQUESTS = [
  /** Content script → background: a supported CRM page is open in this tab. */
  z.object({ type: z.literal('page/opened'), url: z.string().max(4096) }),
  z.object({ type: z.literal('status/get') }),
  z.object({ type: z.literal('sync/start'), source: sourceField, full: z.boolean().optional() }),
  z.object({ type: z.literal('demo/load') }),
  z.object({ type: z.literal('data/delete-all') }),
  z.object({ type: z.literal('sidebar/toggle'), tabId: z.number().int().nonnegative().optional() }),
  /** The framed sidebar → background: the ticket in its URL, to learn it was framed by KPI Lens's own content script. */
  z.object({ type: z.literal('sidebar/claim'), ticket: z.string().max(100) }),
] as const;

export type SourceStatus = StoredSourceStatus & {
  source: string;
  /** The CRM, or where a file source came from: `csv` (a CSV import), `table` (a table read from a page), `demo`. */
  crm: string;
  label: string;
  /** A file source (CSV, table read from a page): when it was last imported. It is never synced. */
  importedAt?: number;
};

export type CoreResponses = {
  /** `ticket`: for the sidebar frame's URL (see entrypoints/background/frame-tickets.ts). */
  'page/opened': { source: string | null; ticket?: string };
  'status/get': { sources: SourceStatus[] };
  'sync/start': { started: boolean; reason?: string };
  'demo/load': { source: string; records: number };
  'data/delete-all': { deleted: true };
  'sidebar/toggle': { toggled: boolean };
  'sidebar/claim': { trusted: boolean };
};
