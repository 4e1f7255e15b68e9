import { z } from '../model/zod';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './schema';
import { settingsV1Schema, upgradeV1 } from './v1';

/** `fromVersion`: what was stored (null: nothing, or no version mark: settings older than versions). */
export type MigrationResult = { settings: Settings; problems: string[]; fromVersion: number | null };

/**
 * Any stored value → valid current settings. Each stored version is read with
 * its own (frozen) schema and then lifted one version at a time, so a v1 store
 * means what v1 meant. Fields that fail validation fall back to their defaults
 * one by one (and are reported); in a map such as `rates` only the bad entries
 * go, so one bad value never throws away the rest of the rep's choices.
 */
export function migrateSettings(stored: unknown): MigrationResult {
  if (stored === undefined || stored === null) return { settings: current({}, []), problems: [], fromVersion: null };
  if (typeof stored !== 'object' || Array.isArray(stored)) {
    return { settings: current({}, []), problems: ['stored settings were not an object; defaults used'], fromVersion: null };
  }
  const candidate = stored as Record<string, unknown>;
  const problems: string[] = [];
  const version = candidate.version;
  if (version === SETTINGS_VERSION) return { settings: current(candidate, problems), problems, fromVersion: SETTINGS_VERSION };
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_VERSION) {
    // A newer KPI Lens wrote these and the rep went back: keep what this version understands.
    problems.push(`settings were saved by a newer version (${version}); what this version does not know was ignored`);
    return { settings: current(candidate, problems), problems, fromVersion: version };
  }
  if (version !== undefined && version !== 1) problems.push(`unknown settings version ${JSON.stringify(version)}; read as version 1`);
  const v1 = repair(settingsV1Schema, { ...candidate, version: 1 }, problems);
  return { settings: current(upgradeV1(v1), problems), problems, fromVersion: version === undefined ? null : 1 };
}

function current(candidate: Record<string, unknown>, problems: string[]): Settings {
  return repair(settingsSchema, { ...candidate, version: SETTINGS_VERSION }, problems);
}

type AnyObjectSchema = z.ZodObject<Record<string, z.ZodType>>;

function repair<S extends AnyObjectSchema>(schema: S, candidate: Record<string, unknown>, problems: string[]): z.output<S> {
  const whole = schema.safeParse(candidate);
  if (whole.success) return whole.data;
  const repaired: Record<string, unknown> = { version: candidate.version };
  for (const [key, field] of Object.entries(schema.shape)) {
    if (key === 'version' || !Object.hasOwn(candidate, key)) continue;
    const parsed = field.safeParse(candidate[key]);
    if (parsed.success) repaired[key] = parsed.data;
    else {
      const salvaged = salvageRecord(field, candidate[key], key, problems);
      if (salvaged !== undefined) repaired[key] = salvaged;
      else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}; default used`);
    }
  }
  return schema.parse(repaired);
}

/** For map fields (`rates`, `currentOwner`...): keep the valid entries, report the others. */
function salvageRecord(field: z.ZodType, value: unknown, key: string, problems: string[]): Record<string, unknown> | undefined {
  const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
  if (!(inner instanceof z.ZodRecord) || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [entryKey, entryValue] of Object.entries(value)) {
    if (entryKey === '__proto__' || entryKey === 'constructor' || entryKey === 'prototype') {
      problems.push(`${key}: a key named ${entryKey} was left out`);
      continue;
    }
    const keyOk = z.safeParse(inner.keyType, entryKey).success;
    const parsed = z.safeParse(inner.valueType, entryValue);
    if (keyOk && parsed.success) kept[entryKey] = parsed.data;
    else problems.push(`${key}.${entryKey}: ${keyOk ? (parsed.error?.issues[0]?.message ?? 'invalid') : 'invalid key'}; left out`);
  }
  return inner.safeParse(kept).success ? kept : undefined;
}
