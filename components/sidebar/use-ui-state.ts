import { readUiState, uiStateKey, type SidebarUiState } from '../../lib/settings/ui-state';
import { useStoredState } from '../common/use-stored-state';

/**
 * The sidebar state of one CRM (open, width, view, period); the content script follows the same
 * key. Kept here rather than in components/common/use-storage so the sidebar's first paint loads no
 * settings schema.
 */
export function useUiState(crm: string): [SidebarUiState | undefined, (patch: Partial<SidebarUiState>) => void] {
  return useStoredState(uiStateKey(crm), readUiState);
}
