import { KPI_IDS, type KpiId } from '../kpi/types';
import { z } from '../model/zod';

export const SETTINGS_VERSION = 1;

export const DEFAULT_PINNED_KPIS: readonly KpiId[] = ['activityCounts', 'quotaAttainment', 'pipelineValue'];

/**
 * The rep's settings. Versioned: `migrateSettings` lifts any stored older shape
 * to this one, and every field has a default so a partial or damaged store
 * still yields working settings.
 */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  locale: z.enum(['auto', 'en', 'ru']).default('auto'),
  theme: z.enum(['auto', 'light', 'dark']).default('auto'),
  /** IANA zone, or `auto` for the browser's. */
  timeZone: z.string().min(1).max(64).default('auto'),
  weekStartsOn: z.number().int().min(0).max(6).default(1),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  reportingCurrency: z.string().regex(/^[A-Z]{3}$/).default('USD'),
  /** Units of the reporting currency per unit of each other currency. */
  rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive().finite()).default({}),
  demoKeywords: z.array(z.string().min(1).max(50)).max(50).default(['demo', 'trial', 'демо', 'презентац']),
  staleDays: z.number().int().min(1).max(365).default(14),
  pinnedKpis: z.array(z.enum(KPI_IDS)).max(KPI_IDS.length).default([...DEFAULT_PINNED_KPIS]),
  /** Whose numbers the personal view shows, per source (the CRM's signed-in user by default). */
  currentOwner: z.record(z.string(), z.string()).default({}),
  /** Team view privacy: unless the lead allows it, reps see only their own numbers and their rank. */
  showPeerNumbers: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

export type MigrationResult = { settings: Settings; problems: string[] };

/**
 * Any stored value → valid current settings. Fields that fail validation fall
 * back to their defaults one by one (and are reported), so one bad value never
 * throws away the rest of the rep's choices.
 */
export function migrateSettings(stored: unknown): MigrationResult {
  if (stored === undefined || stored === null) return { settings: DEFAULT_SETTINGS, problems: [] };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { settings: DEFAULT_SETTINGS, problems: ['stored settings were not an object; defaults used'] };
  const candidate: Record<string, unknown> = { ...(stored as Record<string, unknown>), version: SETTINGS_VERSION };
  const problems: string[] = [];
  const whole = settingsSchema.safeParse(candidate);
  if (whole.success) return { settings: whole.data, problems };
  const shape = settingsSchema.shape;
  const repaired: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    if (key === 'version' || !Object.hasOwn(candidate, key)) continue;
    const field = shape[key].safeParse(candidate[key]);
    if (field.success) repaired[key] = field.data;
    else problems.push(`${key}: ${field.error.issues[0]?.message ?? 'invalid'}; default used`);
  }
  return { settings: settingsSchema.parse(repaired), problems };
}

/** Validates a change before it is saved: all of it or none of it. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> } {
  const result = settingsSchema.safeParse({ ...current, ...patch, version: SETTINGS_VERSION });
  if (result.success) return { ok: true, settings: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.join('.') || 'settings'] ??= issue.message;
  return { ok: false, errors };
}

/** The zone KPIs use: the setting, or the browser's own. */
export function effectiveTimeZone(settings: Settings, browserZone: string): string {
  return settings.timeZone === 'auto' ? browserZone : settings.timeZone;
}
