import { basename } from 'node:path';
import { importCsv, ImportError, type ImportOptions, type ImportResult } from '../import';
import type { KpiData } from '../kpi/types';
import { emptyKpiData } from '../kpi';
import { parseRecord, type RecordType } from '../model';
import { listValues, mapPairs } from './args';
import { readingOptions, type ReadingFlags } from './reading';
import { UsageError, type CliIO } from './types';

/** The KpiData keys a `--data` JSON file may hold, and the record type of their items. */
export const DATA_KEYS = {
  owners: 'owner',
  teams: 'team',
  pipelines: 'pipeline',
  stages: 'stage',
  products: 'product',
  deals: 'deal',
  activities: 'activity',
  leads: 'lead',
  customers: 'customer',
  mrrMovements: 'mrrMovement',
  spend: 'spend',
  quotas: 'quota',
  targets: 'target',
} as const satisfies Record<keyof KpiData, RecordType>;

export type DataReject = { where: string; reason: string };

export type LoadedData = {
  data: KpiData;
  /** What the file gave: for a CSV, the import's own account; for JSON, the records and rejects. */
  csv?: ImportResult;
  rejects: DataReject[];
  rejectCount: number;
  notes: string[];
};

/** Imports a CSV export from a file, streamed when the IO can stream. Unreadable files and unusable options are usage errors. */
export async function loadCsv(file: string, options: Omit<ImportOptions, 'source'>, io: CliIO): Promise<LoadedData> {
  const source = `csv:${basename(file).replace(/\.[^.]*$/, '') || 'import'}`.slice(0, 200);
  let result: ImportResult;
  try {
    const text = io.readTextChunks ? io.readTextChunks(file) : await io.readFile(file);
    result = await importCsv(text, { ...options, source });
  } catch (error) {
    throw asUsageError(error, file);
  }
  const data = emptyKpiData();
  const { records } = result;
  Object.assign(data, {
    deals: records.deals,
    owners: records.owners,
    products: records.products,
    customers: records.customers,
    activities: records.activities,
    leads: records.leads,
  });
  return {
    data,
    csv: result,
    rejects: result.rejects.map((reject) => ({ where: `line ${reject.line}`, reason: reject.reason })),
    rejectCount: result.rejectCount,
    notes: result.warnings.map((warning) => warning.message),
  };
}

/**
 * Reads a JSON file of canonical records keyed like KpiData (`{ "deals": [...],
 * "owners": [...] }`); every record goes through the model's schema, and the
 * ones that fail are reported by key and index, never used.
 */
const SYNC_METADATA_KEYS = new Set(['quarantine', 'sync']);

export async function loadJson(file: string, io: CliIO): Promise<LoadedData> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await io.readFile(file));
  } catch (error) {
    if (error instanceof SyntaxError) throw new UsageError(`${file} is not valid JSON: ${error.message}`);
    throw asUsageError(error, file);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`${file} must hold a JSON object such as { "deals": [...] }`);
  const data = emptyKpiData();
  const rejects: DataReject[] = [];
  const notes: string[] = [];
  let rejectCount = 0;
  for (const [key, value] of Object.entries(parsed)) {
    // `kpi-lens sync` writes what it could not read and how the sync went beside the records.
    if (SYNC_METADATA_KEYS.has(key)) continue;
    if (!Object.hasOwn(DATA_KEYS, key)) {
      notes.push(`ignored "${key}": not a kind of record (expected ${Object.keys(DATA_KEYS).join(', ')})`);
      continue;
    }
    const dataKey = key as keyof typeof DATA_KEYS;
    if (!Array.isArray(value)) throw new UsageError(`"${key}" in ${file} must be an array of records`);
    const list = data[dataKey] as unknown[];
    value.forEach((item: unknown, index) => {
      const result = parseRecord(DATA_KEYS[dataKey], item);
      if (result.ok) list.push(result.record);
      else {
        rejectCount += 1;
        if (rejects.length < 1000) rejects.push({ where: `${key}[${index}]`, reason: result.reason });
      }
    });
  }
  return { data, rejects, rejectCount, notes };
}

function asUsageError(error: unknown, file: string): Error {
  if (error instanceof ImportError) return new UsageError(`${file}: ${error.message}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return new UsageError(`cannot read ${file}: no such file`);
  if (code === 'EISDIR') return new UsageError(`cannot read ${file}: it is a directory`);
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`cannot read ${file}: permission denied`);
  if (typeof code === 'string') return new UsageError(`cannot read ${file}: ${code}`);
  return error instanceof Error ? error : new Error(String(error));
}

/** The flags every data command (`kpis`, `forecast`, `summary`) reads its data with: a CSV export and how to read it, or a JSON file. */
export type DataFlags = ReadingFlags & { csv?: string; data?: string; map?: string[]; won?: string[]; lost?: string[]; currency?: string };

/** The data of a command: the CSV read with the reading flags (stamped with the run's instant), else the JSON file. */
export async function loadFromFlags(flags: DataFlags, timeZone: string, io: CliIO): Promise<LoadedData> {
  if (flags.csv === undefined) return loadJson(flags.data ?? '', io);
  return loadCsv(
    flags.csv,
    {
      timeZone,
      ...readingOptions(flags),
      map: mapPairs(flags.map),
      won: listValues(flags.won),
      lost: listValues(flags.lost),
      currency: flags.currency,
      importedAt: io.now(),
    },
    io,
  );
}
