import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, migrateSettings } from './schema';
import { readUiState } from './ui-state';

describe('settings', () => {
  it('gives defaults for nothing stored', () => {
    expect(migrateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(DEFAULT_SETTINGS.pinnedKpis).toEqual(['activityCounts', 'quotaAttainment', 'pipelineValue']);
  });

  it('keeps the valid fields of a damaged store and reports the bad ones', () => {
    const { settings, problems } = migrateSettings({ version: 1, reportingCurrency: 'EUR', staleDays: -3, weekStartsOn: 0 });
    expect(settings.reportingCurrency).toBe('EUR');
    expect(settings.weekStartsOn).toBe(0);
    expect(settings.staleDays).toBe(14);
    expect(problems).toEqual([expect.stringMatching(/^staleDays: .*default used$/)]);
  });

  it('validates a patch whole: an invalid field saves nothing', () => {
    const bad = applySettingsPatch(DEFAULT_SETTINGS, { reportingCurrency: 'euro', staleDays: 30 });
    expect(bad).toEqual({ ok: false, errors: { reportingCurrency: expect.any(String) } });
    const good = applySettingsPatch(DEFAULT_SETTINGS, { staleDays: 30 });
    expect(good.ok && good.settings.staleDays).toBe(30);
  });

  it('reads any stored sidebar state into a usable one', () => {
    expect(readUiState({ open: false, width: 5000, view: 'team', period: 'quarter' })).toEqual({ open: false, width: 720, view: 'team', period: 'quarter' });
    expect(readUiState('garbage')).toEqual({ open: true, width: 360, view: 'personal', period: 'month' });
    expect(readUiState({ width: Number.NaN, view: '__proto__' }).width).toBe(360);
  });
});
