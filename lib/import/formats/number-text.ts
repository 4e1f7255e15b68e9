/**
 * Amount cells as spreadsheets and CRMs write them in any locale, read without
 * guessing: `1,234.56`, `1.234,56`, `1 234,56` (space, no-break or narrow
 * no-break space), `1'234.56` / `1’234.56` (Swiss), `12,34,567.89` (Indian
 * lakh grouping), a currency sign, code or word before or after (`$`, `US$`,
 * `CHF`, `€`, `руб.`), a sign before, after or between (`-$5`, `$-5`, `5-`) and
 * accounting brackets `(300)`.
 *
 * A cell is read under a decimal mark (`.` or `,`); the other separators must
 * then group digits properly (first group 1–3 digits, then groups of three, or
 * Indian twos before the last three), so `1,5` cannot be one-and-five under a
 * dot and `1.234,56` has only one reading. `1.000` has two (one, or a thousand):
 * which one is the column's to decide (see decide.ts), never the cell's.
 */
export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/** The parts of an amount cell: its sign, the digits with their separators, and the text around them. */
export type AmountParts = { negative: boolean; body: string; affix: string };

/** How a cell reads under each decimal mark: a plain decimal (`-1234.5`), or undefined when it does not fit that mark. */
export type NumberReadings = Readonly<Record<DecimalMark, string | undefined>>;

const SIGNS = /[-+\u2212]/g;
/** What may stand around the number: a currency sign, code or word (letters of any script, `$`, `€`, `.`, spaces). */
const AFFIX = /^[\p{L}\p{Sc}.\s]{0,24}$/u;
const BODY = /[.,]?\d(?:[\d.,'’\s]*\d)?/u;
const MAX_DIGITS = 18;

/** Splits a cell into sign, number and surrounding text; undefined when it is not one number with a currency at most. */
export function splitAmount(text: string): AmountParts | undefined {
  let value = text.trim();
  let bracketed = false;
  if (value.startsWith('(') && value.endsWith(')')) {
    bracketed = true;
    value = value.slice(1, -1).trim();
  }
  const match = BODY.exec(value);
  if (!match) return undefined;
  // `1'000.-` is a thousand with no cents (Swiss price style), not a minus.
  const after = value.slice(match.index + match[0].length).replace(/^[.,][-\u2013\u2014]/, '');
  const around = `${value.slice(0, match.index)} ${after}`;
  const signs = around.match(SIGNS) ?? [];
  if (signs.length > 1 || (bracketed && signs.length > 0)) return undefined;
  const affix = around.replace(SIGNS, '').trim();
  if (!AFFIX.test(affix)) return undefined;
  const negative = bracketed || signs[0] === '-' || signs[0] === '\u2212';
  return { negative, body: match[0], affix };
}

/** The body read with `mark` as the decimal mark: digits and at most one `.` (`1234.5`), or undefined. */
export function readBody(body: string, mark: DecimalMark): string | undefined {
  const plain = body.replace(/\s/gu, ' ').replace(/’/g, "'");
  const at = plain.indexOf(mark);
  if (at >= 0 && plain.indexOf(mark, at + 1) >= 0) return undefined;
  const whole = at < 0 ? plain : plain.slice(0, at);
  const fraction = at < 0 ? '' : plain.slice(at + 1);
  if (at >= 0 && !/^\d+$/.test(fraction)) return undefined;
  const digits = groupedDigits(whole, mark);
  if (digits === undefined) return undefined;
  if (digits.length + fraction.length > MAX_DIGITS) return undefined;
  return fraction ? `${digits || '0'}.${fraction}` : digits;
}

/** `1 234` → `1234`; one grouping character only, groups of three (or Indian twos then three); undefined when badly grouped. */
function groupedDigits(whole: string, mark: DecimalMark): string | undefined {
  if (whole === '') return '';
  if (/^\d+$/.test(whole)) return whole;
  const separators = new Set(whole.replace(/\d/g, ''));
  if (separators.size !== 1) return undefined;
  const [separator] = separators;
  if (separator === mark) return undefined;
  const groups = whole.split(separator!);
  const [first, ...rest] = groups;
  if (!first || !/^[1-9]\d{0,2}$/.test(first) || rest.length === 0) return undefined;
  const last = rest.at(-1)!;
  if (!/^\d{3}$/.test(last)) return undefined;
  const middle = rest.slice(0, -1);
  const western = middle.every((group) => /^\d{3}$/.test(group));
  const indian = middle.length > 0 && middle.every((group) => /^\d{2}$/.test(group));
  return western || indian ? groups.join('') : undefined;
}

/** Both readings of a cell (undefined for a mark it does not fit), or undefined when it is not an amount at all. */
export function numberReadings(text: string): NumberReadings | undefined {
  const parts = splitAmount(text);
  if (!parts) return undefined;
  const sign = parts.negative ? '-' : '';
  const dot = readBody(parts.body, '.');
  const comma = readBody(parts.body, ',');
  if (dot === undefined && comma === undefined) return undefined;
  return { '.': dot === undefined ? undefined : sign + dot, ',': comma === undefined ? undefined : sign + comma };
}

/** The marks a cell fits and whether its value depends on the mark: `1.000` does, `1 000` and `1000` do not. */
export function markEvidence(readings: NumberReadings): { fits: DecimalMark[]; differs: boolean } {
  const fits = DECIMAL_MARKS.filter((mark) => readings[mark] !== undefined);
  const differs = fits.length === 2 && Number(readings['.']) !== Number(readings[',']);
  return { fits, differs };
}
