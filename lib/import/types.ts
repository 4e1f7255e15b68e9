/**
 * Contract of lib/import: CSV exports of any CRM turned into canonical records.
 * The output lists are keyed like KpiData so an import can be handed to the KPI
 * engine (or the database) as it is.
 */
import type { Activity, Customer, Deal, Lead, Owner, Product } from '../model';

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
  /** `fraction`: probabilities are written 0–1 (HubSpot); `percent`: 0–100. */
  probability?: 'fraction' | 'percent';
  /** How `01/02/2017` reads in this CRM's exports. */
  dateOrder?: DateOrder;
  /** Unit of bare numbers in duration columns (HubSpot writes call durations in ms). */
  durationUnit?: 'seconds' | 'milliseconds';
};

/** `mdy`: 01/02/2017 is January 2nd (US); `dmy`: February 1st. Dotted dates are always day first. */
export type DateOrder = 'mdy' | 'dmy';

export type ImportOptions = {
  /** The `source` of every record, e.g. `csv:deals-2017`. */
  source: string;
  /** What the rows are; detected from the headers when absent. */
  kind?: ImportKind;
  /** A CRM's export format; detected from the headers when absent, `none` for generic detection only. */
  preset?: PresetId | 'none';
  /** Field → header name overrides; they win over presets and detection. */
  map?: Readonly<Partial<Record<AnyField, string>>>;
  /** Stage or status values that mean won / lost, for exports without a status column. */
  won?: readonly string[];
  lost?: readonly string[];
  /** IANA zone for dates without a zone (date-only values become local midnight). */
  timeZone: string;
  /** Currency of amounts that carry none (no currency column, no symbol). Default USD. */
  currency?: string;
  /** How slash dates read; the preset's or `mdy` when absent. */
  dateOrder?: DateOrder;
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

export type RecordBatch = Pick<ImportedRecords, 'deals' | 'activities' | 'leads'>;

/** A row that was not imported: its 1-based line number in the file (the header is line 1) and why. */
export type RowReject = {
  line: number;
  reason: string;
  /** The start of the row's text, for the person fixing the file. */
  excerpt?: string;
};

/** Something imported but worth knowing, counted: e.g. won deals without a close date. */
export type ImportWarning = {
  code: string;
  message: string;
  count: number;
  examples?: readonly string[];
};

export type ImportedRecords = {
  deals: Deal[];
  owners: Owner[];
  products: Product[];
  customers: Customer[];
  activities: Activity[];
  leads: Lead[];
};

export type ImportResult = {
  kind: ImportKind;
  preset: PresetId | null;
  /** Which header each field was read from. */
  columns: Readonly<Partial<Record<AnyField, string>>>;
  headers: readonly string[];
  delimiter: string;
  records: ImportedRecords;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows that became a record. */
  imported: number;
  /** The first `maxRejectDetails` rejected rows; `rejectCount` counts them all. */
  rejects: RowReject[];
  rejectCount: number;
  warnings: ImportWarning[];
};

export type ImportProgress = {
  /** Characters consumed so far, and the total when known (string input). */
  chars: number;
  totalChars?: number;
  rows: number;
  imported: number;
  rejected: number;
};

/** A CSV the importer cannot read at all: no header, no recognisable columns, an unknown override column. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
