import { createContext, useContext, type ReactNode } from 'react';
import type { KpiId } from '@/lib/kpi';
import type { ShownResult, ViewSelection, ShownExplain, TrackResponse } from '@/lib/views';
import type { ExplainId } from '@/lib/forecast';

/** A number to explain: the KPI, its result as shown, and the selection it was computed for (its records are asked for with it). */
export type ExplainTarget = { kpi: KpiId; result: ShownResult | undefined; selection: ViewSelection; opener?: HTMLElement | null };

/**
 * A forecast number to explain: its panel as the background sent it, the selection its deals are
 * asked for with, and for the track record the past periods themselves.
 */
export type ForecastExplainTarget = {
  /** A number of the forecast, its track record, or one rep's own range in a team forecast (`rep` names the rep). */
  id: ExplainId | 'track' | 'rep';
  rep?: string;
  explain: ShownExplain;
  currency: string;
  selection: ViewSelection;
  track?: TrackResponse;
  opener?: HTMLElement | null;
};

export type SidebarActions = {
  /** The KPIs pinned by the rep, in their order. */
  pinned: readonly KpiId[];
  togglePin: (id: KpiId) => void;
  explain: (target: ExplainTarget) => void;
  explainForecast: (target: ForecastExplainTarget) => void;
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
