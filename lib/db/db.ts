import Dexie, { type Table } from 'dexie';
import type { Activity, Customer, Deal, Lead, MrrMovement, Owner, Pipeline, Product, Quota, Spend, Stage, Target, Team } from '../model';
import type { ColumnMeta, StoredChunk } from '../columns/chunk';
import type { ColumnType, Tier } from '../columns/spec';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { MetaEntry, QuarantineEntry, SyncObjectState } from './types';

type Key = [string, string];

export class KpiLensDb extends Dexie {
  owners!: Table<Owner, Key>;
  teams!: Table<Team, Key>;
  pipelines!: Table<Pipeline, Key>;
  stages!: Table<Stage, Key>;
  products!: Table<Product, Key>;
  customers!: Table<Customer, Key>;
  deals!: Table<Deal, Key>;
  activities!: Table<Activity, Key>;
  leads!: Table<Lead, Key>;
  mrrMovements!: Table<MrrMovement, Key>;
  spend!: Table<Spend, Key>;
  quotas!: Table<Quota, Key>;
  targets!: Table<Target, Key>;
  quarantine!: Table<QuarantineEntry, number>;
  syncState!: Table<SyncObjectState, string>;
  meta!: Table<MetaEntry, string>;
  columns!: Table<StoredChunk, [string, ColumnType, Tier | 'order' | 'ids', number]>;
  columnMeta!: Table<ColumnMeta, [string, ColumnType]>;

  constructor(name: string, versions: readonly SchemaVersion[]) {
    super(name);
    for (const { version, stores, upgrade } of versions) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
  }
}

/**
 * IndexedDB opened from a content script belongs to the CRM page's origin: the
 * CRM's own scripts could read it. The database is therefore only ever opened
 * from extension pages and the service worker (or Node in tests and the CLI).
 */
export function assertExtensionContext(location: { protocol: string } | undefined = globalThis.location): void {
  const protocol = location?.protocol;
  if (protocol === 'http:' || protocol === 'https:' || protocol === 'file:') {
    throw new Error(`KPI Lens data must not be opened from a web page (${protocol}); use the extension's pages or background.`);
  }
}

export function openDb(name: string = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): KpiLensDb {
  assertExtensionContext();
  return new KpiLensDb(name, versions);
}

/**
 * A full disk makes the browser close the database, and Dexie then keeps failing with the error of
 * its last open attempt. Opening again (before each request, cheap when open) lets KPI Lens recover
 * by itself once the rep has made room; while the cause lasts, the request fails with it.
 */
export async function reopenIfClosed(db: KpiLensDb): Promise<void> {
  if (!db.isOpen()) await db.open().catch(() => undefined);
}
