import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { readUiState, uiStateKey, type SidebarUiState } from '../../lib/settings/ui-state';

/**
 * The sidebar state of one CRM (open, width, view, period); the content script follows the same
 * key. Kept here rather than in components/common so the sidebar's first paint loads no settings
 * schema.
 */
export function useUiState(crm: string): [SidebarUiState | undefined, (patch: Partial<SidebarUiState>) => void] {
  const key = uiStateKey(crm);
  const [state, setState] = useState<SidebarUiState>();
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => live && setState(readUiState(stored[key])));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setState(readUiState(changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [key]);
  const update = useCallback(
    (patch: Partial<SidebarUiState>) => {
      setState((current) => {
        const next = { ...(current ?? readUiState(undefined)), ...patch };
        void browser.storage.local.set({ [key]: next });
        return next;
      });
    },
    [key],
  );
  return [state, update];
}
