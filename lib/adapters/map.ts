import { parseRecord, type RecordByType, type RecordType } from '../model';
import type { RecordBatch, Reject } from './types';

/** What a mapper makes of one raw item: a candidate record of a type, or a reason to reject it. */
export type Mapped<K extends RecordType = RecordType> = { type: K; candidate: unknown } | { type: K | 'unknown'; reject: string; externalId?: string };

/**
 * Runs raw CRM items through a mapper and the canonical schema. Valid records
 * land in the batch; everything else becomes a Reject carrying the raw payload
 * and the reason, for the quarantine. A mapper that throws rejects only its item.
 */
export function mapItems(items: readonly unknown[], mapper: (raw: unknown) => Mapped | readonly Mapped[]): { records: RecordBatch; rejects: Reject[] } {
  const records: RecordBatch = {};
  const rejects: Reject[] = [];
  for (const raw of items) {
    let outcomes: readonly Mapped[];
    try {
      const result = mapper(raw);
      outcomes = Array.isArray(result) ? result : [result as Mapped];
    } catch (error) {
      rejects.push({ recordType: 'unknown', raw, reason: `could not be read: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    for (const outcome of outcomes) {
      if ('reject' in outcome) {
        rejects.push({ recordType: outcome.type, externalId: outcome.externalId, raw, reason: outcome.reject });
        continue;
      }
      const parsed = parseRecord(outcome.type, outcome.candidate);
      if (parsed.ok) {
        const list = (records[outcome.type] ??= []) as RecordByType[typeof outcome.type][];
        list.push(parsed.record);
      } else {
        const externalId = (outcome.candidate as { externalId?: unknown } | null)?.externalId;
        rejects.push({
          recordType: outcome.type,
          externalId: typeof externalId === 'string' ? externalId : undefined,
          raw,
          reason: parsed.reason,
        });
      }
    }
  }
  return { records, rejects };
}

/** Cuts text to a schema's limit instead of rejecting a whole deal over a long title. */
export function clip(text: string | null | undefined, max: number): string | undefined {
  if (text === null || text === undefined) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** ISO 8601 (or `YYYY-MM-DD HH:MM:SS` treated as UTC, as several CRMs send) to ms; undefined when unreadable. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
