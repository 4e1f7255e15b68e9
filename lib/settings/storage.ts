import { browser } from 'wxt/browser';
import { migrateSettings, type MigrationResult } from './migrate';
import { applySettingsPatch, type PatchResult, type Settings } from './schema';

export const SETTINGS_KEY = 'settings';

/** Reads the settings from extension storage, migrated and validated. */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsReport()).settings;
}

/** The settings with what migration had to repair, for the options page to tell the rep. */
export async function loadSettingsReport(): Promise<MigrationResult> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return migrateSettings(stored[SETTINGS_KEY]);
}

/**
 * Validates and saves a change; nothing is written when any field is invalid. `now`: when the rep
 * (or the demo) made the change, which dates the exchange rates it changes.
 */
export async function saveSettings(patch: Partial<Settings>, options: { now?: number } = {}): Promise<PatchResult> {
  const result = applySettingsPatch(await loadSettings(), patch, options);
  if (result.ok) await browser.storage.local.set({ [SETTINGS_KEY]: result.settings });
  return result;
}

/** Calls back with fresh settings whenever another page or the background changes them. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) onChange(migrateSettings(changes[SETTINGS_KEY]!.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
