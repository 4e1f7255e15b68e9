import type { ApiBudget } from '../adapters/types';
import type { PagerTrail } from '../adapters/pager';
import type { RecordType } from '../model';

/** A record that failed validation: kept with its raw payload and the reason, never dropped silently. */
export type QuarantineEntry = {
  id?: number;
  source: string;
  recordType: RecordType | 'unknown';
  externalId?: string;
  /** The raw payload as JSON text, capped (see QUARANTINE_RAW_LIMIT). */
  rawJson: string;
  reason: string;
  at: number;
};

export type SyncPhase = 'idle' | 'running' | 'waiting' | 'done' | 'error' | 'paused';

/** Where a source's sync of one object stands; written in the same transaction as the records. */
export type SyncObjectState = {
  /** `<source>/<object>`. */
  key: string;
  source: string;
  object: string;
  /** Opaque adapter cursor of the next page; null when the object is done or not started. */
  cursor: string | null;
  /** The `since` of the run in progress (null = full sync). */
  runSince: number | null;
  /** Where the next incremental run starts: a margin before the last completed run began. */
  highWater: number | null;
  phase: SyncPhase;
  recordsThisRun: number;
  rejectsThisRun: number;
  totalEstimate?: number;
  /** When the run in progress started (local clock); the next incremental run starts a margin before it. */
  runStartedAt: number | null;
  lastCompletedAt?: number;
  /** Consecutive failed attempts of the current step, for backoff. */
  attempts: number;
  /** Do not try before this time (rate limit, backoff, exhausted budget). */
  waitUntil?: number;
  /** The CRM's API allocation as last reported (Pipedrive token budget, Salesforce API requests). */
  budget?: ApiBudget;
  /** Pages read in the current chain and the positions they asked for (lib/adapters/pager.ts), so a looping CRM is stopped. */
  pager?: PagerTrail;
  /** The last problem, with what the rep can do about it. */
  error?: { kind: string; message: string; userAction: string; at: number };
  /** What the object's last completed chain left for its next run (FetchedPage.carry), opaque. */
  carry?: string;
  updatedAt: number;
};

export type MetaEntry = { key: string; value: unknown };
