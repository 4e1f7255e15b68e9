/**
 * Contract of lib/import: CSV exports of any CRM turned into canonical records.
 * The output lists are keyed like KpiData so an import can be handed to the KPI
 * engine (or the database) as it is.
 */
import type { ActivityType } from '../model';
import type { ColumnFormat, ColumnReading } from './formats/decide';
import type { DateOrder, SerialEpoch } from './formats/date-text';
import type { ColumnProfile } from './formats/profile';
import type { RecordBatch } from './result-types';

export type { ColumnFormat, ColumnReading, DateReading, FormatBasis } from './formats/decide';
export type { DateOrder, SerialEpoch } from './formats/date-text';
export type { DecimalMark } from './formats/number-text';
export type { ColumnProfile } from './formats/profile';

export const IMPORT_KINDS = ['deals', 'activities', 'leads'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const DEAL_FIELDS = [
  'id',
  'title',
  'owner',
  'stage',
  'status',
  'isWon',
  'isClosed',
  'amount',
  'currency',
  'createdAt',
  'closedAt',
  'wonAt',
  'lostAt',
  'expectedCloseAt',
  'updatedAt',
  'probability',
  'product',
  'account',
  'region',
  'source',
  'pipeline',
  'lostReason',
  'lastActivityAt',
] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

export const ACTIVITY_FIELDS = [
  'id',
  'type',
  'subject',
  'direction',
  'occurredAt',
  'time',
  'createdAt',
  'done',
  'owner',
  'deal',
  'durationSec',
  'account',
] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export const LEAD_FIELDS = [
  'id',
  'name',
  'firstName',
  'lastName',
  'owner',
  'createdAt',
  'status',
  'lifecycleStage',
  'source',
  'mqlAt',
  'sqlAt',
  'convertedAt',
  'region',
  'updatedAt',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export type FieldOf<K extends ImportKind> = K extends 'deals' ? DealField : K extends 'activities' ? ActivityField : LeadField;
export type AnyField = DealField | ActivityField | LeadField;

/** Header names per field, in order of preference; matched case-, space- and punctuation-insensitively. */
export type ColumnSynonyms<F extends string> = Partial<Record<F, readonly string[]>>;

export const PRESET_IDS = ['pipedrive', 'hubspot', 'salesforce', 'amocrm', 'bitrix24'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** The language of an export's headers: what a CRM's localised export says about its dates, numbers and currency. */
export type HeaderLanguage = 'en' | 'ru';

/**
 * How one CRM writes its exports: the column headers it uses for each kind of
 * record and the values it writes. Only a mapping and a vocabulary: no code.
 */
export type CsvPreset = {
  id: PresetId;
  name: string;
  columns: {
    deals: ColumnSynonyms<DealField>;
    activities?: ColumnSynonyms<ActivityField>;
    leads?: ColumnSynonyms<LeadField>;
  };
  /** Stage (or status) values that mean won / lost in this CRM's default pipelines. */
  wonValues?: readonly string[];
  lostValues?: readonly string[];
  /** Status-column codes of this CRM (Bitrix24's STAGE_SEMANTIC_ID S / F / P), read before the generic words. */
  statusCodes?: { won: readonly string[]; lost: readonly string[]; open: readonly string[] };
  /** Values of id columns that mean "none" (Bitrix24 writes `0` for a deal without a company). */
  noneValues?: readonly string[];
  /** Activity type and direction codes of the CRM's API exports (Bitrix24's TYPE_ID 2 = call, DIRECTION 2 = outgoing). */
  activityCodes?: { type?: Readonly<Record<string, ActivityType>>; direction?: Readonly<Record<string, 'inbound' | 'outbound'>> };
  /** A prefix of stage codes naming the pipeline (Bitrix24's `C6:` in `C6:WON`), compared without it too. */
  stagePrefix?: RegExp;
  /** `fraction`: probabilities are written 0–1 (HubSpot); `percent`: 0–100. */
  probability?: 'fraction' | 'percent';
  /**
   * The locale the CRM writes dates and numbers in when its headers are in
   * this language (amoCRM in Russian: `ru-RU`): the reading of a column whose
   * values leave it open.
   */
  locales?: Partial<Record<HeaderLanguage, string>>;
  /** The account currency of amounts naming none, when the export's language tells it (amoCRM in Russian: RUB). */
  accountCurrency?: Partial<Record<HeaderLanguage, string>>;
  /** Unit of bare numbers in duration columns (HubSpot writes call durations in ms). */
  durationUnit?: 'seconds' | 'milliseconds';
};

/** ISO 4217's code for "no currency": amounts whose currency neither the file nor the options name. */
export const UNKNOWN_CURRENCY = 'XXX';

export type ImportOptions = {
  /** The `source` of every record, e.g. `csv:deals-2017`. */
  source: string;
  /** What the rows are; detected from the headers when absent. */
  kind?: ImportKind;
  /** A CRM's export format; detected from the headers when absent, `none` for generic detection only. */
  preset?: PresetId | 'none';
  /**
   * The preset was found by detection and only handed on (a preview's, kept
   * for the run): it reads the CRM's words but, like any detected preset,
   * lends no locale to open columns unless the headers are Russian.
   */
  presetDetected?: boolean;
  /** Field → header name overrides; they win over presets and detection. */
  map?: Readonly<Partial<Record<AnyField, string>>>;
  /** Stage or status values that mean won / lost, for exports without a status column. */
  won?: readonly string[];
  lost?: readonly string[];
  /** IANA zone for dates without a zone (date-only values become local midnight). */
  timeZone: string;
  /**
   * Currency of amounts that carry none (no currency column, no sign or code in
   * the cell or header). Without it the preset's account currency, else
   * UNKNOWN_CURRENCY: never an assumed USD.
   */
  currency?: string;
  /** The order of `a/b/c` dates in columns whose own values leave it open (`dmy`, `mdy`, `ymd`). */
  dateOrder?: DateOrder;
  /** A locale (`de`, `en-US`, `ru`) whose decimal mark reads amount columns whose own values leave it open. */
  numberLocale?: string;
  /** Excel's day count for columns of serial dates (default 1900, the Windows count). */
  excelEpoch?: SerialEpoch;
  /** The reading of single columns by index, forced (the rep's choice in the preview). */
  formats?: Readonly<Record<number, ColumnReading>>;
  /** The locale the data was written in, when known (a page's language): after the preset's, the last word on open columns. */
  locale?: string;
  /**
   * The column profiles of this very file from an earlier scanCsv: the file is
   * then read once instead of twice. A profile of another file misreads it.
   */
  profiles?: readonly ColumnProfile[];
  /** Field delimiter; sniffed from the header line when absent (`,` `;` tab or `|`). */
  delimiter?: string;
  /** The records' `updatedAt` when the file has no update-time column (ms). */
  importedAt?: number;
  /** Longest cell accepted, in characters; a row with a longer cell is rejected. Default 100,000. */
  maxCellChars?: number;
  /** How many rejected rows are kept with their details (all are counted). Default 1,000. */
  maxRejectDetails?: number;
  /**
   * Receives the deals, activities and leads of each chunk as soon as they are
   * read (awaited, so a slow writer slows the reading). When set, the result
   * holds only the owners, products and customers, so a 50 MB file never sits
   * in memory as records either.
   */
  onRecords?: (batch: RecordBatch) => void | Promise<void>;
};

export * from './result-types';

/** A CSV the importer cannot read at all: no header, no recognisable columns, an unknown override column. */
export class ImportError extends Error {
  override readonly name: string = 'ImportError';
}

/**
 * Columns whose format the file leaves open (`1.000`: one or a thousand?
 * `05/06/2017`: May or June?) or that mix two formats: nothing was imported,
 * and the message names the choice to make.
 */
export class FormatError extends ImportError {
  override readonly name = 'FormatError';
  constructor(
    message: string,
    readonly formats: readonly ColumnFormat[],
  ) {
    super(message);
  }
}
