/**
 * CSV import of a 50 MB export, as the options page's worker runs it (the same engine, on Node's
 * Blob): the preview (a first pass over the whole file deciding each column's format), then the run
 * (one pass, with the preview's column profiles): throughput, the longest stretch without a progress
 * report (what the progress bar shows), and heap growth (the file is read 1 MB at a time).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runImport, type ImportSettings, previewImport } from '@/lib/import';
import { IMPORT_BATCH_MAX } from '@/lib/messaging';

const TARGET_BYTES = 50 * 1024 * 1024;
const STAGES = ['Won', 'Lost', 'Engaging', 'Prospecting'];
const OWNERS = ['Anna Snelling', 'Cecily Lampkin', 'Darcel Schlecht', 'Ирина Смирнова', 'Moses Frase'];

/** A Maven-shaped opportunity export (the columns of ../shared/datasets/maven-crm), some rows broken on purpose. */
function exportOf(bytes: number): { csv: string; rows: number } {
  const lines = ['opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value'];
  let size = lines[0]!.length + 1;
  let rows = 0;
  while (size < bytes) {
    const stage = STAGES[rows % STAGES.length]!;
    const closed = stage === 'Won' || stage === 'Lost';
    const day = String(1 + (rows % 28)).padStart(2, '0');
    const month = String(1 + (rows % 12)).padStart(2, '0');
    // Every 997th row has an amount no one can read: it must be reported, not imported.
    const value = rows % 997 === 0 ? '12x5' : closed ? String(100 + (rows % 9_000)) : '';
    const line = `OPP${rows.toString(36).toUpperCase().padStart(8, '0')},${OWNERS[rows % OWNERS.length]},GTX Pro,"Acme, Inc. ${rows % 500}",${stage},2017-${month}-${day},${closed ? `2017-${month}-${day}` : ''},${value}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
    rows += 1;
  }
  return { csv: `${lines.join('\n')}\n`, rows };
}

/** A real collection before each heap reading, so garbage waiting to be collected is not counted as held. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export async function benchImport(): Promise<Record<string, unknown>> {
  const gc = collector();
  const { csv, rows } = exportOf(TARGET_BYTES);
  const file = new Blob([csv], { type: 'text/csv' });
  const settings: ImportSettings = { source: 'csv:bench', timeZone: 'UTC', currency: 'USD', importedAt: 1, kind: 'deals' };
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  // The preview reads the whole file once to decide each column's format; the run then reads it once more.
  const previewStarted = performance.now();
  const preview = await previewImport(file, settings);
  const previewSeconds = (performance.now() - previewStarted) / 1000;
  const started = performance.now();
  let lastReport = started;
  let longestSilence = 0;
  let reports = 0;
  let batches = 0;
  let records = 0;
  const summary = await runImport(
    file,
    { ...settings, preset: preview.preset ?? undefined, profiles: preview.profiles },
    {
      batchMax: IMPORT_BATCH_MAX,
      onProgress: () => {
        const now = performance.now();
        longestSilence = Math.max(longestSilence, now - lastReport);
        lastReport = now;
        if ((reports += 1) % 25 === 0) {
          gc();
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
          lastReport = performance.now(); // the bench's own collection is not the importer's silence
        }
      },
      onBatch: async (batch) => {
        batches += 1;
        records += Object.values(batch).reduce((sum, list) => sum + (list?.length ?? 0), 0);
      },
    },
    preview.delimiter,
  );
  const seconds = (performance.now() - started) / 1000;
  const megabytes = file.size / (1024 * 1024);
  return {
    fileMb: Number(megabytes.toFixed(1)),
    rows,
    imported: summary.imported,
    rejected: summary.rejectCount,
    batches,
    records,
    previewSeconds: { value: Number(previewSeconds.toFixed(2)), unit: 's' },
    importSeconds: { value: Number(seconds.toFixed(2)), unit: 's' },
    throughputMbPerSecond: { value: Number((megabytes / seconds).toFixed(2)), unit: 'MB/s', budget: { min: 1 } },
    longestWithoutProgressMs: { value: Math.round(longestSilence), unit: 'ms', budget: { max: 2_000 } },
    // Live heap (after a collection) over the run, beyond the CSV the bench itself holds: what the importer keeps.
    heapHeldMb: { value: Number(((heapPeak - heapBefore) / (1024 * 1024)).toFixed(1)), unit: 'MB', budget: { max: 96 } },
  };
}
