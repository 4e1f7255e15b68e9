import { ImportError, IMPORT_KINDS, PRESET_IDS, type ImportOptions } from './types';

const DEFAULT_MAX_CELL_CHARS = 100_000;
const DEFAULT_MAX_REJECT_DETAILS = 1_000;

export type CheckedOptions = { currency: string; maxCellChars: number; maxRowChars: number; maxRejectDetails: number };

/** Options a person can get wrong (a zone name, a currency) fail up front with a clear message. */
export function checkOptions(options: ImportOptions): CheckedOptions {
  if (!options.source || options.source.length > 200) throw new ImportError('the source must be 1–200 characters, e.g. csv:deals-2017');
  if (!isTimeZone(options.timeZone)) throw new ImportError(`unknown time zone ${JSON.stringify(options.timeZone)} (expected an IANA name such as Europe/Moscow)`);
  const currency = (options.currency ?? 'USD').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new ImportError(`${JSON.stringify(options.currency)} is not an ISO 4217 currency code`);
  if (options.kind !== undefined && !IMPORT_KINDS.includes(options.kind)) throw new ImportError(`unknown kind ${JSON.stringify(options.kind)}`);
  if (options.preset !== undefined && options.preset !== 'none' && !PRESET_IDS.includes(options.preset)) {
    throw new ImportError(`unknown preset ${JSON.stringify(options.preset)} (presets: ${PRESET_IDS.join(', ')}, none)`);
  }
  if (options.delimiter !== undefined && (options.delimiter === '' || /["\r\n]/.test(options.delimiter))) {
    throw new ImportError('the delimiter cannot be empty, a quote or a line break');
  }
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  return {
    currency,
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
