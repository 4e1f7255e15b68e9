/** The public face of lib/columns: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export { type StoredChunk } from './chunk';
export { chunksOf, tableOver } from './from-records';
export { withColumns, ColumnTable, columnTableOf, type StoredOrder } from './table';
export { type ColumnType } from './spec';
