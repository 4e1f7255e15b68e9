import type { ImportEngine } from './engine';
import { rejectedRowsCsv, runImport, previewImport } from '@/lib/import';
import { IMPORT_BATCH_MAX } from '@/lib/messaging';
import { ImportCancelled } from './worker-protocol';

/** The same engine on the page's own thread: for tests, and where workers are unavailable. */
export function createInlineEngine(): ImportEngine {
  return {
    preview: previewImport,
    run: (file, settings, delimiter, hooks, signal) =>
      runImport(
        file,
        settings,
        {
          onProgress: hooks.onProgress,
          batchMax: IMPORT_BATCH_MAX,
          onBatch: async (batch) => {
            if (signal?.aborted) throw new ImportCancelled();
            await hooks.onBatch(batch);
          },
        },
        delimiter,
      ),
    rejectedCsv: rejectedRowsCsv,
    dispose: () => {},
  };
}
