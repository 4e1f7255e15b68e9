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

/** Field → column index, and which header each field was read from. */
export type ColumnMap = { index: ReadonlyMap<AnyField, number>; names: Partial<Record<AnyField, string>> };

export type Layout = { kind: ImportKind; preset: CsvPreset | null; columns: ColumnMap };

/**
 * Decides what the file holds and where each field is: explicit overrides
 * first, then the CRM preset's header names, then the generic English and
 * Russian synonyms. Each header feeds one field at most (overrides excepted).
 */
export function planLayout(headers: readonly string[], options: ImportOptions): Layout {
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
  const columns = resolveColumns(headers, kind, preset, options.map ?? {});
  return { kind, preset, columns };
}

export function resolveColumns(
  headers: readonly string[],
  kind: ImportKind,
  preset: CsvPreset | null,
  overrides: Readonly<Partial<Record<AnyField, string>>>,
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
      const at = keys.findIndex((candidate, i) => candidate === key && !claimed.has(i));
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
