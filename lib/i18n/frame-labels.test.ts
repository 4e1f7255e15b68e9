import { describe, expect, it } from 'vitest';
import { FRAME_LABELS, frameLabels, localeSetting } from './frame-labels';

describe('the frame labels on the CRM page', () => {
  it('exist in English and Russian, each language its own words', () => {
    for (const key of Object.keys(FRAME_LABELS.en) as (keyof typeof FRAME_LABELS.en)[]) {
      expect(FRAME_LABELS.en[key]).toMatch(/^[\x20-\x7e]+$/);
      expect(FRAME_LABELS.ru[key]).toMatch(/[а-яё]/i);
    }
    // Three controls, three names, in each language.
    for (const labels of Object.values(FRAME_LABELS)) expect(new Set(Object.values(labels)).size).toBe(3);
  });

  it.each([
    { settings: { locale: 'ru' }, browser: 'en-US', expected: 'ru' },
    { settings: { locale: 'en' }, browser: 'ru-RU', expected: 'en' },
    { settings: { locale: 'auto' }, browser: 'ru-RU', expected: 'ru' },
    { settings: undefined, browser: 'ru', expected: 'ru' },
    { settings: { locale: 'de' }, browser: 'de-DE', expected: 'en' },
    { settings: 'garbage', browser: undefined, expected: 'en' },
  ] as const)('settings $settings, browser $browser: $expected', ({ settings, browser, expected }) => {
    expect(frameLabels(localeSetting(settings), browser)).toBe(FRAME_LABELS[expected]);
  });
});
