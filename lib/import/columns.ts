import { dateShare, type ColumnProfile } from './formats/profile';
import { detectPreset, PRESETS } from './presets';
import { ACTIVITY_SYNONYMS, DEAL_SYNONYMS, LEAD_SYNONYMS } from './synonyms';
import { compactKey } from './text';
import {
  ACTIVITY_FIELDS,
  DEAL_FIELDS,
  ImportError,
  LEAD_FIELDS,
  type AnyField,
  type ColumnSynonyms,
  type CsvPreset,
  type HeaderLanguage,
  type ImportKind,
  type ImportOptions,
} from './types';

export const FIELDS_BY_KIND: Readonly<Record<ImportKind, readonly AnyField[]>> = {
  deals: DEAL_FIELDS,
  activities: ACTIVITY_FIELDS,
  leads: LEAD_FIELDS,
};

const SYNONYMS: Readonly<Record<ImportKind, ColumnSynonyms<AnyField>>> = {
  deals: DEAL_SYNONYMS,
  activities: ACTIVITY_SYNONYMS,
  leads: LEAD_SYNONYMS,
};

/** Fields that say what a file holds; `id`, `owner` or a created date fit every kind. */
const TELLING_FIELDS: Readonly<Record<ImportKind, readonly AnyField[]>> = {
  deals: ['stage', 'status', 'isWon', 'amount', 'closedAt', 'wonAt', 'expectedCloseAt', 'probability', 'product', 'lostReason'],
  activities: ['type', 'subject', 'direction', 'time', 'done', 'durationSec'],
  leads: ['firstName', 'lastName', 'lifecycleStage', 'mqlAt', 'sqlAt', 'convertedAt'],
};

/** Fields read as dates, and as amounts: their columns get a format decided from all their values. */
export const DATE_FIELDS: ReadonlySet<AnyField> = new Set<AnyField>([
  'createdAt',
  'closedAt',
  'wonAt',
  'lostAt',
  'expectedCloseAt',
  'updatedAt',
  'lastActivityAt',
  'occurredAt',
  'mqlAt',
  'sqlAt',
  'convertedAt',
]);
export const NUMBER_FIELDS: ReadonlySet<AnyField> = new Set<AnyField>(['amount']);

/** Field → column index, and which header each field was read from. */
export type ColumnMap = { index: ReadonlyMap<AnyField, number>; names: Partial<Record<AnyField, string>> };

export type Layout = {
  kind: ImportKind;
  preset: CsvPreset | null;
  columns: ColumnMap;
  language: HeaderLanguage;
  /** The locale that reads columns their values leave open: the named (or Russian-headed) preset's, else the caller's. */
  locale?: { tag: string; from: string };
  /** The currency of amounts naming none, when the export tells it (amoCRM's Russian export: RUB). */
  accountCurrency?: { code: string; from: string };
};

/** Russian when any header is written in Cyrillic: CRMs localise every header or none. */
export function headerLanguage(headers: readonly string[]): HeaderLanguage {
  return headers.some((header) => /[\u0400-\u04ff]/.test(header)) ? 'ru' : 'en';
}

/** A column whose values are mostly not dates (`Y`/`N`, ids, amounts) is never read as a date, whatever its header says. */
export function isDateColumn(profile: ColumnProfile | undefined): boolean {
  if (!profile || profile.nonEmpty - profile.noDate <= 0) return true;
  return dateShare(profile) >= 0.5;
}

/**
 * Decides what the file holds and where each field is: explicit overrides
 * first, then the CRM preset's header names, then the generic English and
 * Russian synonyms. Each header feeds one field at most (overrides excepted).
 * With the columns' profiles, a date field is never given a column whose
 * values are not dates (Bitrix24's Y/N `OPENED` is no created date).
 */
