import { browser } from 'wxt/browser';
import { CRM_IDS } from '../adapters/hosts';
import { z } from '../model/zod';
import type { Connection } from './types';

const KEY = 'connections';

const authSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session') }),
  z.object({ kind: z.literal('token'), token: z.string().min(1).max(500) }),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(4000) }),
  z.object({ kind: z.literal('basic'), username: z.string().max(500), password: z.string().max(500) }),
  z.object({ kind: z.literal('webhook') }),
]);

const connectionSchema = z.object({
  source: z.string().min(1).max(200),
  crm: z.enum(CRM_IDS),
  account: z.string().min(1).max(200),
  apiBase: z.string().url().max(2048),
  appUrl: z.string().url().max(2048),
  auth: authSchema,
  connectedAt: z.number(),
  details: z
    .object({
      currency: z.string().regex(/^[A-Z]{3}$/).optional(),
      multiCurrency: z.boolean().optional(),
      portalId: z.string().max(40).optional(),
    })
    .optional(),
  oauth: z.object({ clientId: z.string().min(1).max(500), clientSecret: z.string().min(1).max(500).optional(), loginUrl: z.string().url().max(2048), refreshToken: z.string().min(1).max(4000).optional() }).optional(),
  user: z.object({ ownerId: z.string().min(1).max(200), name: z.string().max(500), at: z.number() }).optional(),
});

/**
 * The connected CRMs, kept in extension storage (tokens never leave this
 * machine). One bad entry is dropped on its own, never the whole list.
 */
export async function listConnections(): Promise<Connection[]> {
  const stored: unknown = (await browser.storage.local.get(KEY))[KEY];
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = connectionSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function getConnection(source: string): Promise<Connection | undefined> {
  return (await listConnections()).find((connection) => connection.source === source);
}

/**
 * Writes are read-modify-write of one list: they run one after another, so two
 * changes at once (a page auto-connecting while a sync caches account details)
 * never drop each other.
 */
let writes: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = writes.then(task, task);
  writes = run.catch(() => undefined);
  return run;
}

async function write(source: string, next: Connection | null): Promise<void> {
  const others = (await listConnections()).filter((existing) => existing.source !== source);
  await browser.storage.local.set({ [KEY]: next ? [...others, next] : others });
}

export async function saveConnection(connection: Connection): Promise<void> {
  const valid = connectionSchema.parse(connection);
  return serially(() => write(valid.source, valid));
}

/**
 * Changes a stored connection in place (details read once, a refreshed token,
 * the tested user); nothing happens when it was removed in the meantime.
 */
export function updateConnection(source: string, change: (current: Connection) => Connection): Promise<Connection | undefined> {
  return serially(async () => {
    const current = await getConnection(source);
    if (!current) return undefined;
    const next = connectionSchema.parse(change(current));
    await write(source, next);
    return next;
  });
}

export function removeConnection(source: string): Promise<void> {
  return serially(() => write(source, null));
}
