/** The public face of lib/settings: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export { type Benchmarks, DEFAULT_SETTINGS, effectiveTimeZone, type KpiTarget, type PatchResult, type Settings, SETTINGS_VERSION } from './schema';
export { loadSettings, loadSettingsReport, saveSettings, SETTINGS_KEY, watchSettings } from './storage';
export {
  checkManualRecord,
  type ManualRecordType,
  type ProductCostForm,
  productCostFromForm,
  type QuotaForm,
  quotaFromForm,
  type SpendForm,
  spendFromForm,
  TARGET_PER,
  targetFromForm,
} from './manual-records';
export { migrateSettings, type MigrationResult } from './migrate';
export { buildOptionsOverview, type OptionsOverview } from './overview';
export { manualProductId, manualTargetId } from './manual-ids';
export { currentQuotaPeriodKey, QUOTA_PERIOD_CHOICES, type QuotaPeriodChoice, quotaPeriodDates, quotaPeriodKeys } from './quota-periods';
export {
  DEFAULT_PLACEMENT,
  DEFAULT_UI_STATE,
  type FrameState,
  MAX_WIDTH,
  MIN_WIDTH,
  readPlacement,
  readUiState,
  type SidebarPlacement,
  type SidebarUiState,
  uiStateKey,
} from './ui-state';
