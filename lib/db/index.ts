/** The public face of lib/db: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export {
  countByType,
  countStored,
  type ObjectStatus,
  objectStatuses,
  type StoredCounts,
  storedSourceStatus,
  type StoredSourceStatus,
  summariseStates,
} from './status';
export { type QuarantineEntry } from './types';
export { capRawPayload, DB_NAME, RECORD_TABLES, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
export { KpiLensDb, openDb, reopenIfClosed } from './db';
export { batchTypes, countAll, countRecords, deleteRecord, deleteSource, putBatch, recordTable, tablesOf, upsertRecords } from './records';
export { readRecordsById, readWholeSource, readWholeTable } from './whole-records';
export { describeFailure, storageProblemOf, STORAGE_FULL_PROBLEM } from './failure';
export {
  checkContinuity,
  type Continuity,
  DATABASE_DISCARDED_KEY,
  DATABASE_MARK_KEY,
  type DiscardedNotice,
  forgetDatabaseMark,
  readDiscardedNotice,
  watchContinuity,
} from './continuity';
export { loadKpiData, loadLateTables, reloadColumnRecords } from './load';
export { createColumnBuilder } from './column-builder';
export { saveOrders } from './columns';
export { forgetSlotIndexes } from './slot-index';
