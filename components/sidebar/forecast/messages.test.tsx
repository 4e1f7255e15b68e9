import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/i18n';
import { FORECAST_MESSAGES, forecastTranslator } from './messages';

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

describe('the forecast’s words in the sidebar', () => {
  it('are Russian in Russian wherever the English has words (not only symbols and placeholders)', () => {
    for (const [key, message] of Object.entries(FORECAST_MESSAGES.en)) {
      const words = forms(message).some((text) => /[A-Za-z]{2,}/.test(text.replace(/\{\w+\}/g, '').replace(/\bP\d+\b/g, '')));
      if (!words) continue;
      for (const text of forms(FORECAST_MESSAGES.ru[key as keyof typeof FORECAST_MESSAGES.en])) expect(text, key).toMatch(/[а-яё]/i);
    }
  });

  it('count working days with Russian plurals', () => {
    const f = forecastTranslator('ru');
    expect(f('plan.days', { count: 0 })).toBe('0 рабочих дней на открытие');
    expect(f('plan.days', { count: 1 })).toBe('1 рабочий день на открытие');
    expect(f('plan.days', { count: 3 })).toBe('3 рабочих дня на открытие');
    expect(f('plan.how')).toBe('Как?');
  });
});
