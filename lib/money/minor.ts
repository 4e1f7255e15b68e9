const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit (USD 2, JPY 0, KWD 3), from Intl; 2 when unknown. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/**
 * A major-unit amount (12.5 or "12.50" or "1 234,56") to integer minor units.
 * Strings are read digit by digit so 0.1 + 0.2 style float error never enters
 * the books. Returns undefined for anything that is not a finite amount.
 */
export function majorToMinor(value: number | string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    const minor = Math.round(value * 10 ** digits);
    return Number.isSafeInteger(minor) ? minor : undefined;
  }
  const cleaned = normaliseDecimal(value);
  if (cleaned === undefined) return undefined;
  const negative = cleaned.startsWith('-');
  const [whole = '0', fraction = ''] = cleaned.replace(/^[-+]/, '').split('.');
  const padded = (fraction + '0'.repeat(digits + 1)).slice(0, digits + 1);
  let minor = Number(whole) * 10 ** digits + Number(padded.slice(0, digits) || '0');
  if (Number(padded[digits]) >= 5) minor += 1; // round half up on the first dropped digit
  if (!Number.isSafeInteger(minor)) return undefined;
  return negative ? -minor : minor;
}

/** Integer minor units back to a major-unit number (for display and JSON output). */
export function minorToMajor(minor: number, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((minor / 10 ** digits).toFixed(digits));
}

/**
 * Reads the decimal amounts CRMs and spreadsheets write: `1234.56`, `1,234.56`,
 * `1 234,56`, `1.234,56`, `$1,234`, `₽ 1 000`. With both marks the last one is the
 * decimal mark; a mark that repeats groups thousands; a lone comma followed by
 * exactly three digits groups thousands (`1,234`), otherwise it is decimal (`12,5`).
 */
function normaliseDecimal(input: string): string | undefined {
  // A currency sign, code or word may stand before or after the number (`$`, `USD`, `руб.`), never
  // inside it: `12x5` is not 125, and `1O0` (a letter O) is not 10.
  const parts = /^([-+]?)[^\d+\-.,]*([-+]?)(\d[\d.,]*|[.,]\d[\d.,]*)(?:[^\d]*)$/.exec(input.trim().replace(/[\s\u00a0\u202f']/g, ''));
  if (!parts || (parts[1] && parts[2])) return undefined;
  let text = `${parts[1] || parts[2]}${parts[3]!.replace(/[.,]+$/, '')}`;
  if (!/\d/.test(text)) return undefined;
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  if (dots && commas) {
    const decimal = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    const grouping = decimal === '.' ? ',' : '.';
    text = text.split(grouping).join('').replace(decimal, '.');
  } else if (dots > 1 || commas > 1) {
    text = text.replace(/[.,]/g, '');
  } else if (commas === 1) {
    text = /,\d{3}$/.test(text) ? text.replace(',', '') : text.replace(',', '.');
  }
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? text : undefined;
}
