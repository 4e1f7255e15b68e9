import { browser } from 'wxt/browser';
import { CRM_IDS } from '../adapters/hosts';
import { z } from '../model/zod';
import type { Connection } from './types';
import { connectionVault, type ConnectionVault } from './vault';

const authSchema = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('session') }),
    z.object({ kind: z.literal('token'), token: z.string().min(1).max(500) }),
    z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(4000) }),
    z.object({ kind: z.literal('basic'), username: z.string().max(500), password: z.string().max(500) }),
    z.object({ kind: z.literal('webhook') }),
  ]),
);

const connectionSchema = z.lazy(() =>
  z.object({
    source: z.string().min(1).max(200),
    crm: z.enum(CRM_IDS),
    account: z.string().min(1).max(200),
    apiBase: z.string().url().max(2048),
    appUrl: z.string().url().max(2048),
    auth: authSchema,
    connectedAt: z.number(),
    details: z
      .object({
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .optional(),
        multiCurrency: z.boolean().optional(),
        portalId: z.string().max(40).optional(),
      })
      .optional(),
    oauth: z
      .object({
        clientId: z.string().min(1).max(500),
        clientSecret: z.string().min(1).max(500).optional(),
        loginUrl: z.string().url().max(2048),
        refreshToken: z.string().min(1).max(4000).optional(),
      })
      .optional(),
    user: z.object({ ownerId: z.string().min(1).max(200), name: z.string().max(500), at: z.number() }).optional(),
  }),
);

/** Where earlier versions kept the connections: `storage.local`, which content scripts can reach. */
const LEGACY_KEY = 'connections';

function parseEntry(entry: unknown): Connection[] {
  const parsed = connectionSchema.safeParse(entry);
  return parsed.success ? [parsed.data] : [];
}

/**
 * Moves connections that an earlier version kept in `storage.local` into the vault (a source
 * already in the vault keeps the vault's), then removes them from `storage.local`. Runs once per
 * background start, before the first read; damaged entries are dropped one by one.
 */
export async function moveLegacyConnections(): Promise<number> {
  const stored: unknown = (await browser.storage.local.get(LEGACY_KEY))[LEGACY_KEY];
  if (stored === undefined) return 0;
  const valid = Array.isArray(stored) ? stored.flatMap(parseEntry) : [];
  const vault = connectionVault();
  await vault.transaction('rw', vault.connections, async () => {
    for (const connection of valid) if (!(await vault.connections.get(connection.source))) await vault.connections.put(connection);
  });
  await browser.storage.local.remove(LEGACY_KEY);
  return valid.length;
}

let moved: Promise<void> | undefined;
async function openVault(): Promise<ConnectionVault> {
  moved ??= moveLegacyConnections().then(
    () => undefined,
    (error: unknown) => {
      moved = undefined; // tried again at the next use
      throw error;
    },
  );
  await moved;
  return connectionVault();
}

/**
 * The connected CRMs, kept in the extension's own IndexedDB (see vault.ts: out of reach of
 * content scripts; tokens never leave this machine). One bad entry is dropped on its own, never
 * the whole list.
 */
export async function listConnections(): Promise<Connection[]> {
  const vault = await openVault();
  return (await vault.connections.toArray()).flatMap(parseEntry);
}

export async function getConnection(source: string): Promise<Connection | undefined> {
  const vault = await openVault();
  return parseEntry(await vault.connections.get(source))[0];
}

export async function saveConnection(connection: Connection): Promise<void> {
  const valid = connectionSchema.parse(connection);
  const vault = await openVault();
  await vault.connections.put(valid);
}

/**
 * Changes a stored connection in place (details read once, a refreshed token,
 * the tested user) in one transaction, so two changes at once never drop each
 * other; nothing happens when it was removed in the meantime.
 */
export async function updateConnection(source: string, change: (current: Connection) => Connection): Promise<Connection | undefined> {
  const vault = await openVault();
  return vault.transaction('rw', vault.connections, async () => {
    const current = parseEntry(await vault.connections.get(source))[0];
    if (!current) return undefined;
    const next = connectionSchema.parse(change(current));
    if (next.source !== source) throw new Error('a connection keeps its source');
    await vault.connections.put(next);
    return next;
  });
}

export async function removeConnection(source: string): Promise<void> {
  const vault = await openVault();
  await vault.connections.delete(source);
}

/** Every connection gone (erase everything; tests). */
export async function forgetAllConnections(): Promise<void> {
  const vault = await openVault();
  await vault.connections.clear();
}
