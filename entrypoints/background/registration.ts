import { browser } from 'wxt/browser';
import { SANDBOX_HOST_PATTERNS } from '@/lib/adapters';
import { contentScriptMatches, CRM_SCRIPT_ID } from '@/lib/connections';

export const SANDBOX_ALLOWED = import.meta.env.MODE === 'development' || import.meta.env.MODE === 'test';

/**
 * (Re)registers the CRM content script for exactly the hosts the rep has
 * granted. Registered at runtime because no CRM host is granted at install.
 */
export async function syncContentScripts(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const matches = contentScriptMatches(origins, SANDBOX_ALLOWED ? SANDBOX_HOST_PATTERNS : []);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CRM_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [CRM_SCRIPT_ID] });
  if (matches.length === 0) return;
  await browser.scripting.registerContentScripts([{ id: CRM_SCRIPT_ID, js: [CRM_SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
  // CRM tabs that were already open (before install, or before the rep granted access) get it now.
  for (const tab of await browser.tabs.query({ url: matches })) {
    if (tab.id === undefined) continue;
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [`/${CRM_SCRIPT_FILE}` as const] }).catch(() => {});
  }
}

const CRM_SCRIPT_FILE = 'content-scripts/crm.js' as const;
