export { findTables, dataRows, headerRow, rowCells, placeCells, countRows, MAX_COLUMNS } from './structure';
export { cellText } from './text';
export { findTablesInSlices } from './find';
export { createTableReader, DEFAULT_LIMITS, type ReadRow, type ReaderLimits, type TableReader, type ReaderStats } from './reader';
export { suggestMapping, assignField, rememberMapping, recallMapping, type ColumnMapping, type RememberedMapping, mappingKey } from './mapping';
export { convertRows, type Converted, type RowProblem, type RecordLists } from './convert';
export { runInSlices, SLICE_MS, type SliceHost } from './slices';
export { dateOrderFor } from './locale';
