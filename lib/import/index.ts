export { importCsv } from './import-csv';
export { detectPreset, PRESETS, type PresetMatch } from './presets';
export { planLayout, detectKind, FIELDS_BY_KIND } from './columns';
export { sniffDelimiter } from './csv-reader';
export * from './types';
