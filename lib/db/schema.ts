import type { Table, Transaction } from 'dexie';
import type { RecordType } from '../model';
import { moveRecordsIntoColumns } from './migrate-v4';
import { addStageMoves } from './migrate-v5';

export const DB_NAME = 'kpi-lens';

/** The table each record type lives in. */
export const RECORD_TABLES = {
  owner: 'owners',
  team: 'teams',
  pipeline: 'pipelines',
  stage: 'stages',
  product: 'products',
  customer: 'customers',
  deal: 'deals',
  activity: 'activities',
  lead: 'leads',
  mrrMovement: 'mrrMovements',
  spend: 'spend',
  quota: 'quotas',
  target: 'targets',
} as const satisfies Record<RecordType, string>;
export type RecordTable = (typeof RECORD_TABLES)[RecordType];

export type SchemaVersion = {
  version: number;
  /** Dexie store declarations; `null` deletes a table. */
  stores: Record<string, string | null>;
  /** Rewrites existing data for the new layout; runs inside the upgrade transaction. */
  upgrade?: (tx: Transaction) => Promise<void>;
};

/**
 * Every record table is keyed by `[source+externalId]`, so a re-sync upserts.
 * The compound indexes serve the KPI queries: a period per source
 * (`[source+closedAt]`), the same per owner (`[source+ownerId+closedAt]`), open
 * deals per owner (`[source+ownerId+status]`), activities per deal (stale deals).
 */
const V1_STORES: Record<string, string> = {
  owners: '[source+externalId], source',
  teams: '[source+externalId], source',
  pipelines: '[source+externalId], source',
  stages: '[source+externalId], source',
  products: '[source+externalId], source',
  customers: '[source+externalId], source, [source+acquiredAt], [source+churnedAt]',
  deals:
    '[source+externalId], source, [source+status], [source+ownerId+status], [source+closedAt], [source+ownerId+closedAt], [source+createdAt], [source+ownerId+createdAt]',
  activities: '[source+externalId], source, [source+occurredAt], [source+ownerId+occurredAt], [source+dealId]',
  leads: '[source+externalId], source, [source+createdAt], [source+ownerId+createdAt], [source+convertedAt]',
  mrrMovements: '[source+externalId], source, [source+at], [source+customerId]',
  spend: '[source+externalId], source',
  quotas: '[source+externalId], source',
  targets: '[source+externalId], source',
  quarantine: '++id, source, at',
  syncState: 'key, source',
  meta: 'key',
};

/** Largest raw payload kept in quarantine; enough to diagnose, not enough to fill the disk. */
export const QUARANTINE_RAW_LIMIT = 16_384;

/** A raw payload as capped JSON text; anything JSON cannot hold is described instead. */
export function capRawPayload(raw: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(raw) ?? String(raw);
  } catch (error) {
    text = `unserialisable payload: ${error instanceof Error ? error.message : String(error)}`;
  }
  return text.length > QUARANTINE_RAW_LIMIT ? `${text.slice(0, QUARANTINE_RAW_LIMIT)}… (${text.length} characters)` : text;
}

/**
 * v3: the column store (lib/db/columns.ts). Activities, deals and leads are indexed by the engine's
 * columns, so their tables keep only the primary key (a source's records are its key range): the
 * per-period and per-owner indexes and the `source` index go, which is most of what an activity
 * cost on disk. `columns` holds the chunks, `columnMeta` where each source's type stands. Existing
 * data gets its columns from a resumable builder after the upgrade (with progress, in the status):
 * this upgrade only marks every source that has records of those types as `building`.
 */
const V3_STORES: Record<string, string | null> = {
  activities: '[source+externalId]',
  deals: '[source+externalId]',
  leads: '[source+externalId]',
  columns: '[source+type+tier+chunk]',
  columnMeta: '[source+type]',
};

/** The sources a table keyed by `[source+externalId]` holds, one short cursor read per source (no `source` index needed). */
export async function sourcesIn(table: Table): Promise<string[]> {
  const sources: string[] = [];
  let key = (await table.orderBy(':id').first()) as { source: string } | undefined;
  while (key) {
    sources.push(key.source);
    key = (await table
      .where(':id')
      .above([key.source, [[]]])
      .first()) as { source: string } | undefined;
  }
  return sources;
}

const COLUMN_TABLES = [
  ['activity', 'activities'],
  ['deal', 'deals'],
  ['lead', 'leads'],
] as const;

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: V1_STORES },
  {
    // v2: quarantine keeps the raw payload as capped JSON text (v1 kept the object,
    // so one huge hostile payload could eat the quota), and is indexed by record so
    // a record that later syncs valid clears its own quarantine entry.
    version: 2,
    stores: { quarantine: '++id, source, at, [source+recordType+externalId]' },
    upgrade: async (tx) => {
      await tx
        .table('quarantine')
        .toCollection()
        .modify((entry: { raw?: unknown; rawJson?: string; recordType?: string; objectType?: string }) => {
          if (entry.rawJson === undefined) entry.rawJson = capRawPayload(entry.raw);
          delete entry.raw;
          entry.recordType ??= entry.objectType ?? 'unknown';
          delete entry.objectType;
        });
    },
  },
  {
    version: 3,
    stores: V3_STORES,
    upgrade: async (tx) => {
      for (const [type, name] of COLUMN_TABLES) {
        for (const source of await sourcesIn(tx.table(name))) {
          // The count is the progress bar's whole from the first status on (a key-range count: no record read).
          const total = await tx
            .table(name)
            .where(':id')
            .between([source], [source, [[]]])
            .count();
          await tx.table('columnMeta').put({ source, type, state: 'building', slots: 0, alive: 0, generation: 0, cursor: null, built: 0, total });
        }
      }
    },
  },
  // v4: those records live in the column store alone (lib/db/migrate-v4.ts); no store changes, only data.
  { version: 4, stores: {}, upgrade: (tx) => moveRecordsIntoColumns(tx, COLUMN_TABLES) },
  // v5: the deals' hot chunks keep each deal's latest stage move (lib/db/migrate-v5.ts); only data.
  { version: 5, stores: {}, upgrade: (tx) => addStageMoves(tx) },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
