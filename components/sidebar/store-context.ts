import { useMemo } from 'react';
import { pageStoreContext } from '../common/page-store';
import type { SidebarState } from './store';
import { panelSelection, type Place } from './store-wants';

export const { Provider: SidebarStoreProvider, useSelect: useSidebar } = pageStoreContext<SidebarState>('sidebar');

/** The selection a personal panel shows, the same object while it means the same. */
export function usePanelSelection(place: Place) {
  const selection = useSidebar((state) => state.selection);
  const drill = useSidebar((state) => state.drill);
  return useMemo(() => panelSelection(selection, drill, place), [selection, drill, place]);
}
