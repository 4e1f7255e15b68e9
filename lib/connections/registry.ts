import type { CrmId } from '../adapters/hosts';
import { bitrix24Adapter } from '../adapters/bitrix24';
import { closeAdapter } from '../adapters/close';
import { hubspotAdapter } from '../adapters/hubspot';
import { kommoAdapter } from '../adapters/kommo';
import { pipedriveAdapter } from '../adapters/pipedrive';
import { salesforceAdapter } from '../adapters/salesforce';
import { sandboxAdapter } from '../adapters/sandbox';
import type { CrmAdapter, DetectedCrm } from '../adapters/types';

/**
 * Every adapter the extension can use. The sandbox is only detected where the
 * build allows it (development and test), so production never treats a
 * localhost page as a CRM.
 */
const ADAPTERS: Record<CrmId, CrmAdapter> = {
  pipedrive: pipedriveAdapter,
  salesforce: salesforceAdapter,
  hubspot: hubspotAdapter,
  close: closeAdapter,
  kommo: kommoAdapter,
  bitrix24: bitrix24Adapter,
  sandbox: sandboxAdapter,
};

export function adapterFor(crm: CrmId): CrmAdapter | undefined {
  return ADAPTERS[crm];
}

export function detectCrm(url: string, options: { allowSandbox: boolean }): DetectedCrm | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  for (const adapter of Object.values(ADAPTERS)) {
    if (adapter.id === 'sandbox' && !options.allowSandbox) continue;
    const detected = adapter.detect(parsed);
    if (detected) return detected;
  }
  return null;
}
