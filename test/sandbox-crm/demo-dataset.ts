import type { DemoDataSet } from '../../lib/demo';
import { generateDemoData } from '../../lib/demo';
import { RECORD_TABLES } from '../../lib/db/schema';
import { RECORD_TYPES, type CanonicalRecord } from '../../lib/model';
import type { SandboxDataset } from './api';

export const SANDBOX_SEED = 7;

/** The sandbox CRM's records: the built-in demo data, with links pointing at the sandbox's own pages. */
export function sandboxDemoDataset(
  url: string,
  asOf: number,
  options: { scale?: number; timeZone?: string } = {},
): { dataset: SandboxDataset; demo: DemoDataSet } {
  const demo = generateDemoData({ seed: SANDBOX_SEED, asOf, urlBase: url, source: 'sandbox', scale: options.scale, timeZone: options.timeZone });
  const dataset: SandboxDataset = {
    currentOwnerId: demo.currentOwnerId,
    currentOwnerName: demo.owners.find((owner) => owner.externalId === demo.currentOwnerId)?.name ?? demo.currentOwnerId,
  };
  for (const type of RECORD_TYPES) {
    (dataset as unknown as Record<string, readonly CanonicalRecord[]>)[type] = demo[RECORD_TABLES[type]] as readonly CanonicalRecord[];
  }
  return { dataset, demo };
}
