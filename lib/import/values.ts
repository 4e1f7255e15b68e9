import { majorToMinor } from '../money/minor';
import { readBody, splitAmount, type DecimalMark } from './formats/number-text';
import { compactKey } from './text';

type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Currency signs and names exports write instead of ISO codes. */
const CURRENCY_WORDS = new Map<string, string>([
  ['$', 'USD'],
  ['us$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₽', 'RUB'],
  ['₸', 'KZT'],
  ['₴', 'UAH'],
  ['₹', 'INR'],
  ['rur', 'RUB'],
  ['руб', 'RUB'],
  ['р', 'RUB'],
  ['рубль', 'RUB'],
  ['рубли', 'RUB'],
  ['российскийрубль', 'RUB'],
  ['доллар', 'USD'],
  ['долларсша', 'USD'],
  ['евро', 'EUR'],
  ['тенге', 'KZT'],
  ['грн', 'UAH'],
  ['гривна', 'UAH'],
  ['белорусскийрубль', 'BYN'],
  ['бел руб', 'BYN'],
]);

/** A currency cell (`USD`, `руб.`, `₽`, `Российский рубль`) to an ISO 4217 code. */
export function readCurrency(text: string): Read<string> {
  const value = text.trim();
  if (/^[A-Za-z]{3}$/.test(value)) return { ok: true, value: value.toUpperCase() === 'RUR' ? 'RUB' : value.toUpperCase() };
  const code = CURRENCY_WORDS.get(value.toLowerCase()) ?? CURRENCY_WORDS.get(compactKey(value));
  return code ? { ok: true, value: code } : { ok: false, reason: 'is not a currency (expected an ISO code such as USD or RUB)' };
}

/**
 * The currency a cell or a header names by a sign or a code, e.g. `$1,234.50`,
 * `1 234 ₽`, `Бюджет, руб.`, `Amount (EUR)`; undefined when it names none.
 */
export function currencyIn(text: string): string | undefined {
  if (text.includes('$')) return 'USD';
  if (text.includes('€')) return 'EUR';
  if (text.includes('£')) return 'GBP';
  if (text.includes('₽') || /(^|[^\p{L}])(руб|р)\.?($|[^\p{L}])/iu.test(text)) return 'RUB';
  if (text.includes('₸')) return 'KZT';
  if (text.includes('₴')) return 'UAH';
  const code = /(^|[^A-Za-z])([A-Z]{3})($|[^A-Za-z])/.exec(text)?.[2];
  if (code === 'RUR') return 'RUB';
  return code !== undefined && isKnownCurrency(code) ? code : undefined;
}

let knownCurrencies: ReadonlySet<string> | undefined;

/** ISO 4217 codes the runtime knows, so `MRR` or `CEO` in a header is not taken for a currency. */
export function isKnownCurrency(code: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(code);
}

/**
 * An amount cell in major units to integer minor units of `currency`, read
 * with the column's decimal mark (formats/number-text.ts: `1 234,56`,
 * `$1,234.50`, `1.234,56 €`, `CHF-1'234.50`). Accounting negatives `(1,234.00)`
 * and trailing minus signs `300-` keep their sign.
 */
export function readAmount(text: string, currency: string, mark: DecimalMark = '.'): Read<number> {
  const parts = splitAmount(text);
  if (!parts) return { ok: false, reason: /\d[eE][+-]?\d/.test(text) ? 'is not an amount that can be kept exactly' : 'is not an amount' };
  if ((parts.body.match(/\d/g) ?? []).length > 18) return { ok: false, reason: 'is not an amount that can be kept exactly' };
  const plain = readBody(parts.body, mark);
  if (plain === undefined) {
    const other = mark === '.' ? ',' : '.';
    const fits = readBody(parts.body, other) !== undefined;
    return { ok: false, reason: fits ? `is not written like the rest of its column (${mark === '.' ? '1,234.56' : '1.234,56'})` : 'is not an amount' };
  }
  const minor = majorToMinor(plain, currency);
  if (minor === undefined) return { ok: false, reason: 'is not an amount' };
  return { ok: true, value: parts.negative ? -Math.abs(minor) : minor };
}

/**
 * A win probability to 0–100 %. `75`, `75%` and `75,5` are percents; `0.75` is a
 * fraction when the CRM writes fractions (HubSpot) or when the value has a
 * decimal point and is at most 1.
 */
export function readProbability(text: string, scale: 'fraction' | 'percent' | undefined): Read<number> {
  const value = text.trim();
  const number = Number(value.replace('%', '').replace(',', '.').trim());
  if (value === '' || !Number.isFinite(number)) return { ok: false, reason: 'is not a probability' };
  const fraction = !value.includes('%') && (scale === 'fraction' || (scale === undefined && /[.,]/.test(value) && number <= 1));
  const percent = fraction ? number * 100 : number;
  if (percent < 0 || percent > 100) return { ok: false, reason: 'is not a probability between 0 and 100 %' };
  return { ok: true, value: Math.round(percent * 100) / 100 };
}

const TRUE_WORDS = new Set([
  'true',
  'yes',
  'y',
  '1',
  'x',
  'да',
  'д',
  'done',
  'completed',
  'complete',
  'выполнено',
  'выполнен',
  'завершено',
  'завершен',
  'закрыта',
  'закрыт',
]);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'нет', 'н', 'todo', 'notdone', 'notstarted', 'open', 'невыполнено', 'открыта', 'открыт']);

/** A yes/no cell (`Yes`, `TRUE`, `1`, `Да`, `Done`, `To do`...). */
export function readBoolean(text: string): Read<boolean> {
  const key = compactKey(text);
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return { ok: false, reason: 'is not a yes/no value' };
}

/** A duration to whole seconds: `HH:MM[:SS]`, `90` (seconds, or ms with `unit`), `5 min`, `2 мин`, `1 h`. */
export function readDuration(text: string, unit: 'seconds' | 'milliseconds'): Read<number> {
  const value = text.trim().toLowerCase().replace(',', '.');
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (clock) {
    const seconds =
      clock[3] === undefined ? Number(clock[1]) * 3600 + Number(clock[2]) * 60 : Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
    return { ok: true, value: seconds };
  }
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?|сек|с|m|min|mins|minutes?|мин|h|hr|hours?|ч|час|часа|часов)?\.?$/.exec(value);
  if (!match) return { ok: false, reason: 'is not a duration' };
  const amount = Number(match[1]);
  const suffix = match[2];
  let seconds: number;
  if (suffix === undefined) seconds = unit === 'milliseconds' ? amount / 1000 : amount;
  else if (suffix === 'ms') seconds = amount / 1000;
  else if (/^(m|min|mins|minutes?|мин)$/.test(suffix)) seconds = amount * 60;
  else if (/^(h|hr|hours?|ч|час|часа|часов)$/.test(suffix)) seconds = amount * 3600;
  else seconds = amount;
  return Number.isFinite(seconds) ? { ok: true, value: Math.round(seconds) } : { ok: false, reason: 'is not a duration' };
}
