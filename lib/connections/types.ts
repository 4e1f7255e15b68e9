import type { AdapterAuth } from '../adapters/types';
import type { CrmId } from '../adapters/hosts';

/** A CRM account the rep connected (or the sandbox, in development and test builds). */
export type Connection = {
  /** The `source` of its records, `<crm>:<account>`. */
  source: string;
  crm: CrmId;
  account: string;
  apiBase: string;
  appUrl: string;
  auth: AdapterAuth;
  connectedAt: number;
};

export function sourceOf(crm: CrmId, account: string): string {
  return `${crm}:${account}`;
}
