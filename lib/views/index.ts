/** The public face of lib/views: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export { type ShownResult } from './lean';
export { type ViewSelection } from './selection';
export { ACTIVITY_KINDS, ACTIVITY_WINDOWS, type ActivityKind, type ActivityWindow } from './activity-windows';
export { COMPARE_CHOICES, type CompareChoice, LEADERBOARD_METRICS_LIST, type SidebarLeaderboardMetric } from './choices';
export { prefsKey, readPrefs, readStoredSelection, selectionFor, type SidebarPrefs } from './prefs';
export { type RecordRow, type RecordPage, recordPage } from './records';
export { type HeatMap } from './team';
export { type AtRiskList, type LapseList } from './insights';
export { type TeamResponse } from './view-extras';
export { type ChartRow, type ChartsData } from './charts';
export { type PinnedView, computePinnedView } from './pinned';
export { createViewService } from './service';
export { calendarOf } from './query';
export {
  type ForecastExplainRef,
  type ForecastResponse,
  type ForecastShown,
  leanForecast,
  type ShownExplain,
  type ShownOwner,
  type TrackResponse,
} from './forecast-view';
export { type RateUsed } from './record-money';
