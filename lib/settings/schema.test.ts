import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, SETTINGS_VERSION, settingsSchema } from './schema';
import { readUiState } from './ui-state';

describe('settings v2', () => {
  it('has a default for every field', () => {
    expect(DEFAULT_SETTINGS.version).toBe(2);
    expect(DEFAULT_SETTINGS.pinnedKpis).toEqual(['activityCounts', 'quotaAttainment', 'pipelineValue']);
    expect(DEFAULT_SETTINGS.benchmarks).toEqual({ coldEmail: true, ltvToCac: true, userDefined: true });
    expect(DEFAULT_SETTINGS.defaultMarginPct).toBeUndefined();
    expect(DEFAULT_SETTINGS.weeklySummaryNotification).toBe(false);
  });

  it('validates a patch whole: an invalid field saves nothing, and each error names its field', () => {
    const bad = applySettingsPatch(DEFAULT_SETTINGS, { reportingCurrency: 'euro', staleDays: 30, rates: { EUR: 1.08, RUB: -1 } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['rates.RUB', 'reportingCurrency']);
    const good = applySettingsPatch(DEFAULT_SETTINGS, { staleDays: 30 });
    expect(good.ok && good.settings.staleDays).toBe(30);
  });

  it.each([
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a KPI pinned twice', { pinnedKpis: ['winRate', 'winRate'] as const }, 'pinnedKpis'],
    [
      'two targets for one KPI',
      {
        kpiTargets: [
          { kpi: 'winRate', comparison: 'at-least', value: 20 },
          { kpi: 'winRate', comparison: 'at-most', value: 90 },
        ] as const,
      },
      'kpiTargets',
    ],
    ['a negative target', { kpiTargets: [{ kpi: 'winRate', comparison: 'at-least', value: -1 }] as const }, 'kpiTargets.0.value'],
    ['a margin over 100 %', { defaultMarginPct: 120 }, 'defaultMarginPct'],
    ['an unknown contact method', { channelMap: { 'cold call': 'pigeon' } }, 'channelMap.cold call'],
    ['a blank keyword', { demoKeywords: ['demo', '   '] }, 'demoKeywords.1'],
  ])('refuses %s', (_name, patch, field) => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, patch as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors)).toContain(field);
  });

  it('normalises keywords and types to lower case without blanks around them', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { demoKeywords: [' Demo ', 'Пилот'], demoActivityTypes: ['Product_Demo'] });
    expect(result.ok && [result.settings.demoKeywords, result.settings.demoActivityTypes]).toEqual([['demo', 'пилот'], ['product_demo']]);
  });

  it('clears the default margin when the patch unsets it', () => {
    const set = applySettingsPatch(DEFAULT_SETTINGS, { defaultMarginPct: 35 });
    expect(set.ok && set.settings.defaultMarginPct).toBe(35);
    const cleared = set.ok ? applySettingsPatch(set.settings, { defaultMarginPct: undefined }) : set;
    expect(cleared.ok && cleared.settings.defaultMarginPct).toBeUndefined();
  });

  it('keeps the minimum samples whole and at least 1, and fills those a stored setting lacks with the defaults', () => {
    expect(applySettingsPatch(DEFAULT_SETTINGS, { minSample: { ...DEFAULT_SETTINGS.minSample, closedDeals: 0 } })).toMatchObject({
      ok: false,
      errors: { 'minSample.closedDeals': 'at least 1' },
    });
    expect(applySettingsPatch(DEFAULT_SETTINGS, { minSample: { ...DEFAULT_SETTINGS.minSample, leads: 2.5 } })).toMatchObject({ ok: false });
    const stored = settingsSchema.parse({ version: 2, minSample: { wonDeals: 3 } });
    expect(stored.minSample).toEqual({ closedDeals: 10, wonDeals: 3, leads: 20, customers: 10, emails: 20 });
  });

  it('cannot be patched into another version', () => {
    const result = applySettingsPatch(DEFAULT_SETTINGS, { version: 7 } as never);
    expect(result.ok && result.settings.version).toBe(SETTINGS_VERSION);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, version: 1 }).success).toBe(false);
  });

  it('reads any stored sidebar state into a usable one', () => {
    expect(readUiState({ open: false, width: 5000, view: 'team', period: 'quarter' })).toEqual({ open: false, width: 720, view: 'team', period: 'quarter' });
    expect(readUiState('garbage')).toEqual({ open: true, width: 360, view: 'personal', period: 'month' });
    expect(readUiState({ width: Number.NaN, view: '__proto__' }).width).toBe(360);
  });
});
