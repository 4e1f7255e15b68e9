/** The public face of lib/sync: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export { dexieSyncStore } from './dexie-store';
export { isRunActive, type SyncJob, type SyncProblem } from './engine';
export { type SyncStepWrite } from './store';
export { createSyncScheduler } from './scheduler';
export { runSync } from './runner';
