import { browser } from 'wxt/browser';
import { COMPARE_CHOICES, LEADERBOARD_METRICS_LIST, type CompareChoice, type SidebarLeaderboardMetric } from './choices';
import { readUiState, uiStateKey, type SidebarUiState } from '../settings/ui-state';
import type { DateRange, ViewSelection } from './selection';

/**
 * The sidebar's choices beyond the shared UI state (lib/settings/ui-state.ts, which the content
 * script also reads): the comparison, the custom dates and the leaderboard's ranking. Remembered
 * per CRM, like the view and the period.
 */
export type SidebarPrefs = { compare: CompareChoice; range?: DateRange; metric: SidebarLeaderboardMetric };

export const DEFAULT_PREFS: SidebarPrefs = { compare: 'previous', metric: 'wonAmount' };

export function prefsKey(crm: string): string {
  return `sidebar-prefs:${crm}`;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whatever was stored → usable prefs; a range is kept only when both ends are dates in order. */
export function readPrefs(stored: unknown): SidebarPrefs {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const compare = (COMPARE_CHOICES as readonly unknown[]).includes(value.compare) ? (value.compare as CompareChoice) : DEFAULT_PREFS.compare;
  const metric = (LEADERBOARD_METRICS_LIST as readonly unknown[]).includes(value.metric) ? (value.metric as SidebarLeaderboardMetric) : DEFAULT_PREFS.metric;
  const raw = (typeof value.range === 'object' && value.range !== null ? value.range : {}) as Record<string, unknown>;
  const range =
    typeof raw.from === 'string' && typeof raw.to === 'string' && DATE.test(raw.from) && DATE.test(raw.to) && raw.from <= raw.to
      ? { from: raw.from, to: raw.to }
      : undefined;
  return range ? { compare, metric, range } : { compare, metric };
}

/**
 * The selection a page shows for a source: its CRM's view and period (the UI state), and the
 * sidebar prefs. The sidebar asks for it; the background computes it ahead when a CRM page opens.
 */
export function selectionFor(source: string, ui: Pick<SidebarUiState, 'view' | 'period'>, prefs: SidebarPrefs): ViewSelection {
  return { source, view: ui.view, period: ui.period, range: ui.period === 'custom' ? prefs.range : undefined, compare: prefs.compare };
}

/**
 * The selection a source's sidebar shows, read from where the sidebar keeps it (storage.local, one
 * read): the sidebar asks for it as its page starts, the background computes it ahead when a CRM page opens.
 */
export async function readStoredSelection(source: string): Promise<ViewSelection> {
  const crm = source.split(':')[0]!;
  const stored = await browser.storage.local.get([uiStateKey(crm), prefsKey(crm)]);
  return selectionFor(source, readUiState(stored[uiStateKey(crm)]), readPrefs(stored[prefsKey(crm)]));
}
