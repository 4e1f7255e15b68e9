import { createContext, useContext, type ReactNode } from 'react';
import type { KpiId } from '@/lib/kpi';
import type { ShownResult, ViewSelection } from '@/lib/views';

/** A number to explain: the KPI, its result as shown, and the selection it was computed for (its records are asked for with it). */
export type ExplainTarget = { kpi: KpiId; result: ShownResult | undefined; selection: ViewSelection; opener?: HTMLElement | null };

export type SidebarActions = {
  /** The KPIs pinned by the rep, in their order. */
  pinned: readonly KpiId[];
  togglePin: (id: KpiId) => void;
  explain: (target: ExplainTarget) => void;
  /** False in tests (jsdom has no canvas): charts show their tables only. */
  drawCharts: boolean;
};

const Actions = createContext<SidebarActions | null>(null);

export function SidebarActionsProvider({ value, children }: { value: SidebarActions; children: ReactNode }) {
  return <Actions.Provider value={value}>{children}</Actions.Provider>;
}

export function useSidebarActions(): SidebarActions {
  const value = useContext(Actions);
  if (!value) throw new Error('useSidebarActions outside SidebarActionsProvider');
  return value;
}
