import { describe, expect, it } from 'vitest';
import { applySettingsPatch, DEFAULT_SETTINGS, stampRates } from './schema';

const NOV_2 = Date.UTC(2026, 10, 2);
const DEC_6 = Date.UTC(2026, 11, 6);
const before = { rates: { EUR: 1.08, RUB: 0.011, GBP: 1.27 }, ratesSetAt: { EUR: NOV_2, GBP: NOV_2 } };

describe('when each exchange rate was entered', () => {
  it.each([
    ['a changed rate is dated now', { EUR: 1.1, RUB: 0.011, GBP: 1.27 }, { EUR: DEC_6, GBP: NOV_2 }],
    ['a new rate is dated now', { EUR: 1.08, RUB: 0.011, GBP: 1.27, JPY: 0.0067 }, { EUR: NOV_2, GBP: NOV_2, JPY: DEC_6 }],
    // RUB had no date (entered before dates were kept): saving it unchanged does not make it fresh.
    ['an unchanged rate keeps its date, or its lack of one', { EUR: 1.08, RUB: 0.011, GBP: 1.27 }, { EUR: NOV_2, GBP: NOV_2 }],
    ['a rate taken away loses its date', { EUR: 1.08 }, { EUR: NOV_2 }],
  ])('%s', (_name, rates, expected) => {
    expect(stampRates(before, rates, DEC_6)).toEqual(expected);
  });

  it('dates rates only in a change made at a known time', () => {
    const settings = { ...DEFAULT_SETTINGS, ...before };
    const saved = applySettingsPatch(settings, { rates: { EUR: 1.09 } }, { now: DEC_6 });
    expect(saved.ok && saved.settings.ratesSetAt).toEqual({ EUR: DEC_6 });
    // A restored backup (no time given) keeps the dates it carries.
    const restored = applySettingsPatch(settings, { rates: { EUR: 1.09 }, ratesSetAt: { EUR: NOV_2 } });
    expect(restored.ok && restored.settings.ratesSetAt).toEqual({ EUR: NOV_2 });
    // Another change leaves the dates alone.
    const other = applySettingsPatch(settings, { staleDays: 20 }, { now: DEC_6 });
    expect(other.ok && other.settings.ratesSetAt).toEqual(before.ratesSetAt);
  });
});
