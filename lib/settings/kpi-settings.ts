import type { KpiSettings } from '../kpi/types';
import type { Settings } from './schema';

/**
 * What the rep's settings change in the KPI engine. Demo meeting types join the
 * keywords (the engine looks for each keyword in a meeting's type and title).
 * SQL stages are chosen per source; without a source (a view that does not
 * say) the stages chosen for every source apply: the engine only matches them
 * against the stages of the data it is given, so another CRM's ids only matter
 * if two sources share a stage id.
 */
export function kpiSettingsOf(settings: Settings, source?: string): KpiSettings {
  const sqlStageIds = source !== undefined ? (settings.sqlStageIds[source] ?? []) : [...new Set(Object.values(settings.sqlStageIds).flat())];
  return {
    demoKeywords: [...new Set([...settings.demoKeywords, ...settings.demoActivityTypes])],
    staleDays: settings.staleDays,
    minSample: settings.minSample,
    ...(settings.defaultMarginPct !== undefined ? { defaultMarginPct: settings.defaultMarginPct } : {}),
    ...(sqlStageIds.length ? { sqlStageIds } : {}),
  };
}
