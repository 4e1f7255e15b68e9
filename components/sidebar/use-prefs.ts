import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { prefsKey, readPrefs, type SidebarPrefs } from '../../lib/views/prefs';

/** The sidebar's comparison, custom range and leaderboard ranking for one CRM, kept in extension storage. */
export function usePrefs(crm: string): [SidebarPrefs | undefined, (patch: Partial<SidebarPrefs>) => void] {
  const key = prefsKey(crm);
  const [prefs, setPrefs] = useState<SidebarPrefs>();
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => live && setPrefs(readPrefs(stored[key])));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setPrefs(readPrefs(changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, [key]);
  const update = useCallback(
    (patch: Partial<SidebarPrefs>) => {
      setPrefs((current) => {
        const next = readPrefs({ ...(current ?? readPrefs(undefined)), ...patch });
        void browser.storage.local.set({ [key]: next });
        return next;
      });
    },
    [key],
  );
  return [prefs, update];
}
