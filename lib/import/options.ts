import { DATE_ORDERS } from './formats/date-text';
import { DATE_READINGS, NUMBER_READINGS } from './formats/decide';
import { isLocale } from './formats/locale';
import { ImportError, IMPORT_KINDS, PRESET_IDS, type ImportOptions } from './types';

const DEFAULT_MAX_CELL_CHARS = 100_000;
const DEFAULT_MAX_REJECT_DETAILS = 1_000;

export type CheckedOptions = { currency?: string; maxCellChars: number; maxRowChars: number; maxRejectDetails: number };

/** Options a person can get wrong (a zone name, a currency, a locale) fail up front with a clear message. */
export function checkOptions(options: ImportOptions): CheckedOptions {
  if (!options.source || options.source.length > 200) throw new ImportError('the source must be 1–200 characters, e.g. csv:deals-2017');
  if (!isTimeZone(options.timeZone))
    throw new ImportError(`unknown time zone ${JSON.stringify(options.timeZone)} (expected an IANA name such as Europe/Moscow)`);
  const currency = options.currency?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new ImportError(`${JSON.stringify(options.currency)} is not an ISO 4217 currency code`);
  if (options.kind !== undefined && !IMPORT_KINDS.includes(options.kind)) throw new ImportError(`unknown kind ${JSON.stringify(options.kind)}`);
  if (options.preset !== undefined && options.preset !== 'none' && !PRESET_IDS.includes(options.preset)) {
    throw new ImportError(`unknown preset ${JSON.stringify(options.preset)} (presets: ${PRESET_IDS.join(', ')}, none)`);
  }
  if (options.delimiter !== undefined && (options.delimiter === '' || /["\r\n]/.test(options.delimiter))) {
    throw new ImportError('the delimiter cannot be empty, a quote or a line break');
  }
  if (options.dateOrder !== undefined && !DATE_ORDERS.includes(options.dateOrder))
    throw new ImportError(`unknown date order ${JSON.stringify(options.dateOrder)} (use dmy, mdy or ymd)`);
  for (const [name, tag] of [
    ['number locale', options.numberLocale],
    ['locale', options.locale],
  ] as const) {
    if (tag !== undefined && !isLocale(tag)) throw new ImportError(`unknown ${name} ${JSON.stringify(tag)} (expected a language tag such as en, de or ru-RU)`);
  }
  if (options.excelEpoch !== undefined && options.excelEpoch !== 1900 && options.excelEpoch !== 1904)
    throw new ImportError('the Excel day count is 1900 or 1904');
  for (const [column, reading] of Object.entries(options.formats ?? {})) {
    if (!/^\d+$/.test(column) || ![...NUMBER_READINGS, ...DATE_READINGS].includes(reading))
      throw new ImportError(`bad format ${JSON.stringify(reading)} for column ${column}`);
  }
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  return {
    ...(currency === undefined ? {} : { currency }),
    maxCellChars,
    // A row may hold many long cells; past this it is a quote that never closes.
    maxRowChars: Math.max(maxCellChars * 40, 4_000_000),
    maxRejectDetails: options.maxRejectDetails ?? DEFAULT_MAX_REJECT_DETAILS,
  };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}
