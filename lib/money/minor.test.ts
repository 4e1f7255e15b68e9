import { describe, expect, it } from 'vitest';
import { currencyDigits, majorToMinor, minorToMajor } from './minor';

describe('majorToMinor', () => {
  it.each([
    [12.5, 'USD', 1250],
    [0.1 + 0.2, 'USD', 30], // 0.30000000000000004 → 30 cents, not 30.000000000000004
    ['1234.56', 'USD', 123456],
    ['1,234.56', 'USD', 123456],
    ['1 234,56', 'RUB', 123456],
    ['1.234,56', 'EUR', 123456],
    ['$1,234', 'USD', 123400], // lone comma + 3 digits groups thousands
    ['12,5', 'RUB', 1250], // lone comma otherwise is the decimal mark
    ['₽ 1 000', 'RUB', 100000],
    ['1.000.000', 'EUR', 100000000], // a repeated mark groups
    ['-15.005', 'USD', -1501], // half up on the first dropped digit: 1500.5 → 1501
    ['500', 'JPY', 500], // yen have no minor unit
    ['1.2345', 'KWD', 1235], // 3 decimals: 1234.5 → 1235
  ])('%s %s → %i', (input, currency, expected) => {
    expect(majorToMinor(input, currency)).toBe(expected);
  });

  it.each([['abc'], [''], ['1.2.3,4,5x,']])('rejects %s', (input) => {
    expect(majorToMinor(input, 'USD')).toBeUndefined();
  });

  it.each([
    ['12x5', 'letters inside the number: not 125'],
    ['1O0', 'a letter O for a zero: not 10'],
    ['n/a', 'no digits'],
    ['5-3', 'a range, not an amount'],
    ['+-5', 'two signs'],
    ['$', 'a sign alone'],
  ])('refuses %s (%s)', (text) => {
    expect(majorToMinor(text, 'USD')).toBeUndefined();
  });

  it.each([
    ['USD 100', 10_000],
    ['100 USD', 10_000],
    ['1000 руб.', 100_000],
    ['$-1,234', -123_400],
    ['€1,234.56 EUR', 123_456],
  ])('keeps currency words around the number: %s → %i', (text, minor) => {
    expect(majorToMinor(text, 'USD')).toBe(minor);
  });

  it('rejects non-finite numbers and amounts past safe integers', () => {
    expect(majorToMinor(Number.NaN, 'USD')).toBeUndefined();
    expect(majorToMinor(Infinity, 'USD')).toBeUndefined();
    expect(majorToMinor(1e20, 'USD')).toBeUndefined();
  });
});

describe('currency digits', () => {
  it('knows the minor unit of common currencies', () => {
    expect([currencyDigits('USD'), currencyDigits('JPY'), currencyDigits('KWD'), currencyDigits('RUB')]).toEqual([2, 0, 3, 2]);
  });
  it('converts back to major units', () => {
    expect(minorToMajor(123456, 'USD')).toBe(1234.56);
    expect(minorToMajor(500, 'JPY')).toBe(500);
  });
});
