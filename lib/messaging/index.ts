/** The public face of lib/messaging: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export {
  type Reply,
  type Request,
  type RequestInputOf,
  type RequestOf,
  requestSchema,
  type RequestType,
  type Responses,
  type SourceStatus,
  type RequestInput,
} from './protocol';
export { send } from './send';
export { dataVersionKey, statusVersionKey } from './keys';
export { type ConnectReply } from './requests/connections';
export {
  IMPORT_BATCH_MAX,
  type ImportBatch,
  type ImportedSource,
  type ImportResponses,
  type ImportSummary,
  parseImportBatch,
  TABLE_BATCH_MAX,
  TABLE_PAYLOAD_MAX_CHARS,
} from './requests/import';
export { type ContentCommand, readContentCommand } from './content-commands';
export { admit } from './guard';
