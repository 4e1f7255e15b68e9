import { KPI_IDS, type KpiId } from '../kpi/registry';
import { DEFAULT_MIN_SAMPLE } from '../kpi/shared/sample';
import { CONTACT_METHODS } from '../model/common';
import { z } from '../model/zod';
import { DEFAULT_PLACEMENT, SIDEBAR_PLACEMENTS } from './ui-state';

export const SETTINGS_VERSION = 2;

export const DEFAULT_PINNED_KPIS: readonly KpiId[] = ['activityCounts', 'quotaAttainment', 'pipelineValue'];

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code such as USD');
const sourceKey = z.string().min(1).max(200);
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;
const minimum = z.number().int('a whole number of records').min(1, 'at least 1').max(1000, 'at most 1,000');

/** An IANA zone the browser knows (a typo would silently shift every period), or `auto`. */
const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => zone === 'auto' || isKnownZone(zone), 'expected a time zone such as Europe/Berlin');

/**
 * A target the rep sets on any KPI of the catalogue. `value` is in the KPI's
 * own unit (percent as 0–100, a count, days, a ratio), money in major units of
 * the reporting currency, as the rep typed it.
 */
export const kpiTargetSchema = z.object({
  kpi: z.enum(KPI_IDS),
  comparison: z.enum(['at-least', 'at-most']),
  value: z.number().finite().nonnegative(),
});
export type KpiTarget = z.infer<typeof kpiTargetSchema>;

/** Which benchmarks the sidebar judges KPIs against; a switched-off one shows no status at all. */
export const benchmarksSchema = z.object({
  /** The 30/30/50 cold-email rule (open ≥ 30 %, reply ≥ 30 %, conversion ≥ 50 %). */
  coldEmail: z.boolean(),
  /** LTV:CAC ≥ 3. */
  ltvToCac: z.boolean(),
  /** The rep's own targets of `kpiTargets`. */
  userDefined: z.boolean(),
});
export type Benchmarks = z.infer<typeof benchmarksSchema>;

