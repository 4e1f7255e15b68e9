import type { ImportEngine } from './engine';
import { previewImport, rejectedRowsCsv, runImport } from './engine-core';
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
