import { KPI_IDS } from '../kpi/registry';
import { z } from '../model/zod';

/**
 * Settings as version 1 stored them, frozen: never edit this schema. Stored
 * v1 settings (and settings saved before versions existed) are read with it,
 * field by field, and then lifted to the current version by `upgradeV1`.
 */
export const settingsV1Schema = z.object({
  version: z.literal(1),
  locale: z.enum(['auto', 'en', 'ru']).default('auto'),
  theme: z.enum(['auto', 'light', 'dark']).default('auto'),
  timeZone: z.string().min(1).max(64).default('auto'),
  weekStartsOn: z.number().int().min(0).max(6).default(1),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  reportingCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('USD'),
  rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().finite()).default({}),
  demoKeywords: z.array(z.string().min(1).max(50)).max(50).default(['demo', 'trial', 'демо', 'презентац']),
  staleDays: z.number().int().min(1).max(365).default(14),
  pinnedKpis: z.array(z.enum(KPI_IDS)).max(KPI_IDS.length).default(['activityCounts', 'quotaAttainment', 'pipelineValue']),
  currentOwner: z.record(z.string(), z.string()).default({}),
  showPeerNumbers: z.boolean().default(false),
});
export type SettingsV1 = z.infer<typeof settingsV1Schema>;

/**
 * v1 → v2. Version 2 adds fields (all with defaults, filled in by the v2
 * schema) and tightens two v1 fields whose loose shape caused trouble:
 * - pinned KPIs are unique (v1 let the same card be pinned twice);
 * - demo keywords are trimmed, lower-cased and unique (v1 kept " Demo" and
 *   "demo" as two keywords, and a blank-looking one matched every meeting).
 */
export function upgradeV1(v1: SettingsV1): Record<string, unknown> {
  const keywords = [...new Set(v1.demoKeywords.map((keyword) => keyword.trim().toLowerCase()).filter((keyword) => keyword.length > 0))];
  return { ...v1, version: 2, pinnedKpis: [...new Set(v1.pinnedKpis)], demoKeywords: keywords };
}