export function planLayout(headers: readonly string[], options: ImportOptions, profiles?: readonly ColumnProfile[]): Layout {
  let preset: CsvPreset | null = null;
  let kind = options.kind;
  if (options.preset !== undefined && options.preset !== 'none') preset = PRESETS[options.preset];
  if (options.preset === undefined) {
    const match = detectPreset(headers, kind);
    if (match) {
      preset = match.preset;
      kind ??= match.kind;
    }
  }
  kind ??= detectKind(headers, preset);
  const accepts = profiles && ((field: AnyField, at: number) => !DATE_FIELDS.has(field) || isDateColumn(profiles[at]));
  const columns = resolveColumns(headers, kind, preset, options.map ?? {}, accepts);
  const language = headerLanguage(headers);
  // A preset found by a few common headers (`Stage`, `Amount`, `Close Date` are Salesforce's too) says nothing of the
  // file's locale; one the user named does, and so do a CRM's Russian headers, which only its Russian export writes.
  const named = options.preset !== undefined && !options.presetDetected;
  const trusted = preset !== null && (named || language === 'ru');
  const presetLocale = trusted ? preset?.locales?.[language] : undefined;
  const locale = presetLocale
    ? { tag: presetLocale, from: `${preset!.name}, ${language === 'ru' ? 'Russian' : 'English'} headers (${presetLocale})` }
    : options.locale
      ? { tag: options.locale, from: options.locale }
      : undefined;
  const currency = trusted ? preset?.accountCurrency?.[language] : undefined;
  const accountCurrency = currency ? { code: currency, from: `${preset!.name}, ${language === 'ru' ? 'Russian' : 'English'} export` } : undefined;
  return { kind, preset, columns, language, ...(locale ? { locale } : {}), ...(accountCurrency ? { accountCurrency } : {}) };
}

export function resolveColumns(
  headers: readonly string[],
  kind: ImportKind,
  preset: CsvPreset | null,
  overrides: Readonly<Partial<Record<AnyField, string>>>,
  accepts?: (field: AnyField, at: number) => boolean,
): ColumnMap {
  const fields = FIELDS_BY_KIND[kind];
  const index = new Map<AnyField, number>();
  const names: Partial<Record<AnyField, string>> = {};
  const claimed = new Set<number>();
  const keys = headers.map(compactKey);

  for (const [field, header] of Object.entries(overrides) as [AnyField, string | undefined][]) {
    if (header === undefined) continue;
    if (!fields.includes(field)) throw new ImportError(`unknown field "${field}" for ${kind} (fields: ${fields.join(', ')})`);
    let at = headers.findIndex((name) => name.trim() === header.trim());
    if (at < 0) at = keys.indexOf(compactKey(header));
    if (at < 0) throw new ImportError(`column "${header}" (for ${field}) is not in the file; its columns are: ${headers.join(', ')}`);
    index.set(field, at);
    names[field] = headers[at];
    claimed.add(at);
  }

  const claim = (field: AnyField, synonyms: readonly string[] | undefined) => {
    if (index.has(field) || !synonyms) return;
    for (const synonym of synonyms) {
      const key = compactKey(synonym);
      const at = keys.findIndex((candidate, i) => candidate === key && !claimed.has(i) && (accepts?.(field, i) ?? true));
      if (at >= 0) {
        index.set(field, at);
        names[field] = headers[at];
        claimed.add(at);
        return;
      }
    }
  };
  const presetColumns = preset?.columns[kind] as ColumnSynonyms<AnyField> | undefined;
  if (presetColumns) for (const field of fields) claim(field, presetColumns[field]);
  for (const field of fields) claim(field, SYNONYMS[kind][field]);
  return { index, names };
}

/**
 * The kind whose telling fields the headers cover most; a header that names
 * the record (`Lead ...`, `Activity ...`, `Сделка`) counts too. Deals on a tie.
 */
export function detectKind(headers: readonly string[], preset: CsvPreset | null): ImportKind {
  let best: ImportKind = 'deals';
  let bestScore = -1;
  for (const kind of ['deals', 'activities', 'leads'] as const) {
    const { index } = resolveColumns(headers, kind, preset, {});
    let score = TELLING_FIELDS[kind].filter((field) => index.has(field)).length;
    score += headers.filter((header) => NAMING[kind].test(header)).length * 0.5;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

const NAMING: Readonly<Record<ImportKind, RegExp>> = {
  deals: /deal|opportunit|сделк/i,
  activities: /activit|call|task|meeting|звон|задач|встреч|дело|дела/i,
  leads: /lead|лид/i,
};
