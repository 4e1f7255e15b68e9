import type { ImportSettings, RunHooks, RunSummary, Preview, RowReject } from '@/lib/import';
import { ImportCancelled, type FromWorker, type ToWorker } from './worker-protocol';

/** What the page hears of a run: progress, and batches to hand to the background (their size is the engine's). */
export type PageRunHooks = Omit<RunHooks, 'batchMax'>;

/** Reads, maps and previews CSV files for the options page; the real one runs in a worker. */
export type ImportEngine = {
  preview(file: Blob, settings: ImportSettings): Promise<Preview>;
  /** Resolves with the summary, or rejects with ImportCancelled when `signal` aborts (what was written stays). */
  run(file: Blob, settings: ImportSettings, delimiter: string, hooks: PageRunHooks, signal?: AbortSignal): Promise<RunSummary>;
  rejectedCsv(file: Blob, rejects: readonly RowReject[], delimiter: string): Promise<string>;
  dispose(): void;
};

/**
 * The engine in a module worker (built by Vite into the extension as its own
 * file, allowed by MV3's `script-src 'self'`), so a 50 MB file never blocks the page.
 */
export function createWorkerEngine(): ImportEngine {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  const jobs = new Map<number, (message: FromWorker) => void>();
  let nextId = 0;
  worker.onmessage = (event: MessageEvent<FromWorker>) => jobs.get(event.data.id)?.(event.data);
  const post = (message: ToWorker) => worker.postMessage(message);
  const job = <T>(start: (id: number) => ToWorker, onMessage: (message: FromWorker, id: number, settle: (value: T) => void) => void): Promise<T> => {
    const id = (nextId += 1);
    return new Promise<T>((resolve, reject) => {
      const settle = (value: T) => {
        jobs.delete(id);
        resolve(value);
      };
      jobs.set(id, (message) => {
        if (message.type === 'error') {
          jobs.delete(id);
          reject(message.cancelled ? new ImportCancelled() : new Error(message.message));
        } else onMessage(message, id, settle);
      });
      post(start(id));
    });
  };
  return {
    preview: (file, settings) =>
      job(
        (id) => ({ id, type: 'preview', file, settings }),
        (message, _id, settle) => message.type === 'preview' && settle(message.preview),
      ),
    run: (file, settings, delimiter, hooks, signal) => {
      // A batch the background refused stops the worker; the run then fails with the background's reason.
      let failure: unknown;
      return job<RunSummary>(
        (id) => {
          signal?.addEventListener('abort', () => post({ id, type: 'cancel' }), { once: true });
          return { id, type: 'run', file, settings, delimiter };
        },
        (message, id, settle) => {
          if (message.type === 'progress') hooks.onProgress(message.progress);
          if (message.type === 'done') settle(message.summary);
          if (message.type === 'batch') {
            void hooks.onBatch(message.batch).then(
              () => post({ id, type: 'ack' }),
              (error: unknown) => {
                failure = error;
                post({ id, type: 'cancel' });
              },
            );
          }
        },
      ).catch((error: unknown) => {
        throw failure ?? error;
      });
    },
    rejectedCsv: (file, rejects, delimiter) =>
      job(
        (id) => ({ id, type: 'rejected-csv', file, rejects: [...rejects], delimiter }),
        (message, _id, settle) => message.type === 'csv' && settle(message.text),
      ),
    dispose: () => worker.terminate(),
  };
}

export function defaultEngine(): ImportEngine {
  return createWorkerEngine();
}
