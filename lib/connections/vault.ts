import Dexie, { type Table } from 'dexie';
import { assertExtensionContext } from '../db/db';

/**
 * Where connections (API keys, tokens, refresh tokens, Bitrix24 webhook URLs) are kept: an
 * IndexedDB database of the extension's own origin, apart from the records' database.
 *
 * Not `storage.local`: content scripts may read and write `storage.local` by default. Chromium can
 * close it to them (`setAccessLevel`, done at every worker start), but only once the worker runs,
 * and Firefox has no such switch (bug 1724754): there a content script reads `storage.local`
 * always. A content script's IndexedDB is the web page's, so this database is out of its reach in
 * every browser. Apart from the records' database so that "Delete synced data" (which deletes and
 * recreates that one) keeps the connections, as it always did.
 */
export const VAULT_DB_NAME = 'kpi-lens-vault';

export class ConnectionVault extends Dexie {
  /** Each entry a connection as stored, keyed by its `source`; validated on every read. */
  connections!: Table<{ source: string } & Record<string, unknown>, string>;

  constructor(name: string = VAULT_DB_NAME) {
    super(name);
    this.version(1).stores({ connections: 'source' });
  }
}

let vault: ConnectionVault | undefined;

/** The vault of this context (the background), opened on first use. */
export function connectionVault(): ConnectionVault {
  assertExtensionContext();
  vault ??= new ConnectionVault();
  return vault;
}
