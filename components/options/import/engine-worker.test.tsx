// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from '@/lib/messaging';
import { createWorkerEngine } from './engine';
import type { ImportSettings } from '@/lib/import';
import { ImportCancelled, type FromWorker, type ToWorker } from './worker-protocol';

/**
 * The worker path without a browser: worker.ts runs in this process, and a
 * stand-in Worker class carries the messages both ways (asynchronously, as a
 * real worker does), so the page side (engine.ts) and the worker side
 * (worker.ts) speak the real protocol to each other.
 */
type Scope = { onmessage: ((event: { data: ToWorker }) => void) | null; postMessage: (message: FromWorker) => void };
const scope = globalThis as unknown as Scope;
let page: ((event: { data: FromWorker }) => void) | null = null;
const posted: ToWorker['type'][] = [];

class StandInWorker {
  onmessage: ((event: { data: FromWorker }) => void) | null = null;
  constructor(url: URL) {
    expect(url.pathname.endsWith('/worker.ts')).toBe(true);
    page = (event) => this.onmessage?.(event);
  }
  postMessage(message: ToWorker) {
    posted.push(message.type);
    setTimeout(() => scope.onmessage?.({ data: message }), 0);
  }
  terminate() {}
}

beforeAll(async () => {
  scope.postMessage = (message) => setTimeout(() => page?.({ data: message }), 0);
  (globalThis as { Worker?: unknown }).Worker = StandInWorker;
  await import('./worker');
});

const SETTINGS: ImportSettings = { source: 'csv:w', timeZone: 'UTC', currency: 'USD', importedAt: 1 };
/** 5,000 deals: three batches of at most 2,000, then the owners. */
const ROWS = 5_000;
const FILE = new Blob([['id,owner,amount,stage', ...Array.from({ length: ROWS }, (_, i) => `${i},rep${i % 3},${i},Won`)].join('\n')]);

async function accepted() {
  const engine = createWorkerEngine();
  const preview = await engine.preview(FILE, SETTINGS);
  return { engine, preview, settings: { ...SETTINGS, kind: preview.kind, preset: 'none' as const, columns: preview.columns, headers: preview.headers } };
}

describe('the import worker', () => {
  it('previews and imports through messages, one batch in flight at a time', async () => {
    const { engine, preview, settings } = await accepted();
    expect(preview.sample.deals).toHaveLength(8);
    let inFlight = 0;
    let most = 0;
    const batches: ImportBatch[] = [];
    const summary = await engine.run(FILE, settings, preview.delimiter, {
      onProgress: () => {},
      onBatch: async (batch) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        batches.push(batch);
        inFlight -= 1;
      },
    });
    expect([summary.rows, summary.imported]).toEqual([ROWS, ROWS]);
    expect(most).toBe(1);
    expect(batches.flatMap((batch) => batch.deals ?? [])).toHaveLength(ROWS);
    expect(batches.flatMap((batch) => batch.owners ?? [])).toHaveLength(3);
    expect(posted.filter((type) => type === 'ack')).toHaveLength(batches.length);
    engine.dispose();
  });

  it('stops when the rep stops: no batch after the stop, and the run ends as stopped', async () => {
    const { engine, preview, settings } = await accepted();
    const controller = new AbortController();
    let batches = 0;
    const run = engine.run(
      FILE,
      settings,
      preview.delimiter,
      {
        onProgress: () => {},
        onBatch: async () => {
          batches += 1;
          controller.abort();
        },
      },
      controller.signal,
    );
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    expect(batches).toBe(1);
  });

  it("fails with the background's reason when it refuses a batch", async () => {
    const { engine, preview, settings } = await accepted();
    const run = engine.run(FILE, settings, preview.delimiter, {
      onProgress: () => {},
      onBatch: async () => {
        throw new Error('refused: the database is full');
      },
    });
    await expect(run).rejects.toThrow('refused: the database is full');
  });

  it('builds the CSV of rows not imported', async () => {
    const engine = createWorkerEngine();
    const text = await engine.rejectedCsv(new Blob(['a,b\n1,2\n3,4\n']), [{ line: 3, reason: 'bad' }], ',');
    expect(text).toBe('Line,Reason,a,b\r\n3,bad,3,4\r\n');
  });
});
