import { describe, expect, it } from 'vitest';
import { currencyIn, readAmount, readBoolean, readCurrency, readDuration, readProbability } from './values';
import { readActivityType, readChannel, readDealStatus, readDirection, readLeadStatus } from './vocabulary';
import { keySet } from './text';

describe("amounts, read with their column's decimal mark", () => {
  it.each([
    ['1 234,56', 'RUB', ',', 123456],
    ['$1,234.50', 'USD', '.', 123450],
    ['1.234,56', 'EUR', ',', 123456],
    ['1 000 ₽', 'RUB', ',', 100000],
    ['(1,234.00)', 'USD', '.', -123400], // accounting negative
    ['300-', 'USD', '.', -30000], // trailing minus
    ['-15', 'USD', '.', -1500],
    ['4514', 'USD', '.', 451400],
    ['500', 'JPY', '.', 500], // yen have no minor unit
    ['1.000', 'EUR', ',', 100000], // a thousand where the comma is the decimal mark
    ['1.000', 'USD', '.', 100], // one where the dot is
  ] as const)('%s %s (%s) → %i minor', (text, currency, mark, minor) => {
    expect(readAmount(text, currency, mark)).toEqual({ ok: true, value: minor });
  });

  it('rejects a value written the other way than its column, saying so', () => {
    expect(readAmount('1.234,56', 'EUR', '.')).toEqual({ ok: false, reason: 'is not written like the rest of its column (1,234.56)' });
  });

  it.each([['abc'], ['1e21'], ['12345678901234567890']])('rejects %s', (text) => {
    expect(readAmount(text, 'USD').ok).toBe(false);
  });

  it('reads currencies from codes, signs and Russian names', () => {
    expect(['USD', 'rub', 'руб.', '₽', 'Российский рубль', 'RUR', '€'].map((t) => readCurrency(t))).toEqual(
      ['USD', 'RUB', 'RUB', 'RUB', 'RUB', 'RUB', 'EUR'].map((value) => ({ ok: true, value })),
    );
    expect(readCurrency('dollars').ok).toBe(false);
  });

  it('finds a currency named in a cell or a header, but not in unrelated capitals', () => {
    expect([currencyIn('$1,234'), currencyIn('Бюджет, руб.'), currencyIn('Сумма ₽'), currencyIn('Amount (EUR)')]).toEqual(['USD', 'RUB', 'RUB', 'EUR']);
    expect([currencyIn('MRR'), currencyIn('Amount'), currencyIn('1 234,56')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('probabilities', () => {
  it.each([
    ['75', undefined, 75],
    ['75%', undefined, 75],
    ['0.75', undefined, 75], // a decimal at most 1 is a fraction
    ['0,5', undefined, 50],
    ['1', undefined, 1], // a whole number is a percent
    ['1', 'fraction' as const, 100], // HubSpot writes fractions
    ['0.2', 'fraction' as const, 20],
  ])('%s (%s) → %d %', (text, scale, percent) => {
    expect(readProbability(text, scale)).toEqual({ ok: true, value: percent });
  });
  it('rejects values outside 0–100 %', () => {
    expect(readProbability('150', undefined).ok).toBe(false);
    expect(readProbability('high', undefined).ok).toBe(false);
  });
});

describe('yes/no and durations', () => {
  it('reads yes/no words in English and Russian', () => {
    expect(['Yes', 'TRUE', '1', 'Да', 'Done'].map((t) => readBoolean(t))).toEqual(Array(5).fill({ ok: true, value: true }));
    expect(['No', 'false', '0', 'Нет', 'To do'].map((t) => readBoolean(t))).toEqual(Array(5).fill({ ok: true, value: false }));
    expect(readBoolean('maybe').ok).toBe(false);
  });
  it.each([
    ['00:30', 'seconds' as const, 1800], // Pipedrive HH:MM
    ['1:02:03', 'seconds' as const, 3723],
    ['90', 'seconds' as const, 90],
    ['90000', 'milliseconds' as const, 90], // HubSpot call duration in ms
    ['5 min', 'seconds' as const, 300],
    ['2 мин', 'seconds' as const, 120],
  ])('%s (%s) → %i s', (text, unit, seconds) => {
    expect(readDuration(text, unit)).toEqual({ ok: true, value: seconds });
  });
});

describe('vocabulary', () => {
  const none = keySet([]);
  it('reads deal statuses in English and Russian, explicit lists first', () => {
    expect(['Won', 'LOST', 'open', 'Успешно реализовано', 'Закрыто и не реализовано', 'Deleted', 'Gewonnen'].map((t) => readDealStatus(t, none, none))).toEqual(
      ['won', 'lost', 'open', 'won', 'lost', 'deleted', 'unknown'],
    );
    expect(readDealStatus('Gewonnen', keySet(['gewonnen']), none)).toBe('won');
    expect(readDealStatus('Won', none, keySet(['won']))).toBe('lost'); // the user's list beats the built-in vocabulary
    expect(readDealStatus('Won', keySet(['won']), keySet(['won']))).toBe('won'); // the won list is checked first
  });
  it('reads lead statuses, activity types, directions and channels', () => {
    expect(['Качественный лид', 'Closed - Not Converted', 'Attempted to Contact'].map(readLeadStatus)).toEqual(['converted', 'disqualified', 'open']);
    expect(['Call', 'Звонок', 'E-mail', 'Встреча', 'Demo', 'Задача', 'Lunch', 'Fax'].map(readActivityType)).toEqual([
      'call',
      'call',
      'email',
      'meeting',
      'meeting',
      'task',
      'meeting',
      'other',
    ]);
    expect(['Outbound', 'Входящий', 'Исходящий звонок', 'Internal'].map(readDirection)).toEqual(['outbound', 'inbound', 'outbound', undefined]);
    expect(['Cold Call', 'Paid Social', 'Сайт', 'Рекомендация', 'Trade Show', 'Billboard'].map(readChannel)).toEqual([
      'call',
      'social',
      'inbound',
      'referral',
      'event',
      'other',
    ]);
  });
});