/**
 * The rep's settings, version 2. Versioned: `migrateSettings` (migrate.ts)
 * lifts any stored older shape to this one, and every field has a default so a
 * partial or damaged store still yields working settings.
 */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  locale: z.enum(['auto', 'en', 'ru']).default('auto'),
  theme: z.enum(['auto', 'light', 'dark']).default('auto'),
  /** IANA zone, or `auto` for the browser's. */
  timeZone: timeZone.default('auto'),
  weekStartsOn: z.number().int().min(0).max(6).default(1),
  fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
  reportingCurrency: currencyCode.default('USD'),
  /** Units of the reporting currency per unit of each other currency. */
  rates: z.record(currencyCode, z.number().positive('a rate is above 0').finite()).default({}),
  /** When each rate was entered (ms), so a rate gone stale can be pointed out; a rate without one has an unknown date. */
  ratesSetAt: z.record(currencyCode, z.number().int().nonnegative()).default({}),
  /** Lower-case words that mark a meeting as a demo or trial when its title or type holds one. */
  demoKeywords: z
    .array(z.string().trim().toLowerCase().min(1, 'a keyword cannot be blank').max(50))
    .max(50)
    .refine(unique, 'each keyword once')
    .default(['demo', 'trial', 'демо', 'презентац']),
  /** The CRM's meeting type keys that make a meeting a demo (added to the keywords for the KPI engine). */
  demoActivityTypes: z.array(z.string().trim().toLowerCase().min(1).max(100)).max(50).refine(unique, 'each type once').default([]),
  /** Per source: the stage ids whose entry makes a deal sales-qualified (SQL) when leads carry no SQL date. */
  sqlStageIds: z.record(sourceKey, z.array(z.string().min(1).max(200)).max(500)).default({}),
  /**
   * Where a deal's region comes from: the deal's own field, or its customer's
   * region or country (CRMs such as Pipedrive keep the address on the organization).
   */
  regionField: z.enum(['deal', 'customer-region', 'customer-country']).default('deal'),
  /** Where a deal's contact method comes from: the deal, or the lead it was converted from. */
  contactMethodField: z.enum(['deal', 'lead']).default('deal'),
  /** The CRM's own channel values (as stored in `channelRaw`, any case) → contact method, overriding the adapter's guess. */
  channelMap: z.record(z.string().min(1).max(200), z.enum(CONTACT_METHODS)).default({}),
  staleDays: z.number().int().min(1).max(365).default(14),
  /**
   * Fewest records a rate or average needs to be read as more than a hint (lib/kpi/shared/sample.ts):
   * closed deals for win rates, won deals for averages, leads, customers, emails sent.
   */
  minSample: z
    .object({
      closedDeals: minimum.default(DEFAULT_MIN_SAMPLE.closedDeals),
      wonDeals: minimum.default(DEFAULT_MIN_SAMPLE.wonDeals),
      leads: minimum.default(DEFAULT_MIN_SAMPLE.leads),
      customers: minimum.default(DEFAULT_MIN_SAMPLE.customers),
      emails: minimum.default(DEFAULT_MIN_SAMPLE.emails),
    })
    .default({ ...DEFAULT_MIN_SAMPLE }),
  /** Margin (%) assumed for won deals without known costs; unset = those deals are left out of the margin. */
  defaultMarginPct: z.number().min(0).max(100).optional(),
  pinnedKpis: z
    .array(z.enum(KPI_IDS))
    .max(KPI_IDS.length)
    .refine(unique, 'each KPI can be pinned once')
    .default([...DEFAULT_PINNED_KPIS]),
  benchmarks: benchmarksSchema.default({ coldEmail: true, ltvToCac: true, userDefined: true }),
  kpiTargets: z
    .array(kpiTargetSchema)
    .max(KPI_IDS.length)
    .refine((list) => unique(list.map((target) => target.kpi)), 'one target per KPI')
    .default([]),
  /** Whose numbers the personal view shows, per source (the CRM's signed-in user by default). */
  currentOwner: z.record(z.string(), z.string()).default({}),
  /** Team view privacy: unless the lead allows it, reps see only their own numbers and their rank. */
  showPeerNumbers: z.boolean().default(false),
  /** How the open sidebar shares the window with the CRM page: covering its right edge, or pushing it aside (ui-state.ts). */
  sidebarPlacement: z.enum(SIDEBAR_PLACEMENTS).default(DEFAULT_PLACEMENT),
  /** Opt-in: "Your weekly summary is ready" on Monday mornings. */
  weeklySummaryNotification: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;
export type SettingsKey = Exclude<keyof Settings, 'version'>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({ version: SETTINGS_VERSION });

export type PatchResult = { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> };

/**
 * Validates a change before it is saved: all of it or none of it. Errors are
 * keyed by field path (`staleDays`, `rates.EUR`, `kpiTargets.0.value`) so a
 * form can show each one beside its field.
 */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>, options: { now?: number } = {}): PatchResult {
  // A change of rates made at a known time dates the rates it changed (stampRates).
  const stamped = options.now !== undefined && patch.rates !== undefined ? { ...patch, ratesSetAt: stampRates(current, patch.rates, options.now) } : patch;
  const result = settingsSchema.safeParse({ ...current, ...stamped, version: SETTINGS_VERSION });
  if (result.success) return { ok: true, settings: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[issue.path.map(String).join('.') || 'settings'] ??= issue.message;
  return { ok: false, errors };
}

/** The zone KPIs use: the setting, or the browser's own. */
export function effectiveTimeZone(settings: Settings, browserZone: string): string {
  return settings.timeZone === 'auto' ? browserZone : settings.timeZone;
}

export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The dates of `rates` once they replace `before.rates` at `now`: a rate that is new or changed is
 * dated `now`; an unchanged one keeps its date (or stays undated: re-saving does not make an old
 * rate fresh); a rate taken away loses its date.
 */
export function stampRates(before: Pick<Settings, 'rates' | 'ratesSetAt'>, rates: Readonly<Record<string, number>>, now: number): Record<string, number> {
  const stamps: Record<string, number> = {};
  for (const [code, rate] of Object.entries(rates)) {
    if (before.rates[code] !== rate) stamps[code] = now;
    else if (before.ratesSetAt[code] !== undefined) stamps[code] = before.ratesSetAt[code];
  }
  return stamps;
}
