import { createCsvReader } from './csv-reader';
import { createProfiler, type ColumnProfile } from './formats/profile';
import { ImportError } from './types';

/** What a first pass over a file learns: its header, delimiter, row count and what each column's values allow. */
export type CsvScan = { headers: string[]; delimiter: string; rows: number; profiles: ColumnProfile[] };

export type ScanProgress = { chars: number; totalChars?: number; rows: number };

/**
 * Reads a CSV once without making records, counting what every column's
 * values allow (number and date readings), so each column's format is decided
 * from all its values before the first record is made. Holds counts, not rows.
 */
export async function scanCsv(
  chunks: AsyncIterable<string>,
  options: { delimiter?: string; maxRowChars: number; totalChars?: number },
  onProgress?: (progress: ScanProgress) => void,
): Promise<CsvScan> {
  let headers: string[] | undefined;
  let profiler: ReturnType<typeof createProfiler> | undefined;
  let rows = 0;
  let badHeader: string | undefined;
  const reader = createCsvReader(
    { delimiter: options.delimiter, maxRowChars: options.maxRowChars },
    (row) => {
      if (row.cells.every((cell) => cell.trim() === '')) return;
      if (!headers) {
        headers = headerNames(row.cells);
        profiler = createProfiler(headers.length);
        return;
      }
      rows += 1;
      profiler!.add(row.cells);
    },
    (bad) => {
      if (!headers) badHeader ??= `the header line ${bad.line} cannot be read: ${bad.reason}`;
      else rows += 1;
    },
  );
  let chars = 0;
  for await (const chunk of chunks) {
    reader.push(chunk);
    chars += chunk.length;
    if (badHeader) throw new ImportError(badHeader);
    onProgress?.({ chars, totalChars: options.totalChars, rows });
  }
  reader.end();
  if (badHeader) throw new ImportError(badHeader);
  if (!headers || !profiler) throw new ImportError('the file is empty: no header line');
  return { headers, delimiter: reader.delimiter() ?? ',', rows, profiles: profiler.profiles() };
}

/** Header cells as column names: trimmed, and `Column N` where a header is blank. */
export function headerNames(cells: readonly string[]): string[] {
  return cells.map((cell, i) => cell.trim() || `Column ${i + 1}`);
}
