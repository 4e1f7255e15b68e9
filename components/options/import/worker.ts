import { rejectedRowsCsv, runImport, previewImport } from '@/lib/import';
import { IMPORT_BATCH_MAX } from '@/lib/messaging';
import { ImportCancelled, type FromWorker, type ToWorker } from './worker-protocol';

/**
 * The import worker: parsing and mapping a CSV (up to 50 MB and more) happen
 * here, off the options page's thread. Records go back in batches; each batch
 * waits until the page has handed it to the background (the single writer),
 * so memory stays flat however big the file is.
 */
const scope = globalThis as unknown as { onmessage: ((event: MessageEvent<ToWorker>) => void) | null; postMessage(message: FromWorker): void };
const acks = new Map<number, () => void>();
const cancelled = new Set<number>();

scope.onmessage = (event) => {
  const message = event.data;
  const { id } = message;
  if (message.type === 'ack') {
    acks.get(id)?.();
    return;
  }
  if (message.type === 'cancel') {
    cancelled.add(id);
    acks.get(id)?.();
    return;
  }
  void handle(message)
    .catch((error: unknown) =>
      scope.postMessage({ id, type: 'error', message: error instanceof Error ? error.message : String(error), cancelled: error instanceof ImportCancelled }),
    )
    .finally(() => {
      cancelled.delete(id);
      acks.delete(id);
    });
};

async function handle(message: Exclude<ToWorker, { type: 'ack' | 'cancel' }>): Promise<void> {
  const { id } = message;
  if (message.type === 'preview') {
    scope.postMessage({ id, type: 'preview', preview: await previewImport(message.file, message.settings) });
    return;
  }
  if (message.type === 'rejected-csv') {
    scope.postMessage({ id, type: 'csv', text: await rejectedRowsCsv(message.file, message.rejects, message.delimiter) });
    return;
  }
  const summary = await runImport(
    message.file,
    message.settings,
    {
      onProgress: (progress) => scope.postMessage({ id, type: 'progress', progress }),
      batchMax: IMPORT_BATCH_MAX,
      onBatch: async (batch) => {
        if (cancelled.has(id)) throw new ImportCancelled();
        const written = new Promise<void>((resolve) => acks.set(id, resolve));
        scope.postMessage({ id, type: 'batch', batch });
        await written;
        acks.delete(id);
        if (cancelled.has(id)) throw new ImportCancelled();
      },
    },
    message.delimiter,
  );
  scope.postMessage({ id, type: 'done', summary });
}
