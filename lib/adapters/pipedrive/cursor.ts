import { CrmError } from '../errors';
import type { z } from '../../model/zod';

/**
 * Cursors are opaque to the sync engine; Pipedrive's own paging token (or v1
 * offset) travels inside a small JSON object together with the phase of the
 * object (e.g. active → archived → deleted deals) and the `since` window the
 * chain started with, so a chain keeps asking the question its first page asked.
 */
export function encodeCursor(state: Record<string, unknown>): string {
  return JSON.stringify(state);
}

export function decodeCursor<T>(cursor: string | null, schema: z.ZodType<T>, crmLabel: string): T | null {
  if (cursor === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    throw new CrmError('bad-response', `the saved ${crmLabel} sync position is unreadable`, 'Start a full sync again from KPI Lens options.');
  }
  return result.data;
}
