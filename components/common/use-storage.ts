import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/storage';
import { readUiState, uiStateKey, type SidebarUiState } from '../../lib/settings/ui-state';

export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const stop = watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}

/** The sidebar state of one CRM; the content script follows the same key. */
export function useUiState(crm: string): [SidebarUiState | undefined, (patch: Partial<SidebarUiState>) => void] {
  const key = uiStateKey(crm);
  const [state, setState] = useState<SidebarUiState>();
  useEffect(() => {
    void browser.storage.local.get(key).then((stored) => setState(readUiState(stored[key])));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setState(readUiState(changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
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
