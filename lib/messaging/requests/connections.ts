import type { ConnectOutcome, TestOutcome } from '../../connections/connect';
import type { ConnectionView } from '../../connections/views';
import { z } from '../../model/zod';
import { sourceField } from './shared';

const text = (max: number) => z.string().max(max).optional();

/** Options → Connections: list, connect, test and disconnect CRMs. Credentials go in, never come back out. */
export const CONNECTION_REQUESTS = [
  z.object({ type: z.literal('connections/list') }),
  z.object({
    type: z.literal('connections/connect'),
    input: z.object({
      crm: z.enum(['pipedrive', 'salesforce', 'hubspot', 'close', 'kommo', 'bitrix24']),
      method: z.enum(['session', 'token', 'oauth', 'webhook']),
      account: text(2048),
      token: text(4096),
      webhookUrl: text(2048),
      clientId: text(512),
      clientSecret: text(512),
      loginUrl: text(2048),
      apiBase: text(2048),
    }),
    /** The Salesforce authorization code from the options' OAuth window, with its PKCE verifier. */
    oauth: z.object({ code: z.string().min(1).max(4096), codeVerifier: z.string().min(43).max(128), redirectUri: z.string().url().max(2048) }).optional(),
  }),
  z.object({ type: z.literal('connections/test'), source: sourceField }),
  z.object({ type: z.literal('connections/disconnect'), source: sourceField, deleteData: z.boolean() }),
] as const;

/** A failed connect never returns the connection; a successful one returns only what a page may show. */
export type ConnectReply =
  | { ok: true; source: string; user?: { ownerId: string; name: string }; problem?: Extract<ConnectOutcome, { ok: false }>['problem'] }
  | Extract<ConnectOutcome, { ok: false }>;

export type ConnectionResponses = {
  'connections/list': { connections: ConnectionView[] };
  'connections/connect': ConnectReply;
  'connections/test': TestOutcome;
  'connections/disconnect': { removed: boolean; dataDeleted: boolean; permissionsRemoved: string[] };
};
