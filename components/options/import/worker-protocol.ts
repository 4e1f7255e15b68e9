import type { ImportSettings, RunProgress, RunSummary, Preview, RowReject } from '@/lib/import';
import type { ImportBatch } from '@/lib/messaging';

/** Options page → import worker. Every job has an id; a batch waits for its `ack` before the file is read on. */
export type ToWorker =
  | { id: number; type: 'preview'; file: Blob; settings: ImportSettings }
  | { id: number; type: 'run'; file: Blob; settings: ImportSettings; delimiter: string }
  | { id: number; type: 'rejected-csv'; file: Blob; rejects: RowReject[]; delimiter: string }
  | { id: number; type: 'ack' }
  | { id: number; type: 'cancel' };

/** Import worker → options page. */
export type FromWorker =
  | { id: number; type: 'preview'; preview: Preview }
  | { id: number; type: 'progress'; progress: RunProgress }
  | { id: number; type: 'batch'; batch: ImportBatch }
  | { id: number; type: 'done'; summary: RunSummary }
  | { id: number; type: 'csv'; text: string }
  | { id: number; type: 'error'; message: string; cancelled?: boolean };

/** The rep stopped the import; what was written so far stays. */
export class ImportCancelled extends Error {
  override readonly name = 'ImportCancelled';
  constructor() {
    super('stopped');
  }
}
