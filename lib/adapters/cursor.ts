import type { z } from '../model/zod';
import { CrmError } from './errors';

/**
 * Cursors are opaque to the sync engine; each adapter keeps the CRM's own paging
 * token (or offset) in a small JSON object together with whatever else a chain
 * needs (the phase of the object, the `since` window the chain started with, so a
 * chain keeps asking the question its first page asked).
 */
export function encodeCursor(state: Record<string, unknown>): string {
  return JSON.stringify(state);
}

/** Reads a stored cursor back; a damaged one is a bad-response the engine reports, never a crash. */
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
