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
});

/** The connected CRMs, kept in extension storage (tokens never leave this machine). */
export async function listConnections(): Promise<Connection[]> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = z.array(connectionSchema).safeParse(stored ?? []);
  return parsed.success ? parsed.data : [];
}

export async function getConnection(source: string): Promise<Connection | undefined> {
  return (await listConnections()).find((connection) => connection.source === source);
}

export async function saveConnection(connection: Connection): Promise<void> {
  const valid = connectionSchema.parse(connection);
  const others = (await listConnections()).filter((existing) => existing.source !== valid.source);
  await browser.storage.local.set({ [KEY]: [...others, valid] });
}

export async function removeConnection(source: string): Promise<void> {
  await browser.storage.local.set({ [KEY]: (await listConnections()).filter((existing) => existing.source !== source) });
}
