import type { ApiBudget } from '../adapters/types';
import { latestBudget, type ObjectStatus, type StoredSourceStatus } from '../db/status';
import type { RecordType } from '../model';
import { CRM_CATALOG, isConnectable, type ConnectMethod } from './catalog';
import type { Connection } from './types';

/**
 * A connection as the options page shows it. Built in the background; carries
 * no credential, only a hint of which one (the last characters of a token, the
 * portal of a webhook) so the rep can tell two apart.
 */
export type ConnectionView = {
  source: string;
  crm: Connection['crm'];
  label: string;
  account: string;
  method: ConnectMethod;
  credentialHint?: string;
  connectedAt: number;
  user?: { ownerId: string; name: string; at: number };
  status: StoredSourceStatus;
  objects: ObjectStatus[];
  budget?: ApiBudget;
  counts: Partial<Record<RecordType, number>>;
};

export function methodOf(connection: Connection): ConnectMethod {
  switch (connection.auth.kind) {
    case 'session':
      return 'session';
    case 'webhook':
      return 'webhook';
    case 'bearer':
      return connection.oauth ? 'oauth' : 'token';
    default:
      return 'token';
  }
}

function hint(secret: string): string {
  return secret.length > 8 ? `…${secret.slice(-4)}` : '…';
}

export function credentialHint(connection: Connection): string | undefined {
  const { auth } = connection;
  if (auth.kind === 'token' || (auth.kind === 'bearer' && !connection.oauth)) return hint(auth.token);
  if (auth.kind === 'basic') return hint(auth.username);
  if (auth.kind === 'webhook') return `${new URL(connection.apiBase).host} webhook`;
  if (connection.oauth) return `app …${connection.oauth.clientId.slice(-6)}`;
  return undefined;
}

export function connectionView(
  connection: Connection,
  facts: { status: StoredSourceStatus; objects: ObjectStatus[]; counts: Partial<Record<RecordType, number>> },
): ConnectionView {
  return {
    source: connection.source,
    crm: connection.crm,
    label: isConnectable(connection.crm) ? CRM_CATALOG[connection.crm].label : 'Sandbox CRM',
    account: connection.account,
    method: methodOf(connection),
    credentialHint: credentialHint(connection),
    connectedAt: connection.connectedAt,
    user: connection.user,
    status: facts.status,
    objects: facts.objects,
    budget: latestBudget(facts.objects),
    counts: facts.counts,
  };
}
