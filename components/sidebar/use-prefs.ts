import { prefsKey, readPrefs, type SidebarPrefs } from '../../lib/views/prefs';
import { useStoredState } from '../common/use-stored-state';

const mergePrefs = (current: SidebarPrefs, patch: Partial<SidebarPrefs>) => readPrefs({ ...current, ...patch });

/** The sidebar's comparison, custom range and leaderboard ranking for one CRM, kept in extension storage. */
export function usePrefs(crm: string): [SidebarPrefs | undefined, (patch: Partial<SidebarPrefs>) => void] {
  return useStoredState(prefsKey(crm), readPrefs, mergePrefs);
}
