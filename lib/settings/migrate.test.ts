import { describe, expect, it } from 'vitest';
import { migrateSettings } from './migrate';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from './schema';
import { settingsV1Schema } from './v1';

/** Settings exactly as KPI Lens with settings version 1 saved them (every v1 field set away from its default). */
const storedV1 = settingsV1Schema.parse({
  version: 1,
  locale: 'ru',
  theme: 'dark',
  timeZone: 'Europe/Moscow',
  weekStartsOn: 0,
  fiscalYearStartMonth: 4,
  reportingCurrency: 'EUR',
  rates: { USD: 0.92, RUB: 0.0102 },
  demoKeywords: ['Demo', ' demo', 'Пилот'],
  staleDays: 21,
  pinnedKpis: ['winRate', 'quotaAttainment', 'winRate'],
  currentOwner: { 'pipedrive:acme': '42' },
  showPeerNumbers: true,
});

describe('settings migration', () => {
  it('nothing stored → the defaults, with nothing to report', () => {
    expect(migrateSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [], fromVersion: null });
    expect(migrateSettings(null).settings).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    ['a string', 'garbage'],
    ['an array', [1, 2]],
    ['a number', 42],
    ['a boolean', true],
  ])('garbage (%s) → the defaults, reported', (_name, stored) => {
    const result = migrateSettings(stored);
    expect(result.settings).toEqual(DEFAULT_SETTINGS);
    expect(result.problems).toEqual(['stored settings were not an object; defaults used']);
  });

  it('version 1 → version 2: every v1 choice kept, the new fields at their defaults', () => {
    const { settings, problems, fromVersion } = migrateSettings(structuredClone(storedV1));
    expect(fromVersion).toBe(1);
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      ...DEFAULT_SETTINGS,
      version: SETTINGS_VERSION,
      locale: 'ru',
      theme: 'dark',
      timeZone: 'Europe/Moscow',
      weekStartsOn: 0,
      fiscalYearStartMonth: 4,
      reportingCurrency: 'EUR',
      rates: { USD: 0.92, RUB: 0.0102 },
      // v2 keywords are trimmed, lower-cased and unique: "Demo" and " demo" were one keyword all along.
      demoKeywords: ['demo', 'пилот'],
      staleDays: 21,
      // v1 allowed pinning a card twice; the first place is kept.
      pinnedKpis: ['winRate', 'quotaAttainment'],
      currentOwner: { 'pipedrive:acme': '42' },
      showPeerNumbers: true,
    });
  });

  it('unversioned settings (saved before versions existed) are read as version 1', () => {
    const { version: _dropped, ...unversioned } = storedV1;
    const result = migrateSettings(unversioned);
    expect(result.fromVersion).toBeNull();
    expect(result.settings).toEqual(migrateSettings(storedV1).settings);
  });

  it('a damaged version 1 store keeps its valid fields and reports each bad one', () => {
    const { settings, problems } = migrateSettings({ version: 1, reportingCurrency: 'EUR', staleDays: -3, weekStartsOn: 0, theme: 'purple' });
    expect([settings.reportingCurrency, settings.weekStartsOn, settings.staleDays, settings.theme]).toEqual(['EUR', 0, 14, 'auto']);
    expect(problems).toEqual([expect.stringMatching(/^theme: .*default used$/), expect.stringMatching(/^staleDays: .*default used$/)]);
  });

  it('a v1 time zone v2 does not know falls back to auto, reported (v1 accepted any text)', () => {
    const { settings, problems } = migrateSettings({ ...storedV1, timeZone: 'Mars/Olympus' });
    expect(settings.timeZone).toBe('auto');
    expect(settings.locale).toBe('ru');
    expect(problems).toEqual([expect.stringMatching(/^timeZone: expected a time zone/)]);
  });

  it('version 2 reads back exactly what was saved', () => {
    const saved = {
      ...DEFAULT_SETTINGS,
      defaultMarginPct: 30,
      sqlStageIds: { demo: ['s3'] },
      channelMap: { 'Cold call': 'call' as const },
      kpiTargets: [{ kpi: 'winRate' as const, comparison: 'at-least' as const, value: 25 }],
    };
    expect(migrateSettings(structuredClone(saved))).toEqual({ settings: saved, problems: [], fromVersion: 2 });
  });

  it('in a map only the bad entries go: one bad rate does not lose the others', () => {
    const { settings, problems } = migrateSettings({ ...DEFAULT_SETTINGS, rates: { EUR: 1.08, RUB: 'lots', usd: 1, GBP: 1.27 } });
    expect(settings.rates).toEqual({ EUR: 1.08, GBP: 1.27 });
    expect(problems).toEqual([expect.stringMatching(/^rates\.RUB: /), 'rates.usd: invalid key; left out']);
  });

  it('a polluting key in a stored map is left out and touches no prototype', () => {
    const stored = JSON.parse('{"version":2,"currentOwner":{"__proto__":{"polluted":true},"demo":5}}') as unknown;
    const { settings, problems } = migrateSettings(stored);
    expect(settings.currentOwner).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems).toContain('currentOwner: a key named __proto__ was left out');
  });

  it('settings from a newer version keep what this version understands, reported', () => {
    const { settings, problems, fromVersion } = migrateSettings({ ...DEFAULT_SETTINGS, version: 3, staleDays: 9, hologramMode: true });
    expect(fromVersion).toBe(3);
    expect(settings.staleDays).toBe(9);
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(problems).toEqual(['settings were saved by a newer version (3); what this version does not know was ignored']);
  });

  it('an unknown version mark is read as version 1, reported', () => {
    const { settings, problems } = migrateSettings({ version: 'one', staleDays: 5 });
    expect(settings.staleDays).toBe(5);
    expect(problems).toEqual(['unknown settings version "one"; read as version 1']);
  });
});
