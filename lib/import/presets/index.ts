import type { CsvPreset, ImportKind, PresetId } from '../types';
import { amocrmPreset } from './amocrm';
import { bitrix24Preset } from './bitrix24';
import { hubspotPreset } from './hubspot';
import { pipedrivePreset } from './pipedrive';
import { salesforcePreset } from './salesforce';

export const PRESETS: Readonly<Record<PresetId, CsvPreset>> = {
  pipedrive: pipedrivePreset,
  hubspot: hubspotPreset,
  salesforce: salesforcePreset,
  amocrm: amocrmPreset,
  bitrix24: bitrix24Preset,
};

export type PresetMatch = { preset: CsvPreset; kind: ImportKind; matched: number };

/** Fewer exact header matches than this is a coincidence (`ID`, `Amount`), not a CRM's export. */
const MIN_MATCHES = 3;

/**
 * Picks the CRM export format whose own header names (exactly as that CRM
 * writes them, case included) cover most of the file's headers, and for which
 * kind of record. Null when no format reaches three headers, or when two
 * formats tie (amoCRM and Bitrix24 share many Russian headers): generic
 * detection then reads the file, which knows both vocabularies.
 */
export function detectPreset(headers: readonly string[], kind?: ImportKind): PresetMatch | null {
  const present = new Set(headers.map((header) => header.trim()));
  const scored: PresetMatch[] = [];
  for (const preset of Object.values(PRESETS)) {
    for (const [presetKind, columns] of Object.entries(preset.columns) as [ImportKind, Record<string, readonly string[]> | undefined][]) {
      if (!columns || (kind !== undefined && presetKind !== kind)) continue;
      const names = new Set(Object.values(columns).flat());
      let matched = 0;
      for (const name of names) if (present.has(name)) matched += 1;
      if (matched >= MIN_MATCHES) scored.push({ preset, kind: presetKind, matched });
    }
  }
  scored.sort((a, b) => b.matched - a.matched);
  const [best, next] = scored;
  if (!best) return null;
  if (next && next.matched === best.matched && next.preset.id !== best.preset.id) return null;
  return best;
}
